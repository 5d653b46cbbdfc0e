// Who may do what — one table for the server (enforced in every use case) and the web app
// (which only uses it to avoid offering dead ends).
import { ROLES, type Role } from './common.js';

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
  /** Closing a return whose goods are worked through: its final settlement. */
  'returns.close': ['cs_agent', 'cs_manager', 'finance', 'ops_manager', 'admin'],
  /** Overriding where an authorized return's goods are sent (the routing rules' decision), with a reason. */
  'returns.route': ['cs_manager', 'ops_manager', 'admin'],
  'receiving.receive': ['warehouse', 'cs_agent', 'cs_manager', 'admin'],
  'receiving.read': STAFF,
  /** Recording how a return's goods travel back: the customer who ships them, or staff for them. */
  'shipments.write': ['customer', 'cs_agent', 'cs_manager', 'warehouse', 'admin'],
  /** Carrier tracking events posted by an integration (an API key), in the generic or a provider's format. */
  'tracking.report': ['warehouse', 'admin'],
  /** A carrier reading the shipments it carries (its carrier codes') and reporting their tracking events. */
  'shipments.carrier': ['carrier'],
  /** Where returned stock is, by product, site, location and status. */
  'inventory.read': STAFF,
  /** Moving returned stock between locations and statuses. */
  'inventory.move': ['warehouse', 'quality', 'admin'],
  /** The dock schedule of a site. */
  'docks.read': STAFF,
  /** Booking, rescheduling and cancelling dock appointments, and checking a carrier in. */
  'docks.book': ['warehouse', 'cs_agent', 'cs_manager', 'admin'],
  /** Setting up a site's dock doors and their time slots. */
  'docks.manage': ['warehouse', 'admin'],
  /** The inspection queue, inspections and their photos, dispositions and what they opened. */
  'inspection.read': STAFF,
  /** Claiming, recording and completing an inspection (and uploading its photos). */
  'inspection.perform': ['quality', 'warehouse', 'admin'],
  /** Giving an inspection to someone else, or taking it back from them. */
  'inspection.assign': ['quality', 'ops_manager', 'admin'],
  /** The second sign-off regulated goods need, by someone other than the inspector. */
  'inspection.sign_off': ['quality', 'admin'],
  /** Confirming or overriding the rules' recommended disposition, which executes it. */
  'disposition.decide': ['quality', 'warehouse', 'admin'],
  /** Scrapping goods (writing them off) needs someone entitled to approve the write-off. */
  'disposition.approve_scrap': ['quality', 'ops_manager', 'admin'],
  /** Recording the outcome of an in-house work order (our own bench). */
  'workorders.report': ['quality', 'warehouse', 'admin'],
  /** A repair partner reporting the outcome of its own work orders (and reading them). */
  'workorders.partner': ['repair_partner'],
  /** Shipping vendor returns and returns to customers, selling liquidation lots. */
  'disposition.ship': ['warehouse', 'ops_manager', 'admin'],
  /** Releasing goods from a quarantine hold, with the decision what becomes of them. */
  'holds.release': ['quality', 'admin'],
  /** The KPI dashboards, their drill-down to returns and CSV export, and the recomputation check. */
  'kpi.read': ['cs_manager', 'quality', 'finance', 'ops_manager', 'admin'],
  /** Recomputing every KPI figure from the raw records (a long read: minutes at a million returns). */
  'kpi.check': ['ops_manager', 'admin'],
  /** The path of a serial or lot: sold, returned, received, inspected, disposed, where now. */
  'trace.read': STAFF,
  /** Raising recall RMAs for every customer who received an affected lot. */
  'recalls.create': ['cs_manager', 'ops_manager', 'quality', 'admin'],
  'config.read': STAFF,
  /** The reason codes customers choose from, in the customers' shape (no fault classification). */
  'reason_codes.read': [...STAFF, 'customer'],
  'config.write': ['admin'],
  'apikeys.manage': ['admin'],
  /** Outgoing webhook subscriptions: their URLs, secrets, delivery log and replays. */
  'webhooks.manage': ['admin'],
  /** Trading partners: their ids, documents, mappings and folders. */
  'edi.manage': ['admin'],
  /** The EDI document log, inbound files and sending a document by hand. */
  'edi.read': ['cs_manager', 'finance', 'ops_manager', 'admin'],
  'edi.send': ['cs_manager', 'finance', 'admin'],
  'users.manage': ['admin'],
  'audit.read': [...STAFF, 'customer'],
  'audit.verify': ['finance', 'admin'],
  /** The books: chart of accounts, journal, trial balance, periods. */
  'ledger.read': ['finance', 'ops_manager', 'admin'],
  /** Adding and editing accounts, reversing an entry. */
  'ledger.manage': ['finance', 'admin'],
  /** Closing a fiscal period: finance alone. */
  'ledger.close': ['finance'],
  /** Credit memos: staff read all; a customer reads its own issued ones. */
  'credits.read': [...STAFF, 'customer'],
  /** Approving a credit memo within the policy's limit; above it, finance alone ('credits.approve_any'). */
  'credits.approve': ['cs_manager', 'finance'],
  'credits.approve_any': ['finance'],
  /** Issuing (numbering and posting), voiding and marking applied: finance. */
  'credits.issue': ['finance'],
  /** Supplier claims, their aging and the reimbursement cycle: the people who follow the money and supplier quality. */
  'claims.read': ['finance', 'ops_manager', 'quality', 'admin'],
  /** Recording a supplier's answer for it (it replied by e-mail) and its credit note: finance. */
  /** A supplier reads the vendor returns shipped to it (its own only). */
  'vendor_returns.supplier': ['supplier'],
  'claims.record': ['finance', 'admin'],
  /** A supplier reading, acknowledging and answering its own claims (its users and API keys). */
  'claims.supplier': ['supplier'],
  /** Importing exchange rates. */
  'fx.import': ['finance', 'admin'],
  /** Replacement and exchange orders: staff read all; a customer reads those of its own returns. */
  'replacements.read': [...STAFF, 'customer'],
  /** Requesting (and cancelling) a replacement, an exchange or an advance replacement for a return line. */
  'replacements.create': ['cs_agent', 'cs_manager', 'admin'],
  /** Allocating saleable stock to a replacement order and shipping it. */
  'replacements.ship': ['warehouse', 'ops_manager', 'admin'],
  /** Invoicing advance-replacement deposits whose return did not arrive within the policy's days. */
  'replacements.invoice': ['finance', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => roleCan(role, permission));
}
