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
export const canCloseReturns = (role: Role) => roleCan(role, 'returns.close');
export const canCheckKpis = (role: Role) => roleCan(role, 'kpi.check');
export const canReadHistory = (role: Role) => roleCan(role, 'audit.read');
export const canRaiseForCustomers = (role: Role) => SERVICE_ROLES.includes(role);
export const canRecordArrivals = (role: Role) => ARRIVAL_ROLES.includes(role);
export const canManageApiKeys = (role: Role) => roleCan(role, 'apikeys.manage');
/** Admins who subscribe other systems to events and watch their deliveries. */
export const WEBHOOK_ROLES: readonly Role[] = rolesWith('webhooks.manage');
export const canManageWebhooks = (role: Role) => roleCan(role, 'webhooks.manage');
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
/** Staff who see the inspection queue, inspections and their dispositions. */
export const INSPECTION_ROLES: readonly Role[] = rolesWith('inspection.read');
export const INSPECTIONS_PATH = '/quality/inspections';
export const inspectionPagePath = (id: string) => `${INSPECTIONS_PATH}/${encodeURIComponent(id)}`;
/** Staff who claim, record and complete inspections. */
export const canInspect = (role: Role) => roleCan(role, 'inspection.perform');
/** A repair partner's users: their own work orders are all they see. */
export const PARTNER_ROLES: readonly Role[] = rolesWith('workorders.partner');
export const isRepairPartner = (role: Role) => PARTNER_ROLES.includes(role);
export const PARTNER_WORK_ORDERS_PATH = '/partner/work-orders';
export const partnerWorkOrderPath = (id: string) => `${PARTNER_WORK_ORDERS_PATH}/${encodeURIComponent(id)}`;
/** What executed dispositions opened, worked through by operations: work orders, vendor returns, holds… */
export const OPERATIONS_PATH = '/operations';
/** Recording the outcome of a work order on our own bench (partners report theirs). */
export const canReportWorkOrders = (role: Role) => roleCan(role, 'workorders.report');
/** Shipping vendor returns and goods back to customers, selling liquidation lots. */
export const canShipDispositions = (role: Role) => roleCan(role, 'disposition.ship');
/** Releasing a quarantine hold, with what becomes of the goods. */
export const canReleaseHolds = (role: Role) => roleCan(role, 'holds.release');
/** Staff who trace a serial or lot through every stage, and see where it is now. */
export const TRACE_ROLES: readonly Role[] = rolesWith('trace.read');
export const TRACE_PATH = '/trace';
export function tracePath(lookup: { serial?: string; lot?: string; productId?: string }): string {
  const given = Object.entries(lookup).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return `${TRACE_PATH}?${new URLSearchParams(given).toString()}`;
}
/** Staff who raise recalls (recall RMAs for every customer who received an affected lot). */
export const RECALL_ROLES: readonly Role[] = rolesWith('recalls.create');
export const canRaiseRecalls = (role: Role) => roleCan(role, 'recalls.create');
export const RECALLS_PATH = '/recalls';
export const NEW_RECALL_PATH = '/recalls/new';
export const recallPath = (id: string) => `${RECALLS_PATH}/${encodeURIComponent(id)}`;

/** Staff who read the books: the journal, the trial balance, periods, the chart of accounts, rates. */
export const LEDGER_ROLES: readonly Role[] = rolesWith('ledger.read');
/** Adding and editing accounts, reversing an entry. */
export const canManageLedger = (role: Role) => roleCan(role, 'ledger.manage');
/** Closing a month: finance alone. */
export const canClosePeriods = (role: Role) => roleCan(role, 'ledger.close');
/** Uploading the ECB's reference rates. */
export const canImportRates = (role: Role) => roleCan(role, 'fx.import');
export const FINANCE_PATH = '/finance';
export const JOURNAL_PATH = `${FINANCE_PATH}/journal`;
export const journalEntryPath = (id: string) => `${JOURNAL_PATH}/${encodeURIComponent(id)}`;
export const TRIAL_BALANCE_PATH = `${FINANCE_PATH}/trial-balance`;
export const PERIODS_PATH = `${FINANCE_PATH}/periods`;
export const ACCOUNTS_PATH = `${FINANCE_PATH}/accounts`;
export const RATES_PATH = `${FINANCE_PATH}/rates`;
export const RECONCILIATION_PATH = `${FINANCE_PATH}/reconciliation`;

/** Staff who read credit memos (a customer reads its own issued ones on its return's page). */
export const CREDIT_READ_ROLES: readonly Role[] = rolesWith('credits.read').filter((role) => role !== 'customer');
/** Staff who work credit memos: approve them (within the policy's limit), or issue, void and apply them. */
export const CREDIT_ROLES: readonly Role[] = CREDIT_READ_ROLES.filter(
  (role) => roleCan(role, 'credits.approve') || roleCan(role, 'credits.issue'),
);
export const canApproveCredits = (role: Role) => roleCan(role, 'credits.approve');
/** Approving above the settlement policy's limit: finance alone. */
export const canApproveAnyCredit = (role: Role) => roleCan(role, 'credits.approve_any');
/** Issuing (numbering and posting), voiding and marking applied. */
export const canIssueCredits = (role: Role) => roleCan(role, 'credits.issue');
export const CREDITS_PATH = '/credits';
export const creditMemoPath = (id: string) => `${CREDITS_PATH}/${encodeURIComponent(id)}`;

/** Staff who follow supplier claims: the board with its aging, and each claim. */
export const CLAIM_READ_ROLES: readonly Role[] = rolesWith('claims.read');
/** Recording a supplier's answer for it (it replied by e-mail) and its credit note. */
export const canRecordClaims = (role: Role) => roleCan(role, 'claims.record');
export const CLAIMS_PATH = '/claims';
export const claimPath = (id: string) => `${CLAIMS_PATH}/${encodeURIComponent(id)}`;
/** A supplier's users: their own claims are all they see; they acknowledge and answer them. */
export const SUPPLIER_ROLES: readonly Role[] = rolesWith('claims.supplier');
export const isSupplierRole = (role: Role) => SUPPLIER_ROLES.includes(role);
export const SUPPLIER_CLAIMS_PATH = '/supplier/claims';
export const supplierClaimPath = (id: string) => `${SUPPLIER_CLAIMS_PATH}/${encodeURIComponent(id)}`;
/** A carrier's users: the shipments of the carrier codes it answers for are all they see. */
export const CARRIER_ROLES: readonly Role[] = rolesWith('shipments.carrier');
export const isCarrierRole = (role: Role) => CARRIER_ROLES.includes(role);
export const CARRIER_SHIPMENTS_PATH = '/carrier/shipments';
export const carrierShipmentPath = (id: string) => `${CARRIER_SHIPMENTS_PATH}/${encodeURIComponent(id)}`;
/** Where a role opens one claim: a supplier its own screen, staff the board's. */
export const claimPathFor = (role: Role, id: string) => (isSupplierRole(role) ? supplierClaimPath(id) : claimPath(id));

/** Staff who follow EDI: the document log, a partner's file handed in, the trading partners' list. */
export const EDI_ROLES: readonly Role[] = rolesWith('edi.read');
/** Admins who set up trading partners: their ids, documents, mappings and folders. */
export const EDI_ADMIN_ROLES: readonly Role[] = rolesWith('edi.manage');
export const canManageEdi = (role: Role) => roleCan(role, 'edi.manage');
/** Sending a return as a 180, or a credit memo or supplier claim as an 812, by hand. */
export const canSendEdi = (role: Role) => roleCan(role, 'edi.send');
export const EDI_PARTNERS_PATH = '/edi/partners';
export const NEW_EDI_PARTNER_PATH = `${EDI_PARTNERS_PATH}/new`;
export const ediPartnerPath = (id: string) => `${EDI_PARTNERS_PATH}/${encodeURIComponent(id)}`;
export const EDI_DOCUMENTS_PATH = '/edi/documents';
export const ediDocumentPath = (id: string) => `${EDI_DOCUMENTS_PATH}/${encodeURIComponent(id)}`;

/** Staff who read the KPI dashboard, the returns behind its figures and their CSV. */
export const KPI_ROLES: readonly Role[] = rolesWith('kpi.read');
export const KPIS_PATH = '/kpis';
export const KPI_RETURNS_PATH = `${KPIS_PATH}/returns`;

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
  if (isRepairPartner(role)) return [{ to: PARTNER_WORK_ORDERS_PATH, label: 'Work orders' }];
  if (isSupplierRole(role)) return [{ to: SUPPLIER_CLAIMS_PATH, label: 'Claims' }];
  if (isCarrierRole(role)) return [{ to: CARRIER_SHIPMENTS_PATH, label: 'Shipments' }];
  const links: NavLink[] = [];
  if (SERVICE_ROLES.includes(role)) {
    links.push({ to: '/service/customers', label: 'Customers' }, { to: '/service/orders', label: 'Orders' });
  }
  if (APPROVER_ROLES.includes(role)) links.push({ to: '/approvals', label: 'Approvals' });
  links.push({ to: '/returns', label: 'Returns' });
  if (KPI_ROLES.includes(role)) links.push({ to: KPIS_PATH, label: 'KPIs' });
  // Recording an arrival starts from the Arrivals page (and the home page), so the bar stays one row.
  if (canRecordArrivals(role)) links.push({ to: ARRIVALS_TO_IDENTIFY_PATH, label: 'Arrivals' });
  // The floor's own screens in the bar for the people on the floor; others reach them from home.
  const isFloor = role === 'warehouse' || role === 'quality';
  if (role === 'warehouse') links.push({ to: RECEIVE_PATH, label: 'Receive', isExact: true });
  if (RECEIVE_ROLES.includes(role)) links.push({ to: RECEIPT_EXCEPTIONS_PATH, label: 'Exceptions' });
  if (role === 'warehouse') links.push({ to: DOCK_PATH, label: 'Dock' });
  if (role === 'warehouse') links.push({ to: PUT_AWAY_PATH, label: 'Put away' });
  if (isFloor) links.push({ to: STOCK_LOOKUP_PATH, label: 'Stock' });
  if (isFloor) links.push({ to: INSPECTIONS_PATH, label: 'Inspect' });
  if (isFloor || role === 'ops_manager') links.push({ to: OPERATIONS_PATH, label: 'Operations' });
  if (isFloor || role === 'ops_manager') links.push({ to: TRACE_PATH, label: 'Trace' });
  if (CREDIT_ROLES.includes(role)) links.push({ to: CREDITS_PATH, label: 'Credits' });
  // The books under one link; its tabs lead to the trial balance, periods, accounts and rates.
  if (LEDGER_ROLES.includes(role)) links.push({ to: FINANCE_PATH, label: 'Finance' });
  if (ADMIN_ROLES.includes(role)) links.push({ to: '/admin', label: 'Admin' });
  return links;
}
