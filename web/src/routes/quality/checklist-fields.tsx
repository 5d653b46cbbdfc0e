import { useId } from 'react';
import { Badge } from '../../ui/badge.js';
import { TextField } from '../../ui/field.js';
import {
  isOutOfRange,
  rangeText,
  type ChecklistItem,
  type InspectionDraft,
  type RecordErrors,
} from './inspection-draft.js';

type Answers = InspectionDraft['answers'];

/** The checklist that applies to the product: checks as pass/fail, measurements with their range. */
export function ChecklistFields({
  items,
  answers,
  errors,
  disabled,
  onChange,
}: {
  items: readonly ChecklistItem[];
  answers: Answers;
  errors: RecordErrors;
  disabled: boolean;
  onChange: (id: string, answer: Answers[string]) => void;
}) {
  const errorId = useId();
  if (items.length === 0) return <p className="muted">No checklist applies to this product.</p>;
  return (
    <fieldset
      className={`checklist${errors['checklist'] ? ' checklist--invalid' : ''}`}
      aria-describedby={errors['checklist'] ? errorId : undefined}
    >
      <legend className="field__label">Checklist</legend>
      {errors['checklist'] ? (
        <p id={errorId} className="field__error">
          {errors['checklist']}
        </p>
      ) : null}
      <ul className="checklist__items">
        {items.map((item) => {
          const answer = answers[item.id] ?? { passed: null, value: '' };
          const error = errors[`checklist.${item.id}`];
          return (
            <li key={item.id} className="checklist__item">
              {item.kind === 'check' ? (
                <CheckToggle
                  item={item}
                  passed={answer.passed}
                  error={error}
                  disabled={disabled}
                  onChange={(passed) => onChange(item.id, { ...answer, passed })}
                />
              ) : (
                <MeasurementField
                  item={item}
                  value={answer.value}
                  error={error}
                  disabled={disabled}
                  onChange={(value) => onChange(item.id, { ...answer, value })}
                />
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function CheckToggle({
  item,
  passed,
  error,
  disabled,
  onChange,
}: {
  item: ChecklistItem;
  passed: boolean | null;
  error: string | undefined;
  disabled: boolean;
  onChange: (passed: boolean) => void;
}) {
  const name = useId();
  return (
    <fieldset className="check-toggle">
      <legend>
        {item.label}
        {item.required ? null : <span className="muted"> (optional)</span>}
        {passed === false ? (
          <>
            {' '}
            <Badge tone="danger">Failed</Badge>
          </>
        ) : null}
      </legend>
      <span className="check-toggle__options">
        {(
          [
            [true, 'Pass'],
            [false, 'Fail'],
          ] as const
        ).map(([value, label]) => (
          <label key={label} className={`check-toggle__option check-toggle__option--${label.toLowerCase()}`}>
            <input
              type="radio"
              name={name}
              checked={passed === value}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(value)}
            />
            {label}
          </label>
        ))}
      </span>
      {error ? <span className="field__error">{error}</span> : null}
    </fieldset>
  );
}

function MeasurementField({
  item,
  value,
  error,
  disabled,
  onChange,
}: {
  item: ChecklistItem;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const range = rangeText(item);
  const isOut = isOutOfRange(item, value);
  return (
    <TextField
      label={`${item.label}${item.unit ? ` (${item.unit})` : ''}`}
      type="text"
      inputMode="decimal"
      className="field--narrow"
      value={value}
      disabled={disabled}
      error={error}
      hint={
        <>
          {range ? `Expected ${range}.` : 'No range set.'}
          {isOut ? (
            <>
              {' '}
              <Badge tone="danger">Out of range</Badge>
            </>
          ) : null}
        </>
      }
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
