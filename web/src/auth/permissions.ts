// What the UI offers each role. The server enforces access; this only avoids showing dead ends.
import type { Role } from '../../../src/contracts/common.js';
import { roleCan, rolesWith } from '../../../src/contracts/permissions.js';

export const STAFF_ROLES: readonly Role[] = [
  'cs_agent',
  'cs_manager',
  'warehouse',
  'quality',
  'finance',
  'ops_manager',
  'admin',
];
/** Staff who raise returns on a customer's behalf. */
export const SERVICE_ROLES: readonly Role[] = rolesWith('returns.create').filter((role) => role !== 'customer');
export const APPROVER_ROLES: readonly Role[] = rolesWith('returns.decide');
export const ADMIN_ROLES: readonly Role[] = rolesWith('config.write');
/** Admins who issue and revoke the API keys integrations sign in with. */
export const API_KEY_ROLES: readonly Role[] = rolesWith('apikeys.manage');
/** Admins who invite people, change their roles, deactivate them and reset their passwords. */
export const USER_ADMIN_ROLES: readonly Role[] = rolesWith('users.manage');
/** Staff who record goods that arrived without an RMA (the warehouse, customer service, admins). */
export const ARRIVAL_ROLES: readonly Role[] = rolesWith('returns.record_unauthorized');

export const canDecideApprovals = (role: Role) => roleCan(role, 'returns.decide');
export const canCancelReturns = (role: Role) => roleCan(role, 'returns.cancel');
export const canReadHistory = (role: Role) => roleCan(role, 'audit.read');
export const canRaiseForCustomers = (role: Role) => SERVICE_ROLES.includes(role);
export const canRecordArrivals = (role: Role) => ARRIVAL_ROLES.includes(role);
export const canManageApiKeys = (role: Role) => roleCan(role, 'apikeys.manage');
export const canManageUsers = (role: Role) => roleCan(role, 'users.manage');
export const canRecordShipments = (role: Role) => roleCan(role, 'shipments.write');
/** Managers who may send an authorized return elsewhere than the routing rules chose, with a reason. */
export const canRerouteReturns = (role: Role) => roleCan(role, 'returns.route');

export const UNAUTHORIZED_ARRIVALS_LIST = '/returns?isUnauthorized=true';
export const NEW_ARRIVAL_PATH = '/warehouse/unauthorized/new';
/** Arrivals from unknown senders or with uncatalogued products, waiting to be identified. */
export const ARRIVALS_TO_IDENTIFY_PATH = '/receiving/arrivals';
export const arrivalPath = (id: string) => `${ARRIVALS_TO_IDENTIFY_PATH}/${encodeURIComponent(id)}`;
/** Staff who see the arrivals waiting to be identified. */
export const RECEIVING_READ_ROLES: readonly Role[] = rolesWith('receiving.read');
/** Staff who receive goods against a return (scan or by hand) and resolve receipt exceptions. */
export const RECEIVE_ROLES: readonly Role[] = rolesWith('receiving.receive');
export const canReceive = (role: Role) => roleCan(role, 'receiving.receive');
/** Where the operator scans a return label's RMA number to start receiving. */
export const RECEIVE_PATH = '/receiving';
export const receivePath = (rmaId: string) => `${RECEIVE_PATH}/returns/${encodeURIComponent(rmaId)}`;
/** Goods that did not match their return, waiting for a decision. */
export const RECEIPT_EXCEPTIONS_PATH = '/receiving/exceptions';
/** Staff who identify an arrival (which opens its return). */
export const canIdentifyArrivals = (role: Role) => roleCan(role, 'returns.record_unauthorized');
/** Staff who see a site's dock schedule. */
export const DOCK_ROLES: readonly Role[] = rolesWith('docks.read');
/** Staff who book carriers into dock slots, check them in and cancel. */
export const canBookDocks = (role: Role) => roleCan(role, 'docks.book');
export const DOCK_PATH = '/warehouse/dock';
/** Staff who look up where returned units are. */
export const STOCK_ROLES: readonly Role[] = rolesWith('inventory.read');
export const STOCK_LOOKUP_PATH = '/warehouse/stock';
/** Staff who move returned stock between locations and statuses (put-away, quarantine). */
export const STOCK_MOVE_ROLES: readonly Role[] = rolesWith('inventory.move');
export const canMoveStock = (role: Role) => roleCan(role, 'inventory.move');
export const PUT_AWAY_PATH = '/warehouse/put-away';

export interface NavLink {
  to: string;
  label: string;
  /** Active only on this exact path, not below it (/receiving is not active on /receiving/exceptions). */
  isExact?: boolean;
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
  // Recording an arrival starts from the Arrivals page (and the home page), so the bar stays one row.
  if (canRecordArrivals(role)) links.push({ to: ARRIVALS_TO_IDENTIFY_PATH, label: 'Arrivals' });
  // The floor's own screens in the bar for the people on the floor; others reach them from home.
  const isFloor = role === 'warehouse' || role === 'quality';
  if (role === 'warehouse') links.push({ to: RECEIVE_PATH, label: 'Receive', isExact: true });
  if (RECEIVE_ROLES.includes(role)) links.push({ to: RECEIPT_EXCEPTIONS_PATH, label: 'Exceptions' });
  if (role === 'warehouse') links.push({ to: DOCK_PATH, label: 'Dock' });
  if (role === 'warehouse') links.push({ to: PUT_AWAY_PATH, label: 'Put away' });
  if (isFloor) links.push({ to: STOCK_LOOKUP_PATH, label: 'Stock' });
  if (ADMIN_ROLES.includes(role)) links.push({ to: '/admin', label: 'Admin' });
  return links;
}
