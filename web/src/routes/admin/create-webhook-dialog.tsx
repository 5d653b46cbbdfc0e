import { useRef, useState, type FormEvent } from 'react';
import { formErrorsFrom } from '../../api/api-error.js';
import { useCreateWebhookSubscription, type CreatedWebhookSubscription } from '../../api/webhooks.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/field.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import {
  buildWebhookBody,
  EMPTY_WEBHOOK_DRAFT,
  validateWebhookDraft,
  WEBHOOK_FIELDS,
  type WebhookDraft,
  type WebhookErrors,
} from './webhook-draft.js';

/** URL, event types, description and tries; errors beside their fields (ours after the first submit, then the server's). */
export function CreateWebhookDialog({
  onCreated,
  onClose,
}: {
  onCreated: (subscription: CreatedWebhookSubscription) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<WebhookDraft>(EMPTY_WEBHOOK_DRAFT);
  const [isAttempted, setIsAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<WebhookErrors | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateWebhookSubscription();
  useFocusFirstInvalid(formRef, focusRequest);

  const clientErrors = validateWebhookDraft(draft);
  const errors: WebhookErrors = { ...(isAttempted ? clientErrors : {}), ...serverErrors };

  function update(changes: Partial<WebhookDraft>) {
    setServerErrors(null);
    setDraft((current) => ({ ...current, ...changes }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    if (Object.keys(clientErrors).length > 0) {
      setFocusRequest((count) => count + 1);
      return;
    }
    create.mutate(buildWebhookBody(draft), {
      onSuccess: onCreated,
      onError: (error) => {
        setServerErrors(formErrorsFrom(error, WEBHOOK_FIELDS));
        setFocusRequest((count) => count + 1);
      },
    });
  }

  return (
    <Dialog isOpen title="Add webhook" onClose={onClose}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label="Add webhook">
        <TextField
          label="Receiver URL"
          type="url"
          value={draft.url}
          maxLength={2000}
          hint="Where Boomerang POSTs each event, e.g. https://erp.example.com/boomerang-events."
          error={errors.url}
          onChange={(event) => update({ url: event.target.value })}
          data-autofocus
        />
        <TextField
          label="Event types"
          value={draft.eventTypes}
          hint="Exact types separated by commas, e.g. rma.authorized, credit_memo.issued — or * for every event."
          error={errors.eventTypes}
          onChange={(event) => update({ eventTypes: event.target.value })}
        />
        <TextField
          label="Description"
          value={draft.description}
          maxLength={500}
          hint="Who receives it, so the next admin knows."
          error={errors.description}
          onChange={(event) => update({ description: event.target.value })}
        />
        <TextField
          label="Tries before giving up"
          type="number"
          min={1}
          max={20}
          value={draft.maxAttempts}
          hint="Failed deliveries are retried with growing pauses (10 s, 20 s, 40 s… up to an hour), then marked dead."
          error={errors.maxAttempts}
          onChange={(event) => update({ maxAttempts: event.target.value })}
        />
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add webhook'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
