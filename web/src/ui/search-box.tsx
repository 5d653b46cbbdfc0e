import { useState, type FormEvent } from 'react';
import { TextField } from './field.js';

/** A search input that applies on Enter or the button, not on every keystroke. */
export function SearchBox({
  label,
  initialValue,
  placeholder,
  onSearch,
}: {
  label: string;
  initialValue: string;
  placeholder?: string;
  onSearch: (value: string) => void;
}) {
  const [value, setValue] = useState(initialValue);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }

  return (
    <form className="search-box" role="search" onSubmit={handleSubmit}>
      <TextField
        label={label}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button--primary">
        Search
      </button>
    </form>
  );
}
