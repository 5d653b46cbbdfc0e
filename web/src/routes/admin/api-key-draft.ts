import { isPartnerRole, type Role } from '../../../../src/contracts/common.js';
import { CreateApiKeyBodySchema } from '../../../../src/contracts/identity.js';
import type { Customer } from '../../../../src/contracts/masterdata.js';
import { partnerNounOf } from './partner-words.js';
import { formErrorsFrom } from '../../api/api-error.js';
import type { CreateApiKeyBody } from '../../api/api-keys.js';
import type { Option } from '../../ui/field.js';
import { ROLE_OPTIONS } from '../../ui/options.js';

/**
 * What the create form holds; `customer` only counts for the role 'customer', `partnerId` for a
 * partner's role ('repair_partner': a repair partner; 'supplier': a supplier; 'carrier': a carrier).
 */
export interface ApiKeyDraft {
  name: string;
  role: Role | '';
  customer: Customer | null;
  /** '' for none chosen. */
  partnerId: string;
}

export interface ApiKeyErrors {
  name?: string;
  role?: string;
  customerId?: string;
  partnerId?: string;
  /** A refusal that belongs to no single field. */
  form?: string;
}

export const EMPTY_API_KEY_DRAFT: ApiKeyDraft = { name: '', role: '', customer: null, partnerId: '' };

export const API_KEY_ROLE_OPTIONS: Option[] = ROLE_OPTIONS;

const FIELDS = ['name', 'role', 'customerId', 'partnerId'] as const;

/**
 * A customer key acts for one account, a repair partner's key for one partner, a supplier's for one
 * supplier, a carrier's for one carrier; every other key names neither (the server enforces the same rule).
 */
export function buildApiKeyBody(draft: ApiKeyDraft): CreateApiKeyBody | null {
  if (draft.role === '') return null;
  return {
    name: draft.name.trim(),
    role: draft.role,
    customerId: draft.role === 'customer' ? (draft.customer?.id ?? null) : null,
    partnerId: isPartnerRole(draft.role) && draft.partnerId !== '' ? draft.partnerId : null,
  };
}

export function validateApiKeyDraft(draft: ApiKeyDraft): ApiKeyErrors {
  const errors: ApiKeyErrors = {};
  if (!CreateApiKeyBodySchema.shape.name.safeParse(draft.name).success) {
    errors.name =
      draft.name.trim() === '' ? 'Name the integration that will use this key.' : 'Use at most 100 characters.';
  }
  if (draft.role === '') errors.role = 'Choose the role the key acts as.';
  if (draft.role === 'customer' && !draft.customer)
    errors.customerId = 'Choose the customer account this key acts for.';
  if (isPartnerRole(draft.role) && draft.partnerId === '')
    errors.partnerId = `Choose the ${partnerNounOf(draft.role)} this key acts for.`;
  return errors;
}

/** The server's problem+json, as errors beside the fields it names; anything else goes above the buttons. */
export function serverApiKeyErrors(error: unknown): ApiKeyErrors {
  return formErrorsFrom(error, FIELDS);
}
