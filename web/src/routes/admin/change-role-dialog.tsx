import { useRef, useState, type FormEvent } from 'react';
import { isPartnerRole, type Role } from '../../../../src/contracts/common.js';
import type { Customer } from '../../../../src/contracts/masterdata.js';
import { formErrorsFrom, isApiError } from '../../api/api-error.js';
import { useCustomer } from '../../api/customers.js';
import { useUpdateUser, type User } from '../../api/users.js';
import { Alert } from '../../ui/alert.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField } from '../../ui/field.js';
import { ROLE_LABELS } from '../../ui/labels.js';
import { ROLE_OPTIONS } from '../../ui/options.js';
import { useToast } from '../../ui/toast.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { CustomerPicker } from '../warehouse/customer-picker.js';
import { HomeSiteField } from './home-site-field.js';
import { PartnerField } from './partner-field.js';
import { PARTNER_WORDS } from './partner-words.js';
import { partnerIdFor, siteIdFor, validateRole, type UserErrors } from './user-draft.js';

type RoleErrors = Pick<UserErrors, 'role' | 'customerId' | 'siteId' | 'partnerId' | 'form'> & { isConflict?: boolean };

/**
 * A new role (and, for the customer portal, the account the person acts for; for a repair partner's
 * user, the partner). The change is based on
 * the version in the list: if someone else changed the person since, it is refused and nothing is lost
 * but the click.
 */
export function ChangeRoleDialog({
  user,
  onClose,
  onReload,
}: {
  user: User;
  onClose: () => void;
  /** Shows the latest list; the dialog closes. */
  onReload: () => void;
}) {
  const [role, setRole] = useState<Role>(user.role);
  const [homeSiteId, setHomeSiteId] = useState(user.siteId ?? '');
  const [pickedPartnerId, setPickedPartnerId] = useState(user.partnerId ?? '');
  // undefined: the person's current account, shown once loaded; null: none chosen yet.
  const [picked, setPicked] = useState<Customer | null | undefined>(undefined);
  const [isAttempted, setIsAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<RoleErrors | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const current = useCustomer(user.customerId ?? '', { enabled: user.customerId !== null && picked === undefined });
  const update = useUpdateUser();
  const toast = useToast();
  useFocusFirstInvalid(formRef, focusRequest);

  const chosen = picked !== undefined ? picked : (current.data ?? null);
  const customerId = role !== 'customer' ? null : picked !== undefined ? (picked?.id ?? null) : user.customerId;
  const siteId = siteIdFor(role, homeSiteId);
  const partnerId = partnerIdFor(role, pickedPartnerId);
  const clientErrors = validateRole(role, customerId !== null, partnerId !== null);
  const errors: RoleErrors = { ...(isAttempted ? clientErrors : {}), ...serverErrors };
  const formError =
    errors.form ??
    (role === 'customer' ? undefined : errors.customerId) ??
    (isPartnerRole(role) ? undefined : errors.partnerId);

  function change(next: { role?: Role; picked?: Customer | null; siteId?: string; partnerId?: string }) {
    setServerErrors(null);
    if (next.siteId !== undefined) setHomeSiteId(next.siteId);
    if (next.partnerId !== undefined) setPickedPartnerId(next.partnerId);
    if (next.role) {
      setRole(next.role);
      // A repair partner, a supplier and a carrier are different organisations: another role starts without one.
      if (next.partnerId === undefined) setPickedPartnerId(next.role === user.role ? (user.partnerId ?? '') : '');
    }
    if (next.picked !== undefined) setPicked(next.picked);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsAttempted(true);
    if (Object.keys(clientErrors).length > 0) {
      setFocusRequest((count) => count + 1);
      return;
    }
    if (
      role === user.role &&
      customerId === user.customerId &&
      siteId === user.siteId &&
      partnerId === user.partnerId
    ) {
      onClose();
      return;
    }
    update.mutate(
      { id: user.id, version: user.version, changes: { role, customerId, siteId, partnerId } },
      {
        onSuccess: (changed) => {
          toast.show(`${changed.name} is now ${ROLE_LABELS[changed.role] ?? changed.role}`);
          onClose();
        },
        onError: (error) => {
          setServerErrors(roleErrorsFrom(error, user));
          setFocusRequest((count) => count + 1);
        },
      },
    );
  }

  return (
    <Dialog isOpen title={`Change the role or site of ${user.name}`} onClose={onClose}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label={`Change the role or site of ${user.name}`}>
        <SelectField
          label="Role"
          value={role}
          options={ROLE_OPTIONS}
          hint="What they may see and do, from their next request on."
          error={errors.role}
          onChange={(event) => change({ role: event.target.value as Role })}
          data-autofocus
        />
        {role === 'customer' ? (
          <CustomerPicker
            chosen={chosen}
            error={errors.customerId}
            placeholder="e.g. the company they work for"
            hint="A customer-portal user sees only this account’s orders and returns."
            onChoose={(customer) => change({ picked: customer })}
          />
        ) : isPartnerRole(role) ? (
          <PartnerField
            role={role}
            value={pickedPartnerId}
            error={errors.partnerId}
            hint={PARTNER_WORDS[role].userHint}
            onChange={(next) => change({ partnerId: next })}
          />
        ) : (
          <HomeSiteField value={homeSiteId} error={errors.siteId} onChange={(next) => change({ siteId: next })} />
        )}
        {formError ? (
          <Alert tone="error">
            {formError}{' '}
            {errors.isConflict ? (
              <button type="button" className="link-button" onClick={onReload}>
                Reload the list
              </button>
            ) : null}
          </Alert>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function roleErrorsFrom(error: unknown, user: User): RoleErrors {
  if (isApiError(error) && error.status === 412) {
    return {
      isConflict: true,
      form: `${user.name} was changed by someone else while you were looking. Reload the list to see the change, then try again.`,
    };
  }
  return formErrorsFrom(error, ['role', 'customerId', 'siteId', 'partnerId'] as const);
}
