// Who may do what. Checked on the first line of every use case (not only in routes), so every
// entry point — HTTP, CLI, jobs — gets the same answer. Part of the kernel: every context needs it.
import { isPartnerRole } from '../contracts/common.js';
import { roleCan, type Permission } from '../contracts/permissions.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

export { PERMISSIONS, type Permission } from '../contracts/permissions.js';

export function can(actor: Actor, permission: Permission): boolean {
  return roleCan(actor.role, permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('forbidden', `role '${actor.role}' may not perform '${permission}'`);
  }
}

/**
 * Customer-scoped actors see only their own account. Anything of another account is reported as
 * not found (never forbidden), so its existence is not revealed. A repair partner's or a
 * supplier's users and keys belong to no customer account yet are not staff: no customer's record is theirs to see, even
 * where a use case asked only whose record it is.
 */
export function isVisibleToActor(actor: Actor, customerId: string): boolean {
  if (isPartnerRole(actor.role)) return false;
  return actor.customerId === null || actor.customerId === customerId;
}

export function isCustomerScoped(actor: Actor): boolean {
  return actor.customerId !== null;
}
