// What executing a disposition opens, one opener per follow-up: a work order (repair or
// refurbishment), a line on the supplier's open vendor return, a quarantine hold, a disposal
// record, a line on the site's open liquidation lot, a shipment back to the customer. Each writes
// only disposition's own tables, inside the workflow's transaction; the stock has been moved by
// then. Release of a hold opens the same records, so the openers take "units" and a source, not
// only a disposition.
import type { DispositionAction } from '../contracts/inspection-vocabulary.js';
import { sql } from 'kysely';
import { nextDocumentNumber } from '../platform/document-numbers.js';
import type { Tx } from '../platform/unit-of-work.js';
import { findSite } from '../masterdata/index.js';
import { gradedValue, performerOf } from './domain/disposition-actions.js';
import { claimBasisOf } from './domain/claim-basis.js';
import type { ClaimBasis } from '../contracts/recovery.js';
import { joinOpenDocument } from '../platform/db/open-document.js';
import type { DispositionPlan } from './record-disposition.js';
import type {
  CustomerReturnShipmentsTable,
  DisposalsTable,
  DispositionsTable,
  FollowUpType,
  LiquidationLotLinesTable,
  QuarantineHoldsTable,
  VendorReturnLinesTable,
  WorkOrdersTable,
} from './disposition.tables.js';

/** The units a record is about, as the disposition (or hold) holds them. */
export interface Units {
  site_id: string;
  rma_id: string;
  rma_line_id: string;
  product_id: string;
  quantity: number;
  lot: string;
  serial: string;
}

export const unitsOf = (row: Units): Units => ({
  site_id: row.site_id,
  rma_id: row.rma_id,
  rma_line_id: row.rma_line_id,
  product_id: row.product_id,
  quantity: row.quantity,
  lot: row.lot,
  serial: row.serial,
});

async function legalEntityOfSite(tx: Tx, siteId: string): Promise<string> {
  return (await findSite(tx.db, siteId))?.legal_entity_id ?? 'unknown';
}

export async function openWorkOrder(tx: Tx, disposition: DispositionsTable, plan: DispositionPlan): Promise<string> {
  const kind = plan.profile.action === 'refurbish' ? 'refurbish' : 'repair';
  const row: WorkOrdersTable = {
    ...unitsOf(disposition),
    id: tx.ids.next('wo'),
    work_order_number: await nextDocumentNumber(tx, 'work_order', await legalEntityOfSite(tx, disposition.site_id)),
    disposition_id: disposition.id,
    kind,
    performer: performerOf(plan.code),
    partner_id: plan.partnerId,
    status: 'open',
    currency: plan.product.currency,
    unit_value_minor: plan.facts.unitValueMinor,
    estimated_cost_minor:
      (kind === 'refurbish' ? plan.facts.refurbishCostMinor : plan.facts.repairCostMinor) * disposition.quantity,
    actual_cost_minor: null,
    outcome: null,
    outcome_grade: null,
    graded_value_minor: null,
    outcome_note: '',
    reported_by: null,
    reported_by_id: null,
    reported_at: null,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  await tx.db.insertInto('work_orders').values(row).execute();
  tx.audit({
    entityType: 'work_order',
    entityId: row.id,
    streamId: row.rma_id,
    action: 'work_order.opened',
    after: {
      number: row.work_order_number,
      kind,
      performer: row.performer,
      partnerId: row.partner_id,
      estimatedCostMinor: row.estimated_cost_minor,
    },
  });
  tx.emit({
    type: 'work_order.opened',
    aggregateType: 'work_order',
    aggregateId: row.id,
    payload: {
      workOrderId: row.id,
      number: row.work_order_number,
      performer: row.performer,
      partnerId: row.partner_id,
    },
  });
  return row.id;
}

export interface VendorReturnLineInput {
  units: Units;
  dispositionId: string;
  inspectionId: string;
  supplierId: string;
  unitCostMinor: number;
  currency: string;
  reasonCode: string;
  grade: string;
  evidence: unknown;
  claimBasis: ClaimBasis;
}

/** Adds the units to the supplier's open vendor return at the site (opened on first use). */
export async function addToVendorReturn(tx: Tx, input: VendorReturnLineInput): Promise<string> {
  const { document, opened } = await joinOpenDocument({
    findOpen: () =>
      tx.db
        .selectFrom('vendor_returns')
        .select(['id', 'vendor_return_number'])
        .where('supplier_id', '=', input.supplierId)
        .where('site_id', '=', input.units.site_id)
        .where('status', '=', 'open')
        .executeTakeFirst(),
    tryOpen: async () => {
      const row = {
        id: tx.ids.next('vr'),
        vendor_return_number: await nextDocumentNumber(
          tx,
          'vendor_return',
          await legalEntityOfSite(tx, input.units.site_id),
        ),
        supplier_id: input.supplierId,
        site_id: input.units.site_id,
        status: 'open' as const,
        supplier_authorization: '',
        carrier_reference: '',
        shipped_at: null,
        shipped_by: null,
        version: 1,
        created_at: tx.now,
        updated_at: tx.now,
      };
      // Two first dispositions for one supplier at once: the partial unique index lets one open it.
      const result = await tx.db
        .insertInto('vendor_returns')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? row : undefined;
    },
    touchIfOpen: async (open) => {
      const result = await tx.db
        .updateTable('vendor_returns')
        .set({ version: sql<number>`version + 1`, updated_at: tx.now })
        .where('id', '=', open.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  });
  if (opened)
    tx.audit({
      entityType: 'vendor_return',
      entityId: document.id,
      action: 'vendor_return.opened',
      after: { number: document.vendor_return_number, supplierId: input.supplierId, siteId: input.units.site_id },
    });
  const line: VendorReturnLinesTable = {
    ...input.units,
    id: tx.ids.next('vrl'),
    vendor_return_id: document.id,
    disposition_id: input.dispositionId,
    inspection_id: input.inspectionId,
    unit_cost_minor: input.unitCostMinor,
    currency: input.currency,
    reason_code: input.reasonCode,
    grade: input.grade as VendorReturnLinesTable['grade'],
    evidence: JSON.stringify(input.evidence),
    claim_basis: input.claimBasis,
  };
  await tx.db.insertInto('vendor_return_lines').values(line).execute();
  tx.audit({
    entityType: 'vendor_return',
    entityId: document.id,
    streamId: input.units.rma_id,
    action: 'vendor_return.line_added',
    after: {
      number: document.vendor_return_number,
      productId: line.product_id,
      quantity: line.quantity,
      serial: line.serial || null,
    },
  });
  // The supplier's systems (and later its portal) learn of goods coming back to it.
  tx.emit({
    type: 'vendor_return.line_added',
    aggregateType: 'vendor_return',
    aggregateId: document.id,
    payload: {
      vendorReturnId: document.id,
      number: document.vendor_return_number,
      supplierId: input.supplierId,
      productId: line.product_id,
      quantity: line.quantity,
      serial: line.serial || null,
      lot: line.lot || null,
      reasonCode: line.reason_code,
    },
  });
  return document.id;
}

export async function openQuarantineHold(
  tx: Tx,
  input: { units: Units; dispositionId: string; locationId: string; reason: string },
): Promise<string> {
  const row: QuarantineHoldsTable = {
    ...input.units,
    id: tx.ids.next('qh'),
    disposition_id: input.dispositionId,
    location_id: input.locationId,
    reason: input.reason,
    status: 'held',
    release_action: null,
    release_reason: null,
    released_by: null,
    released_by_id: null,
    released_at: null,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  await tx.db.insertInto('quarantine_holds').values(row).execute();
  tx.audit({
    entityType: 'quarantine_hold',
    entityId: row.id,
    streamId: row.rma_id,
    action: 'quarantine_hold.opened',
    after: { reason: row.reason, quantity: row.quantity },
  });
  return row.id;
}

export async function recordDisposal(
  tx: Tx,
  input: {
    units: Units;
    source: { type: DisposalsTable['source_type']; id: string };
    hazardous: boolean;
    reason: string;
    currency: string;
    valueWrittenOffMinor: number;
  },
): Promise<string> {
  const row: DisposalsTable = {
    ...input.units,
    id: tx.ids.next('dis'),
    disposal_number: await nextDocumentNumber(tx, 'disposal', await legalEntityOfSite(tx, input.units.site_id)),
    source_type: input.source.type,
    source_id: input.source.id,
    method: input.hazardous ? 'hazardous_disposal' : 'scrap',
    reason: input.reason,
    currency: input.currency,
    value_written_off_minor: input.valueWrittenOffMinor,
    approved_by: tx.ctx.actor.name,
    approved_by_id: tx.ctx.actor.personId,
    approved_at: tx.now,
  };
  await tx.db.insertInto('disposals').values(row).execute();
  tx.audit({
    entityType: 'disposal',
    entityId: row.id,
    streamId: row.rma_id,
    action: 'disposal.recorded',
    after: {
      number: row.disposal_number,
      method: row.method,
      reason: row.reason,
      quantity: row.quantity,
      valueWrittenOffMinor: row.value_written_off_minor,
    },
  });
  tx.emit({
    type: 'disposal.recorded',
    aggregateType: 'disposal',
    aggregateId: row.id,
    payload: {
      disposalId: row.id,
      rmaId: row.rma_id,
      productId: row.product_id,
      quantity: row.quantity,
      valueWrittenOffMinor: row.value_written_off_minor,
      currency: row.currency,
    },
  });
  return row.id;
}

/** Adds the units to the site's open liquidation lot in that currency (opened on first use). */
export async function addToLiquidationLot(
  tx: Tx,
  input: {
    units: Units;
    source: { type: LiquidationLotLinesTable['source_type']; id: string };
    grade: string;
    unitValueMinor: number;
    currency: string;
  },
): Promise<string> {
  const { document: lot } = await joinOpenDocument({
    findOpen: () =>
      tx.db
        .selectFrom('liquidation_lots')
        .select(['id', 'lot_number'])
        .where('site_id', '=', input.units.site_id)
        .where('currency', '=', input.currency)
        .where('status', '=', 'open')
        .executeTakeFirst(),
    tryOpen: async () => {
      const row = {
        id: tx.ids.next('liq'),
        lot_number: await nextDocumentNumber(tx, 'liquidation_lot', await legalEntityOfSite(tx, input.units.site_id)),
        site_id: input.units.site_id,
        status: 'open' as const,
        currency: input.currency,
        buyer: '',
        proceeds_minor: null,
        sold_at: null,
        sold_by: null,
        version: 1,
        created_at: tx.now,
        updated_at: tx.now,
      };
      const result = await tx.db
        .insertInto('liquidation_lots')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? row : undefined;
    },
    touchIfOpen: async (open) => {
      const result = await tx.db
        .updateTable('liquidation_lots')
        .set({ version: sql<number>`version + 1`, updated_at: tx.now })
        .where('id', '=', open.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  });
  const line: LiquidationLotLinesTable = {
    ...input.units,
    id: tx.ids.next('lql'),
    liquidation_lot_id: lot.id,
    source_type: input.source.type,
    source_id: input.source.id,
    grade: input.grade as LiquidationLotLinesTable['grade'],
    unit_value_minor: gradedValue(input.unitValueMinor, input.grade),
  };
  await tx.db.insertInto('liquidation_lot_lines').values(line).execute();
  tx.audit({
    entityType: 'liquidation_lot',
    entityId: lot.id,
    streamId: input.units.rma_id,
    action: 'liquidation_lot.line_added',
    after: {
      number: lot.lot_number,
      productId: line.product_id,
      quantity: line.quantity,
      unitValueMinor: line.unit_value_minor,
    },
  });
  return lot.id;
}

export async function openCustomerReturnShipment(
  tx: Tx,
  input: {
    units: Units;
    source: { type: CustomerReturnShipmentsTable['source_type']; id: string };
    customerId: string;
    locationId: string;
    reason: string;
  },
): Promise<string> {
  const row: CustomerReturnShipmentsTable = {
    ...input.units,
    id: tx.ids.next('crs'),
    source_type: input.source.type,
    source_id: input.source.id,
    customer_id: input.customerId,
    location_id: input.locationId,
    reason: input.reason,
    status: 'awaiting_shipment',
    carrier_reference: '',
    shipped_at: null,
    shipped_by: null,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  await tx.db.insertInto('customer_return_shipments').values(row).execute();
  tx.audit({
    entityType: 'customer_return_shipment',
    entityId: row.id,
    streamId: row.rma_id,
    action: 'customer_return_shipment.opened',
    after: { reason: row.reason, quantity: row.quantity },
  });
  return row.id;
}

/** Opens the follow-up the plan's action calls for; null for a restock (the move is all of it). */
export async function openFollowUp(
  tx: Tx,
  disposition: DispositionsTable,
  plan: DispositionPlan,
): Promise<{ type: FollowUpType; id: string } | null> {
  const units = unitsOf(disposition);
  const explanation = plan.isOverride ? plan.overrideReason : plan.recommendation.explanation;
  const grade = plan.inspection.grade!;
  const action: DispositionAction = plan.profile.action;
  switch (action) {
    case 'restock':
      return null;
    case 'repair':
    case 'refurbish':
      return { type: 'work_order', id: await openWorkOrder(tx, disposition, plan) };
    case 'return_to_vendor':
      return {
        type: 'vendor_return',
        id: await addToVendorReturn(tx, {
          units,
          claimBasis: claimBasisOf(plan.facts),
          dispositionId: disposition.id,
          inspectionId: plan.inspection.id,
          supplierId: plan.product.supplier_id!,
          unitCostMinor: plan.product.unit_cost_minor,
          currency: plan.product.currency,
          reasonCode: plan.line.reasonCode,
          grade,
          evidence: {
            defectCodes: plan.inspection.defectCodes,
            findings: plan.inspection.findings,
            noFaultFound: plan.inspection.noFaultFound,
            photos: plan.inspection.photos,
          },
        }),
      };
    case 'quarantine':
      return {
        type: 'quarantine_hold',
        id: await openQuarantineHold(tx, {
          units,
          dispositionId: disposition.id,
          locationId: disposition.target_location_id,
          reason: plan.request.holdReason || explanation,
        }),
      };
    case 'scrap':
      return {
        type: 'disposal',
        id: await recordDisposal(tx, {
          units,
          source: { type: 'disposition', id: disposition.id },
          hazardous: plan.product.regulated_class !== null || plan.code.code === 'HAZARDOUS_DISPOSAL',
          reason: plan.request.disposalReason || explanation,
          currency: plan.product.currency,
          valueWrittenOffMinor: plan.product.unit_cost_minor * disposition.quantity,
        }),
      };
    case 'secondary_channel':
      return {
        type: 'liquidation_lot',
        id: await addToLiquidationLot(tx, {
          units,
          source: { type: 'disposition', id: disposition.id },
          grade,
          unitValueMinor: plan.product.unit_cost_minor,
          currency: plan.product.currency,
        }),
      };
    case 'return_to_customer':
      return {
        type: 'customer_return_shipment',
        id: await openCustomerReturnShipment(tx, {
          units,
          source: { type: 'disposition', id: disposition.id },
          customerId: plan.line.customerId,
          locationId: disposition.target_location_id,
          reason: explanation,
        }),
      };
  }
}
