import { isPartnerRole, type Role } from '../../../../src/contracts/common.js';
import { CreateUserBodySchema } from '../../../../src/contracts/identity.js';
import type { Customer } from '../../../../src/contracts/masterdata.js';
import { partnerNounOf } from './partner-words.js';
import { formErrorsFrom, isApiError } from '../../api/api-error.js';
import type { InviteUserBody } from '../../api/users.js';

/**
 * What the invitation form holds; `customer` only counts for the role 'customer', `partnerId` for a
 * partner's role ('repair_partner': a repair partner; 'supplier': a supplier; 'carrier': a carrier).
 */
export interface UserDraft {
  name: string;
  email: string;
  role: Role | '';
  customer: Customer | null;
  /** Staff only; '' for none. */
  siteId: string;
  /** A partner's user only (repair partner, supplier, carrier): the organisation; '' for none chosen. */
  partnerId: string;
}

export interface UserErrors {
  name?: string;
  email?: string;
  role?: string;
  customerId?: string;
  siteId?: string;
  partnerId?: string;
  /** A refusal that belongs to no single field. */
  form?: string;
}

export const EMPTY_USER_DRAFT: UserDraft = {
  name: '',
  email: '',
  role: '',
  customer: null,
  siteId: '',
  partnerId: '',
};

const FIELDS = ['name', 'email', 'role', 'customerId', 'siteId', 'partnerId'] as const;

/** Customers and partners (repair partners, suppliers, carriers) work elsewhere than our sites. */
export const isOutsiderRole = (role: Role | '') => role === 'customer' || isPartnerRole(role);

/** Staff may have a home site; customer-portal and partner users have none. */
export function siteIdFor(role: Role | '', siteId: string): string | null {
  return isOutsiderRole(role) || siteId === '' ? null : siteId;
}

/**
 * A repair partner's user acts for one partner, a supplier's for one supplier, a carrier's for one
 * carrier; nobody else has one (the server enforces the same rule).
 */
export function partnerIdFor(role: Role | '', partnerId: string): string | null {
  return isPartnerRole(role) && partnerId !== '' ? partnerId : null;
}

/** A customer-portal user acts for one account; staff belong to none (the server enforces the same rule). */
export function customerIdFor(role: Role | '', customer: Customer | null): string | null {
  return role === 'customer' ? (customer?.id ?? null) : null;
}

export function buildInviteBody(draft: UserDraft): InviteUserBody | null {
  if (draft.role === '') return null;
  return {
    name: draft.name.trim(),
    email: draft.email.trim(),
    role: draft.role,
    customerId: customerIdFor(draft.role, draft.customer),
    siteId: siteIdFor(draft.role, draft.siteId),
    partnerId: partnerIdFor(draft.role, draft.partnerId),
  };
}

export function validateUserDraft(draft: UserDraft): UserErrors {
  const errors: UserErrors = {};
  const { shape } = CreateUserBodySchema;
  if (!shape.name.safeParse(draft.name).success) {
    errors.name = draft.name.trim() === '' ? 'Enter the person’s name.' : 'Use at most 120 characters.';
  }
  if (!shape.email.safeParse(draft.email.trim()).success) {
    errors.email =
      draft.email.trim() === ''
        ? 'Enter the e-mail address they sign in with.'
        : 'Enter an e-mail address such as name@example.com.';
  }
  return { ...errors, ...validateRole(draft.role, draft.customer !== null, draft.partnerId !== '') };
}

/** The role's own checks, shared with the change-role dialog. */
export function validateRole(
  role: Role | '',
  hasAccount: boolean,
  hasPartner: boolean,
): Pick<UserErrors, 'role' | 'customerId' | 'partnerId'> {
  if (role === '') return { role: 'Choose a role.' };
  if (role === 'customer' && !hasAccount) return { customerId: 'Choose the customer account this person acts for.' };
  if (isPartnerRole(role) && !hasPartner)
    return { partnerId: `Choose the ${partnerNounOf(role)} this person works for.` };
  return {};
}

/** The server's problem+json beside the fields it names; a taken e-mail address says so in words. */
export function serverUserErrors(error: unknown): UserErrors {
  const errors: UserErrors = formErrorsFrom(error, FIELDS);
  if (isApiError(error) && error.status === 409 && errors.email) {
    return { email: 'Someone already signs in with this e-mail address: find them in the list instead.' };
  }
  return errors;
}
