import { useRef, useState } from 'react';
import { removeRow, updateRow } from '../../ui/editable-rows.js';
import type { Option } from '../../ui/field.js';
import { newArrivalLine, type ArrivalDraft, type ArrivalErrors } from './arrival-draft.js';
import { ArrivalLineEditor } from './arrival-line-editor.js';

/** The products that arrived, one line each; lines can be added and removed. */
export function ArrivalLines({
  draft,
  errors,
  reasonOptions,
  defaultReason,
  onDraftChange,
}: {
  draft: ArrivalDraft;
  errors: ArrivalErrors;
  reasonOptions: Option[];
  defaultReason: string;
  onDraftChange: (change: (current: ArrivalDraft) => ArrivalDraft) => void;
}) {
  const [addedKey, setAddedKey] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  function addLine() {
    const line = newArrivalLine(defaultReason);
    setAddedKey(line.key);
    onDraftChange((current) => ({ ...current, lines: [...current.lines, line] }));
  }

  function removeLine(key: string) {
    onDraftChange((current) => ({ ...current, lines: removeRow(current.lines, key) }));
    addButton.current?.focus();
  }

  const canRemove = draft.lines.length > 1;
  return (
    <fieldset className="panel">
      <legend>What arrived</legend>
      {errors['lines'] ? (
        <p className="field__error" role="alert">
          {errors['lines']}
        </p>
      ) : null}
      <ol className="arrival-lines">
        {draft.lines.map((line, index) => (
          <ArrivalLineEditor
            key={line.key}
            number={index + 1}
            line={line}
            errors={errors}
            reasonOptions={reasonOptions}
            autoFocus={line.key === addedKey}
            onChange={(changes) =>
              onDraftChange((current) => ({ ...current, lines: updateRow(current.lines, line.key, changes) }))
            }
            onRemove={canRemove ? () => removeLine(line.key) : undefined}
          />
        ))}
      </ol>
      <button ref={addButton} type="button" className="button" onClick={addLine}>
        Add another line
      </button>
    </fieldset>
  );
}
