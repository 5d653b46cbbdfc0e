// The dialogs that ship, release, sell and report: a form in a dialog, its refusal in words, and a
// retry of the same change sent with the same idempotency key so a lost answer cannot apply twice.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formErrorsFrom, isApiError, type FormErrors } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';

export function OperationDialog({
  title,
  formLabel,
  onClose,
  onSubmit,
  isPending,
  submitLabel,
  pendingLabel,
  formError,
  children,
}: {
  title: string;
  /** The form's accessible name. */
  formLabel: string;
  onClose: () => void;
  onSubmit: () => void;
  isPending: boolean;
  submitLabel: string;
  pendingLabel: string;
  formError: string | undefined;
  children: ReactNode;
}) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <Dialog isOpen title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label={formLabel}>
        {children}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={isPending}>
            {isPending ? pendingLabel : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * A dialog's errors (beside its fields, or for the form) and the idempotency key of the change it
 * sends: the same body keeps its key, a changed one gets a new key.
 */
export function useOperationForm<F extends string>(fields: readonly F[], what: string) {
  const [errors, setErrors] = useState<FormErrors<F>>({});
  const idempotency = useRef<{ bodyJson: string; key: string } | null>(null);

  function keyFor(body: unknown): string {
    const bodyJson = JSON.stringify(body);
    if (idempotency.current?.bodyJson !== bodyJson) idempotency.current = { bodyJson, key: newIdempotencyKey() };
    return idempotency.current.key;
  }

  function refused(error: unknown) {
    // Someone else got there first (or it changed): the list is read again behind the dialog.
    if (isApiError(error) && (error.status === 412 || error.status === 409))
      setErrors({ form: `${what} changed since you opened it: ${error.problem.detail ?? error.problem.title}` });
    else setErrors(formErrorsFrom(error, fields));
  }

  /** Clears a field's error (and the form's) as the person edits it. */
  function clear(field: F) {
    setErrors((current) => {
      const next: Record<string, string | undefined> = { ...current };
      delete next[field];
      delete next['form'];
      return next as FormErrors<F>;
    });
  }

  return { errors, setErrors, keyFor, refused, clear };
}
