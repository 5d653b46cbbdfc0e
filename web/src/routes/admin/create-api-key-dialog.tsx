import { useRef, useState, type FormEvent } from 'react';
import { isPartnerRole, type Role } from '../../../../src/contracts/common.js';
import { useCreateApiKey, type CreatedApiKey } from '../../api/api-keys.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextField } from '../../ui/field.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { CustomerPicker } from '../warehouse/customer-picker.js';
import { PartnerField } from './partner-field.js';
import { PARTNER_WORDS } from './partner-words.js';
import {
  API_KEY_ROLE_OPTIONS,
  buildApiKeyBody,
  EMPTY_API_KEY_DRAFT,
  serverApiKeyErrors,
  validateApiKeyDraft,
  type ApiKeyDraft,
  type ApiKeyErrors,
} from './api-key-draft.js';

/**
 * Name, role and (for a customer key) the customer account or (for a repair partner's key) the
 * partner. Errors show beside their fields: the
 * form's own checks after the first submit, then whatever the server refuses.
 */
export function CreateApiKeyDialog({
  onCreated,
  onClose,
}: {
  onCreated: (key: CreatedApiKey) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<ApiKeyDraft>(EMPTY_API_KEY_DRAFT);
  const [isAttempted, setIsAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ApiKeyErrors | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateApiKey();
  useFocusFirstInvalid(formRef, focusRequest);

  const clientErrors = validateApiKeyDraft(draft);
  const errors: ApiKeyErrors = { ...(isAttempted ? clientErrors : {}), ...serverErrors };
  // Without the picker on screen, a refusal about the customer account or partner has no field to sit beside.
  const formError =
    errors.form ??
    (draft.role === 'customer' ? undefined : errors.customerId) ??
    (isPartnerRole(draft.role) ? undefined : errors.partnerId);

  function update(changes: Partial<ApiKeyDraft>) {
    setServerErrors(null);
    setDraft((current) => ({ ...current, ...changes }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    const body = buildApiKeyBody(draft);
    if (Object.keys(clientErrors).length > 0 || !body) {
      setFocusRequest((count) => count + 1);
      return;
    }
    create.mutate(body, {
      onSuccess: onCreated,
      onError: (error) => {
        setServerErrors(serverApiKeyErrors(error));
        setFocusRequest((count) => count + 1);
      },
    });
  }

  return (
    <Dialog isOpen title="Create API key" onClose={onClose}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label="Create API key">
        <TextField
          label="Name"
          value={draft.name}
          maxLength={100}
          hint="Who will use it, e.g. “Carrier tracking” or “EDI gateway”."
          error={errors.name}
          onChange={(event) => update({ name: event.target.value })}
          data-autofocus
        />
        <SelectField
          label="Role"
          value={draft.role}
          options={API_KEY_ROLE_OPTIONS}
          placeholder="Choose a role…"
          hint="The key may do what a user with this role may do."
          error={errors.role}
          // A repair partner, a supplier and a carrier are different organisations: another role starts without one.
          onChange={(event) => update({ role: event.target.value as Role | '', partnerId: '' })}
        />
        {draft.role === 'customer' ? (
          <CustomerPicker
            chosen={draft.customer}
            error={errors.customerId}
            placeholder="e.g. the account the integration belongs to"
            hint="A customer key sees only this account’s orders and returns."
            onChoose={(customer) => update({ customer })}
          />
        ) : isPartnerRole(draft.role) ? (
          <PartnerField
            role={draft.role}
            value={draft.partnerId}
            error={errors.partnerId}
            hint={PARTNER_WORDS[draft.role].keyHint}
            onChange={(partnerId) => update({ partnerId })}
          />
        ) : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
