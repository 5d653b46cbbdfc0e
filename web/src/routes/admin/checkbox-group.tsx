import { CheckboxField } from '../../ui/field.js';

/** A multi-choice from a fixed list, as a fieldset of checkboxes. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  error,
  onChange,
  labelFor,
}: {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  error?: string | undefined;
  onChange: (selected: T[]) => void;
  labelFor: (option: T) => string;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      <div className="checkbox-group__options">
        {options.map((option) => (
          <CheckboxField
            key={option}
            label={labelFor(option)}
            checked={selected.includes(option)}
            onChange={(event) =>
              onChange(event.target.checked ? [...selected, option] : selected.filter((value) => value !== option))
            }
          />
        ))}
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
