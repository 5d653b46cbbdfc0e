// Keeps the KPI facts and rollups current in the transaction of the events that change them: at
// the end of every transaction (Platform.beforeCommit), the returns its events concern are
// re-derived from the stages' records and the difference is added to the rollups. Exact by
// construction — the same derivation as the check (check-kpis.ts), run on the same records the
// transaction is about to commit.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { DomainEvent, Tx } from '../../platform/unit-of-work.js';
import { deriveReturnFacts, readStoredFacts, storeFacts } from '../../kpi/index.js';
import { findRmaIdsOfClaims } from '../../recovery/index.js';
import { findRmaIdsOfDispositionDocuments } from '../../disposition/index.js';
import { gatherReturnRecords, type StagesToRead } from './gather-return-records.js';

type Reader = Kysely<DB> | Transaction<DB>;

const RMA_KEYS = new Set(['rmaId', 'resolvedRmaId', 'sourceRmaId']);

/** Every RMA id an event's payload names, at any depth (lines of a vendor return name theirs). */
function collectRmaIds(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) for (const item of value) collectRmaIds(item, into);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (RMA_KEYS.has(key) && typeof inner === 'string') into.add(inner);
      else if (key === 'rmaIds' && Array.isArray(inner))
        for (const id of inner)
          if (typeof id === 'string') into.add(id);
          else collectRmaIds(inner, into);
    }
}

/** The returns a transaction's events concern: named in them, or behind the document they name. */
export async function returnsConcerned(db: Reader, events: readonly DomainEvent[]): Promise<string[]> {
  const ids = new Set<string>();
  const claimIds: string[] = [];
  const workOrderIds: string[] = [];
  const liquidationLotIds: string[] = [];
  for (const event of events) {
    if (event.aggregateType === 'rma') ids.add(event.aggregateId);
    collectRmaIds(event.payload, ids);
    if (event.aggregateType === 'supplier_claim') claimIds.push(event.aggregateId);
    if (event.aggregateType === 'work_order') workOrderIds.push(event.aggregateId);
    if (event.aggregateType === 'liquidation_lot') liquidationLotIds.push(event.aggregateId);
  }
  for (const id of await findRmaIdsOfClaims(db, claimIds)) ids.add(id);
  for (const id of await findRmaIdsOfDispositionDocuments(db, { workOrderIds, liquidationLotIds })) ids.add(id);
  return [...ids].sort();
}

/**
 * Events that change none of a return's KPI records (a parcel's tracking, a claim on an inspection,
 * a memo drafted or approved but not issued, stock moved within the site, the journal entry beside
 * an event that has its own): a transaction of only these skips the projection. Anything else —
 * including event types added later — re-derives its returns; the check finds a list that is
 * wrong (a change to a return's records under an event listed here).
 */
const IRRELEVANT_PREFIXES = ['shipment.', 'dock_', 'stock.', 'journal.', 'sales_order.', 'config.', 'edi.'];
const IRRELEVANT = new Set([
  'inspection.queued',
  'inspection.assigned',
  'inspection.claimed',
  'inspection.released',
  'inspection.recorded',
  'inspection.photos_added',
  'inspection.awaiting_sign_off',
  'inspection.sign_off_rejected',
  'credit_memo.drafted',
  'credit_memo.line_added',
  'credit_memo.approved',
  'work_order.opened',
  'vendor_return.line_added',
  'replacement_order.requested',
]);

export const changesKpiRecords = (type: string) =>
  !IRRELEVANT.has(type) && !IRRELEVANT_PREFIXES.some((prefix) => type.startsWith(prefix));

export async function projectKpis(tx: Tx, events: readonly DomainEvent[]): Promise<void> {
  if (!events.some((event) => changesKpiRecords(event.type))) return;
  const rmaIds = await returnsConcerned(tx.db, events);
  if (rmaIds.length === 0) return;
  const before = await readStoredFacts(tx.db, rmaIds);
  // Returns new to the KPIs (made in this transaction) have records only in the stages whose
  // events this transaction emitted: a stage writes none without one. Creating a return then
  // reads returns and master data only, not six empty stages.
  const fresh = rmaIds.filter((id) => !before.has(id));
  const known = rmaIds.filter((id) => before.has(id));
  const records = [
    ...(fresh.length > 0 ? await gatherReturnRecords(tx.db, fresh, stagesWithEvents(events)) : []),
    ...(known.length > 0 ? await gatherReturnRecords(tx.db, known) : []),
  ];
  await storeFacts(tx.db, before, records.map(deriveReturnFacts));
}

/** The later stages that emitted an event in a transaction (by the events' type prefixes). */
export function stagesWithEvents(events: readonly DomainEvent[]): StagesToRead {
  const has = (...prefixes: string[]) => events.some((e) => prefixes.some((p) => e.type.startsWith(p)));
  return {
    receiving: has('receipt.', 'arrival.'),
    inspection: has('inspection.'),
    disposition: has(
      'disposition.',
      'work_order.',
      'vendor_return.',
      'disposal.',
      'liquidation_lot.',
      'quarantine_hold.',
      'customer_return_shipment.',
    ),
    settlement: has('credit_memo.', 'replacement_order.'),
    recovery: has('supplier_claim.'),
    // Valuations are fixed at receipt; freight is posted to the ledger.
    ledger: has('receipt.', 'arrival.', 'journal.'),
  };
}

/** Re-derives these returns' facts from their records and stores what changed. */
export async function refreshKpiFacts(db: Transaction<DB> | Kysely<DB>, rmaIds: readonly string[]): Promise<number> {
  const [before, records] = await Promise.all([readStoredFacts(db, rmaIds), gatherReturnRecords(db, rmaIds)]);
  return storeFacts(db, before, records.map(deriveReturnFacts));
}
