import { useRef, useState, type FormEvent } from 'react';
import { TextField } from './field.js';

/**
 * A search input that applies on Enter or the button, not on every keystroke. `onSearch` is told
 * whether Enter sent it: a scanner ends its code with Enter, and a page may open a single match then.
 */
export function SearchBox({
  label,
  initialValue,
  placeholder,
  onSearch,
}: {
  label: string;
  initialValue: string;
  placeholder?: string;
  onSearch: (value: string, how: { isEnter: boolean }) => void;
}) {
  const [value, setValue] = useState(initialValue);
  const isEnter = useRef(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim(), { isEnter: isEnter.current });
    isEnter.current = false;
  }

  return (
    <form className="search-box" role="search" onSubmit={handleSubmit}>
      <TextField
        label={label}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          isEnter.current = event.key === 'Enter';
        }}
      />
      <button type="submit" className="button button--primary">
        Search
      </button>
    </form>
  );
}
