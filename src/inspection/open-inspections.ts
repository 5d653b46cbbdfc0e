// The step receiving's workflow calls with every receipt: the received units join their site's
// inspection queue, one inspection per serial and one for a line's other units — the same units
// inventory holds awaiting inspection, so a disposition later moves exactly them. What the queue
// orders by (value at risk, customer tier, regulated goods, the SLA in force) is fixed now.
import { assertCan } from '../platform/access.js';
import type { Tx } from '../platform/unit-of-work.js';
import { insertRows } from '../platform/db/insert-rows.js';
import { findCurrentConfig } from '../configuration/index.js';
import { findCustomer, findProducts, findSite } from '../masterdata/index.js';
import { findReturnLineDetails } from '../returns/index.js';
import { slaDueAt, slaHoursFor } from './domain/inspection-sla.js';
import type { InspectionsTable } from './inspection.tables.js';

export interface ReceivedUnits {
  receiptId: string;
  siteId: string;
  receivedAt: string;
  lines: ReadonlyArray<{
    rmaLineId: string;
    productId: string;
    quantity: number;
    serials: readonly string[];
    lots: readonly string[];
  }>;
}

export async function openInspections(tx: Tx, received: ReceivedUnits): Promise<InspectionsTable[]> {
  assertCan(tx.ctx.actor, 'receiving.receive');
  if (received.lines.length === 0) return [];
  const details = await findReturnLineDetails(
    tx.db,
    received.lines.map((l) => l.rmaLineId),
  );
  const products = new Map(
    (await findProducts(tx.db, [...new Set(received.lines.map((l) => l.productId))])).map((p) => [p.id, p]),
  );
  const site = await findSite(tx.db, received.siteId);
  const sla = await findCurrentConfig(tx.db, 'inspection_sla');
  const tiers = new Map<string, string>();
  const rows: InspectionsTable[] = [];
  for (const line of received.lines) {
    const detail = details.get(line.rmaLineId);
    if (!detail) continue;
    if (!tiers.has(detail.customerId))
      tiers.set(detail.customerId, (await findCustomer(tx.db, detail.customerId))?.tier ?? 'bronze');
    const customerTier = tiers.get(detail.customerId)!;
    const product = products.get(line.productId);
    const isRegulated = Boolean(product?.regulated_class);
    const hours = slaHoursFor(sla.document, { siteCode: site?.code ?? null, isRegulated, customerTier });
    // Stock keeps one lot per balance (receive-goods.ts): a line of one lot keeps it here too.
    const lot = line.lots.length === 1 ? line.lots[0]! : '';
    const unit = (quantity: number, serial: string): InspectionsTable => ({
      id: tx.ids.next('ins'),
      receipt_id: received.receiptId,
      site_id: received.siteId,
      rma_id: detail.rmaId,
      rma_line_id: line.rmaLineId,
      product_id: line.productId,
      quantity,
      lot,
      serial,
      status: 'pending',
      split_from_id: null,
      value_at_risk_minor: detail.unitValueMinor * quantity,
      currency: detail.currency,
      customer_tier: customerTier,
      is_regulated: isRegulated ? 1 : 0,
      received_at: received.receivedAt,
      sla_due_at: slaDueAt(received.receivedAt, hours),
      sla_version: sla.version,
      assigned_to_id: null,
      assigned_to: null,
      assigned_at: null,
      checklist_version: null,
      checklist: '[]',
      grade: null,
      defect_codes: '[]',
      no_fault_found: 0,
      findings: '',
      measurements: '[]',
      notes: '',
      claim_verdict: null,
      claim_verdict_reason: null,
      inspected_by: null,
      inspected_by_id: null,
      inspected_at: null,
      sign_off_required: isRegulated ? 1 : 0,
      signed_off_by: null,
      signed_off_by_id: null,
      signed_off_at: null,
      sign_off_note: null,
      completed_at: null,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    });
    for (const serial of line.serials) rows.push(unit(1, serial));
    const others = line.quantity - line.serials.length;
    if (others > 0) rows.push(unit(others, ''));
  }
  if (rows.length === 0) return rows;
  await insertRows(tx.db, tx.dialect, [{ table: 'inspections', rows }]);
  for (const row of rows)
    tx.audit({
      entityType: 'inspection',
      entityId: row.id,
      streamId: row.rma_id,
      action: 'inspection.queued',
      after: {
        rmaLineId: row.rma_line_id,
        quantity: row.quantity,
        serial: row.serial || null,
        slaDueAt: row.sla_due_at,
      },
    });
  return rows;
}
