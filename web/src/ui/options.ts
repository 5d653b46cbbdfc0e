import { ROLES } from '../../../src/contracts/common.js';
import { CLAIMED_CONDITIONS, RETURN_TYPES, RMA_STATUSES } from '../../../src/contracts/returns.js';
import type { Option } from './field.js';
import { CONDITION_LABELS, humanize, ROLE_LABELS } from './labels.js';

export const STATUS_OPTIONS: Option[] = RMA_STATUSES.map((status) => ({ value: status, label: humanize(status) }));
export const RETURN_TYPE_OPTIONS: Option[] = RETURN_TYPES.map((type) => ({ value: type, label: humanize(type) }));
/** The returns list's `isUnauthorized` filter. */
export const ARRIVAL_OPTIONS: Option[] = [
  { value: 'true', label: 'Unauthorized arrivals' },
  { value: 'false', label: 'With an RMA' },
];
export const CONDITION_OPTIONS: Option[] = CLAIMED_CONDITIONS.map((condition) => ({
  value: condition,
  label: CONDITION_LABELS[condition] ?? humanize(condition),
}));
export const ROLE_OPTIONS: Option[] = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] ?? role }));
