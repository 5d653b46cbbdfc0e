// What the UI offers each role. The server enforces access; this only avoids showing dead ends.
import type { Role } from '../../../src/contracts/common.js';

export const STAFF_ROLES: readonly Role[] = [
  'cs_agent',
  'cs_manager',
  'warehouse',
  'quality',
  'finance',
  'ops_manager',
  'admin',
];
export const SERVICE_ROLES: readonly Role[] = ['cs_agent', 'cs_manager', 'admin'];
export const APPROVER_ROLES: readonly Role[] = ['cs_manager', 'admin'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];
// The server lets these roles read the audit trail a return's history is built from.
const HISTORY_READER_ROLES: readonly Role[] = ['customer', 'cs_agent', 'cs_manager', 'finance', 'ops_manager', 'admin'];
const CANCELLER_ROLES: readonly Role[] = ['customer', 'cs_agent', 'cs_manager', 'admin'];

export function canDecideApprovals(role: Role): boolean {
  return APPROVER_ROLES.includes(role);
}

export function canCancelReturns(role: Role): boolean {
  return CANCELLER_ROLES.includes(role);
}

export function canReadHistory(role: Role): boolean {
  return HISTORY_READER_ROLES.includes(role);
}

export function canRaiseForCustomers(role: Role): boolean {
  return SERVICE_ROLES.includes(role);
}

export interface NavLink {
  to: string;
  label: string;
}

export function navLinksFor(role: Role): NavLink[] {
  if (role === 'customer') {
    return [
      { to: '/portal/orders', label: 'My orders' },
      { to: '/portal/returns', label: 'My returns' },
    ];
  }
  const links: NavLink[] = [];
  if (SERVICE_ROLES.includes(role)) {
    links.push({ to: '/service/customers', label: 'Customers' }, { to: '/service/orders', label: 'Orders' });
  }
  if (APPROVER_ROLES.includes(role)) links.push({ to: '/approvals', label: 'Approvals' });
  links.push({ to: '/returns', label: 'Returns' });
  if (ADMIN_ROLES.includes(role)) links.push({ to: '/admin', label: 'Admin' });
  return links;
}
