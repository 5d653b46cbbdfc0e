// Who may do what. Checked in the use cases (the first line of each), not only in routes, so
// every entry point — HTTP, CLI, jobs — gets the same answer.
import type { Role } from '../../contracts/common.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';

const STAFF: Role[] = ['cs_agent', 'cs_manager', 'warehouse', 'quality', 'finance', 'ops_manager', 'admin'];

export const PERMISSIONS = {
  'masterdata.read': [...STAFF, 'customer'],
  'masterdata.write': ['admin'],
  'orders.read': [...STAFF, 'customer'],
  'orders.write': ['admin'],
  'returns.read': [...STAFF, 'customer'],
  'returns.create': ['customer', 'cs_agent', 'cs_manager', 'admin'],
  'returns.decide': ['cs_manager', 'admin'],
  'returns.cancel': ['customer', 'cs_agent', 'cs_manager', 'admin'],
  'returns.record_unauthorized': ['warehouse', 'cs_agent', 'cs_manager', 'admin'],
  'returns.expire': ['ops_manager', 'admin'],
  'config.read': [...STAFF, 'customer'],
  'config.write': ['admin'],
  'apikeys.manage': ['admin'],
  'audit.read': ['cs_agent', 'cs_manager', 'finance', 'ops_manager', 'admin', 'customer'],
  'audit.verify': ['finance', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('forbidden', `role '${actor.role}' may not perform '${permission}'`);
  }
}

/**
 * Customer-scoped actors see only their own account. Anything of another account is reported as
 * not found (never forbidden), so its existence is not revealed.
 */
export function isVisibleToActor(actor: Actor, customerId: string): boolean {
  return actor.customerId === null || actor.customerId === customerId;
}

export function isCustomerScoped(actor: Actor): boolean {
  return actor.customerId !== null;
}
