import type { Order } from '../../api/orders.js';
import type { Option } from '../../ui/field.js';
import {
  emptyLineDraft,
  lineErrorKey,
  unavailableReason,
  type DraftErrors,
  type LineDraft,
  type ReturnDraft,
} from './return-draft.js';
import { ReturnLineEditor } from './return-line-editor.js';

export function ReturnLinesPicker({
  order,
  draft,
  errors,
  reasonOptions,
  onDraftChange,
  onTouch,
}: {
  order: Order;
  draft: ReturnDraft;
  errors: DraftErrors;
  reasonOptions: Option[];
  onDraftChange: (change: (current: ReturnDraft) => ReturnDraft) => void;
  onTouch: (errorKey: string) => void;
}) {
  function changeLine(lineId: string, changes: Partial<LineDraft>) {
    onDraftChange((current) => ({
      ...current,
      lines: { ...current.lines, [lineId]: { ...(current.lines[lineId] ?? emptyLineDraft), ...changes } },
    }));
  }

  return (
    <fieldset className="panel">
      <legend>What is coming back?</legend>
      {errors['lines'] ? (
        <p className="field__error" role="alert">
          {errors['lines']}
        </p>
      ) : null}
      <ul className="line-editors">
        {order.lines.map((line) => (
          <ReturnLineEditor
            key={line.id}
            line={line}
            draft={draft.lines[line.id] ?? emptyLineDraft}
            errors={errors}
            reasonOptions={reasonOptions}
            unavailable={unavailableReason(line, draft.returnType)}
            onChange={(changes) => changeLine(line.id, changes)}
            onTouch={(field) => onTouch(lineErrorKey(line.id, field))}
          />
        ))}
      </ul>
    </fieldset>
  );
}
