import { useRef, useState, type FormEvent } from 'react';
import { isPartnerRole, type Role } from '../../../../src/contracts/common.js';
import { useInviteUser, type UserWithLink } from '../../api/users.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextField } from '../../ui/field.js';
import { ROLE_OPTIONS } from '../../ui/options.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { CustomerPicker } from '../warehouse/customer-picker.js';
import { HomeSiteField } from './home-site-field.js';
import { PartnerField } from './partner-field.js';
import { PARTNER_WORDS } from './partner-words.js';
import {
  buildInviteBody,
  EMPTY_USER_DRAFT,
  serverUserErrors,
  validateUserDraft,
  type UserDraft,
  type UserErrors,
} from './user-draft.js';

/**
 * Name, e-mail, role and (for a customer-portal user) the customer account, (for a repair partner's
 * user) the partner, or (for staff) a home site. Nobody types a password
 * for someone else: inviting makes a one-time link the person sets their own with. Errors show beside
 * their fields: the form's own checks after the first submit, then whatever the server refuses.
 */
export function InviteUserDialog({
  onInvited,
  onClose,
}: {
  onInvited: (invited: UserWithLink) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<UserDraft>(EMPTY_USER_DRAFT);
  const [isAttempted, setIsAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<UserErrors | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const invite = useInviteUser();
  useFocusFirstInvalid(formRef, focusRequest);

  const clientErrors = validateUserDraft(draft);
  const errors: UserErrors = { ...(isAttempted ? clientErrors : {}), ...serverErrors };
  // Without the picker on screen, a refusal about the customer account or partner has no field to sit beside.
  const formError =
    errors.form ??
    (draft.role === 'customer' ? undefined : errors.customerId) ??
    (isPartnerRole(draft.role) ? undefined : errors.partnerId);

  function update(changes: Partial<UserDraft>) {
    setServerErrors(null);
    setDraft((current) => ({ ...current, ...changes }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    const body = buildInviteBody(draft);
    if (Object.keys(clientErrors).length > 0 || !body) {
      setFocusRequest((count) => count + 1);
      return;
    }
    invite.mutate(body, {
      onSuccess: onInvited,
      onError: (error) => {
        setServerErrors(serverUserErrors(error));
        setFocusRequest((count) => count + 1);
      },
    });
  }

  return (
    <Dialog isOpen title="Invite a person" onClose={onClose}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label="Invite a person">
        <TextField
          label="Name"
          value={draft.name}
          maxLength={120}
          autoComplete="off"
          error={errors.name}
          onChange={(event) => update({ name: event.target.value })}
          data-autofocus
        />
        <TextField
          label="E-mail"
          type="email"
          value={draft.email}
          maxLength={200}
          autoComplete="off"
          hint="They sign in with it."
          error={errors.email}
          onChange={(event) => update({ email: event.target.value })}
        />
        <SelectField
          label="Role"
          value={draft.role}
          options={ROLE_OPTIONS}
          placeholder="Choose a role…"
          hint="What they may see and do."
          error={errors.role}
          // A repair partner, a supplier and a carrier are different organisations: another role starts without one.
          onChange={(event) => update({ role: event.target.value as Role | '', partnerId: '' })}
        />
        {draft.role === 'customer' ? (
          <CustomerPicker
            chosen={draft.customer}
            error={errors.customerId}
            placeholder="e.g. the company they work for"
            hint="A customer-portal user sees only this account’s orders and returns."
            onChoose={(customer) => update({ customer })}
          />
        ) : isPartnerRole(draft.role) ? (
          <PartnerField
            role={draft.role}
            value={draft.partnerId}
            error={errors.partnerId}
            hint={PARTNER_WORDS[draft.role].userHint}
            onChange={(partnerId) => update({ partnerId })}
          />
        ) : draft.role !== '' ? (
          <HomeSiteField value={draft.siteId} error={errors.siteId} onChange={(siteId) => update({ siteId })} />
        ) : null}
        <p className="field__hint">You get a one-time link to send them; with it they set their own password.</p>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={invite.isPending}>
            {invite.isPending ? 'Inviting…' : 'Invite'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
