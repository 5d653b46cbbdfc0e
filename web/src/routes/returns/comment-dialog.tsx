import { useState, type FormEvent } from 'react';
import { describeError, isApiError } from '../../api/api-error.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { Field } from '../../ui/field.js';

/** A decision that must be explained: approve, reject or cancel, each with a required comment. */
export function CommentDialog({
  isOpen,
  title,
  label,
  hint,
  confirmLabel,
  isDanger,
  isPending,
  error,
  onConfirm,
  onClose,
}: {
  isOpen: boolean;
  title: string;
  label: string;
  hint?: string;
  confirmLabel: string;
  isDanger?: boolean;
  isPending: boolean;
  error: unknown;
  onConfirm: (text: string) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [validationError, setValidationError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') {
      setValidationError('A comment is required.');
      return;
    }
    setValidationError(undefined);
    onConfirm(text.trim());
  }

  function close() {
    setText('');
    setValidationError(undefined);
    onClose();
  }

  const fieldError = validationError ?? (isApiError(error) ? Object.values(error.fieldErrors())[0] : undefined);

  return (
    <Dialog isOpen={isOpen} title={title} onClose={close}>
      <form onSubmit={handleSubmit} noValidate>
        {error && !fieldError ? <Alert tone="error">{describeError(error)}</Alert> : null}
        <Field label={label} error={fieldError} hint={hint}>
          {(control) => (
            <textarea
              className="input"
              rows={4}
              maxLength={2000}
              value={text}
              onChange={(event) => setText(event.target.value)}
              data-autofocus
              {...control}
            />
          )}
        </Field>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={close}>
            Close
          </button>
          <button
            type="submit"
            className={`button ${isDanger ? 'button--danger' : 'button--primary'}`}
            disabled={isPending}
          >
            {isPending ? 'Saving…' : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
