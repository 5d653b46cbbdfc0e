// Who may do what. Checked in the use cases (the first line of each), not only in routes, so
// every entry point — HTTP, CLI, jobs — gets the same answer.
import { roleCan, type Permission } from '../../contracts/permissions.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';

export { PERMISSIONS, type Permission } from '../../contracts/permissions.js';

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
 * not found (never forbidden), so its existence is not revealed.
 */
export function isVisibleToActor(actor: Actor, customerId: string): boolean {
  return actor.customerId === null || actor.customerId === customerId;
}

export function isCustomerScoped(actor: Actor): boolean {
  return actor.customerId !== null;
}
