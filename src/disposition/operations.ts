// The record changes when operations work off what dispositions opened: a vendor return shipped
// (with the supplier's authorization when its terms ask for one), a quarantine hold released with
// the decision what becomes of the units, a liquidation lot sold, goods shipped back to the
// customer. Steps: each runs in its caller's transaction (the workflow moves the stock beside it),
// checks access, refuses what no longer applies, and writes only with the version it read.
import type { RELEASE_ACTIONS } from '../contracts/disposition.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { findProductsWithSupplier, findSupplierTerms, type ProductWithSupplier } from '../masterdata/index.js';
import { findReturnLineDetails, type ReturnLineDetails } from '../returns/index.js';
import { findCompletedInspection, type CompletedInspection } from '../inspection/index.js';
import { ACTION_PROFILES, type ActionProfile } from './domain/disposition-actions.js';
import { claimBasisOf } from './domain/claim-basis.js';
import type {
  CustomerReturnShipmentsTable,
  LiquidationLotLinesTable,
  LiquidationLotsTable,
  QuarantineHoldsTable,
  VendorReturnLinesTable,
  VendorReturnsTable,
} from './disposition.tables.js';
import {
  addToLiquidationLot,
  addToVendorReturn,
  openCustomerReturnShipment,
  recordDisposal,
  unitsOf,
} from './follow-ups.js';

export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

const stale = (what: string, version: number) =>
  new AppError('precondition_failed', `${what} changed (now version ${version}); reload and try again`);
const raced = (what: string) => new AppError('version_conflict', `${what} was changed at the same moment; reload`);

// ——— Vendor returns ———

export interface ShipVendorReturnInput {
  carrierReference: string;
  supplierAuthorization: string;
  expectedVersion: number;
}

/** The step: the vendor return document shipped; returns it with the lines whose units leave stock. */
export async function recordVendorReturnShipped(
  tx: Tx,
  id: string,
  input: ShipVendorReturnInput,
): Promise<{ document: VendorReturnsTable; lines: VendorReturnLinesTable[] }> {
  assertCan(tx.ctx.actor, 'disposition.ship');
  const row = await tx.db.selectFrom('vendor_returns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `vendor return ${id} was not found`);
  const what = `vendor return ${row.vendor_return_number}`;
  if (row.status === 'shipped')
    throw new AppError('invalid_transition', `${what} was already shipped (${row.carrier_reference})`);
  if (row.version !== input.expectedVersion) throw stale(what, row.version);
  const terms = await findSupplierTerms(tx.db, row.supplier_id);
  const authorization = input.supplierAuthorization.trim();
  if (terms?.requiresRtvAuthorization && authorization === '')
    throw new AppError('validation_failed', `${terms.name} requires its return authorization number on the shipment`, {
      errors: [{ path: 'supplierAuthorization', message: "enter the supplier's return authorization number" }],
    });
  const shipped: VendorReturnsTable = {
    ...row,
    status: 'shipped',
    carrier_reference: input.carrierReference,
    supplier_authorization: authorization,
    shipped_at: tx.now,
    shipped_by: tx.ctx.actor.name,
    version: row.version + 1,
    updated_at: tx.now,
  };
  const updated = await tx.db
    .updateTable('vendor_returns')
    .set({
      status: shipped.status,
      carrier_reference: shipped.carrier_reference,
      supplier_authorization: shipped.supplier_authorization,
      shipped_at: shipped.shipped_at,
      shipped_by: shipped.shipped_by,
      version: shipped.version,
      updated_at: shipped.updated_at,
    })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw raced(what);
  // Read after the document is marked, so a line added before it is shipped with it.
  const lines = await tx.db
    .selectFrom('vendor_return_lines')
    .selectAll()
    .where('vendor_return_id', '=', id)
    .orderBy('id')
    .execute();
  if (lines.length === 0) throw new AppError('conflict', `${what} has no lines: there is nothing to ship`);
  tx.audit({
    entityType: 'vendor_return',
    entityId: id,
    action: 'vendor_return.shipped',
    before: { status: row.status },
    after: {
      status: shipped.status,
      carrierReference: shipped.carrier_reference,
      supplierAuthorization: shipped.supplier_authorization || null,
      units: lines.reduce((sum, l) => sum + l.quantity, 0),
    },
  });
  // The supplier's notification: what is on its way back, and under which of its authorizations.
  tx.emit({
    type: 'vendor_return.shipped',
    aggregateType: 'vendor_return',
    aggregateId: id,
    payload: {
      vendorReturnId: id,
      number: row.vendor_return_number,
      supplierId: row.supplier_id,
      siteId: row.site_id,
      carrierReference: shipped.carrier_reference,
      supplierAuthorization: shipped.supplier_authorization || null,
      lines: lines.map((l) => ({
        rmaId: l.rma_id,
        productId: l.product_id,
        quantity: l.quantity,
        lot: l.lot || null,
        serial: l.serial || null,
        reasonCode: l.reason_code,
        grade: l.grade,
        unitCostMinor: l.unit_cost_minor,
        currency: l.currency,
      })),
    },
  });
  return { document: shipped, lines };
}

// ——— Quarantine holds ———

export interface HoldRelease {
  hold: QuarantineHoldsTable;
  action: ReleaseAction;
  reason: string;
  /** Where the units go: the status and the kind of location, as a disposition to the same action. */
  target: ActionProfile;
  product: ProductWithSupplier;
  inspection: CompletedInspection;
  line: ReturnLineDetails;
}

/**
 * The step: the hold released, recording the decision (what becomes of the units, why, who, when).
 * Scrapping writes goods off, so it needs a write-off approver as well; the vendor takes back only
 * a product that has a supplier.
 */
export async function recordHoldRelease(
  tx: Tx,
  id: string,
  input: { action: ReleaseAction; reason: string; expectedVersion: number },
): Promise<HoldRelease> {
  assertCan(tx.ctx.actor, 'holds.release');
  if (input.action === 'scrap') assertCan(tx.ctx.actor, 'disposition.approve_scrap');
  const hold = await tx.db.selectFrom('quarantine_holds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!hold) throw new AppError('not_found', `quarantine hold ${id} was not found`);
  if (hold.status === 'released')
    throw new AppError(
      'invalid_transition',
      `quarantine hold ${id} was already released (${hold.release_action}, by ${hold.released_by})`,
    );
  if (hold.version !== input.expectedVersion) throw stale(`quarantine hold ${id}`, hold.version);
  const basis = await basisOfHold(tx, hold);
  if (input.action === 'return_to_vendor' && !basis.product.supplier_id)
    throw new AppError(
      'rule_violation',
      `${basis.product.sku} has no supplier to return it to; choose another release`,
      {
        errors: [{ path: 'action', message: 'the product has no supplier' }],
      },
    );
  const released: QuarantineHoldsTable = {
    ...hold,
    status: 'released',
    release_action: input.action,
    release_reason: input.reason,
    released_by: tx.ctx.actor.name,
    released_by_id: tx.ctx.actor.personId,
    released_at: tx.now,
    version: hold.version + 1,
    updated_at: tx.now,
  };
  const updated = await tx.db
    .updateTable('quarantine_holds')
    .set({
      status: released.status,
      release_action: released.release_action,
      release_reason: released.release_reason,
      released_by: released.released_by,
      released_by_id: released.released_by_id,
      released_at: released.released_at,
      version: released.version,
      updated_at: released.updated_at,
    })
    .where('id', '=', id)
    .where('version', '=', hold.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw raced(`quarantine hold ${id}`);
  tx.audit({
    entityType: 'quarantine_hold',
    entityId: id,
    streamId: hold.rma_id,
    action: 'quarantine_hold.released',
    before: { status: hold.status },
    after: { status: released.status, action: input.action, reason: input.reason, quantity: hold.quantity },
  });
  tx.emit({
    type: 'quarantine_hold.released',
    aggregateType: 'quarantine_hold',
    aggregateId: id,
    payload: {
      holdId: id,
      rmaId: hold.rma_id,
      rmaLineId: hold.rma_line_id,
      productId: hold.product_id,
      quantity: hold.quantity,
      action: input.action,
    },
  });
  return {
    hold: released,
    action: input.action,
    reason: input.reason,
    target: ACTION_PROFILES[input.action],
    ...basis,
  };
}

/** What the follow-ups of a release need: the product and its supplier, the inspection, the claim. */
async function basisOfHold(tx: Tx, hold: QuarantineHoldsTable) {
  const disposition = await tx.db
    .selectFrom('dispositions')
    .select('inspection_id')
    .where('id', '=', hold.disposition_id)
    .executeTakeFirstOrThrow();
  const [product] = await findProductsWithSupplier(tx.db, [hold.product_id]);
  const inspection = await findCompletedInspection(tx.db, disposition.inspection_id);
  const line = (await findReturnLineDetails(tx.db, [hold.rma_line_id])).get(hold.rma_line_id);
  if (!product || !inspection || !line)
    throw new AppError('not_found', `the units of quarantine hold ${hold.id} can no longer be traced`);
  return { product, inspection, line };
}

/**
 * Opens what the release leads to, once the units are where it sends them (`locationId`): a
 * disposal record, a line on the site's liquidation lot, a shipment back to the customer or a line
 * on the supplier's vendor return. A restock opens nothing: the move is all of it.
 */
export async function openReleaseFollowUp(tx: Tx, release: HoldRelease, locationId: string): Promise<string | null> {
  const { hold, product, inspection, line, reason } = release;
  const units = unitsOf(hold);
  const source = { type: 'quarantine_hold' as const, id: hold.id };
  switch (release.action) {
    case 'restock':
      return null;
    case 'scrap':
      return recordDisposal(tx, {
        units,
        source,
        hazardous: product.regulated_class !== null,
        reason,
        currency: product.currency,
        valueWrittenOffMinor: product.unit_cost_minor * hold.quantity,
      });
    case 'secondary_channel':
      return addToLiquidationLot(tx, {
        units,
        source,
        grade: inspection.grade ?? 'C',
        unitValueMinor: product.unit_cost_minor,
        currency: product.currency,
      });
    case 'return_to_customer':
      return openCustomerReturnShipment(tx, { units, source, customerId: line.customerId, locationId, reason });
    case 'return_to_vendor':
      return addToVendorReturn(tx, {
        units,
        claimBasis: claimBasisOf({ returnType: line.returnType }),
        dispositionId: hold.disposition_id,
        inspectionId: inspection.id,
        supplierId: product.supplier_id!,
        unitCostMinor: product.unit_cost_minor,
        currency: product.currency,
        reasonCode: line.reasonCode,
        grade: inspection.grade ?? 'C',
        evidence: {
          defectCodes: inspection.defectCodes,
          findings: inspection.findings,
          noFaultFound: inspection.noFaultFound,
          photos: inspection.photos,
        },
      });
  }
}

// ——— Liquidation lots ———

/** The step: the lot sold to a buyer for its proceeds; returns it with the lines whose units leave stock. */
export async function recordLotSold(
  tx: Tx,
  id: string,
  input: { buyer: string; proceedsMinor: number; expectedVersion: number },
): Promise<{ lot: LiquidationLotsTable; lines: LiquidationLotLinesTable[] }> {
  assertCan(tx.ctx.actor, 'disposition.ship');
  const row = await tx.db.selectFrom('liquidation_lots').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `liquidation lot ${id} was not found`);
  const what = `liquidation lot ${row.lot_number}`;
  if (row.status === 'sold') throw new AppError('invalid_transition', `${what} was already sold (to ${row.buyer})`);
  if (row.version !== input.expectedVersion) throw stale(what, row.version);
  const sold: LiquidationLotsTable = {
    ...row,
    status: 'sold',
    buyer: input.buyer,
    proceeds_minor: input.proceedsMinor,
    sold_at: tx.now,
    sold_by: tx.ctx.actor.name,
    version: row.version + 1,
    updated_at: tx.now,
  };
  const updated = await tx.db
    .updateTable('liquidation_lots')
    .set({
      status: sold.status,
      buyer: sold.buyer,
      proceeds_minor: sold.proceeds_minor,
      sold_at: sold.sold_at,
      sold_by: sold.sold_by,
      version: sold.version,
      updated_at: sold.updated_at,
    })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw raced(what);
  const lines = await tx.db
    .selectFrom('liquidation_lot_lines')
    .selectAll()
    .where('liquidation_lot_id', '=', id)
    .orderBy('id')
    .execute();
  if (lines.length === 0) throw new AppError('conflict', `${what} has no lines: there is nothing to sell`);
  const units = lines.reduce((sum, l) => sum + l.quantity, 0);
  const valueMinor = lines.reduce((sum, l) => sum + l.unit_value_minor * l.quantity, 0);
  tx.audit({
    entityType: 'liquidation_lot',
    entityId: id,
    action: 'liquidation_lot.sold',
    before: { status: row.status },
    after: { status: sold.status, buyer: sold.buyer, proceedsMinor: sold.proceeds_minor, units, valueMinor },
  });
  // Finance books the proceeds against the units' graded value.
  tx.emit({
    type: 'liquidation_lot.sold',
    aggregateType: 'liquidation_lot',
    aggregateId: id,
    payload: {
      liquidationLotId: id,
      number: row.lot_number,
      siteId: row.site_id,
      buyer: sold.buyer,
      proceedsMinor: sold.proceeds_minor,
      currency: row.currency,
      units,
      valueMinor,
    },
  });
  return { lot: sold, lines };
}

// ——— Shipments back to customers ———

/** The step: the units handed to the carrier for the customer they came from. */
export async function recordShippedToCustomer(
  tx: Tx,
  id: string,
  input: { carrierReference: string; expectedVersion: number },
): Promise<CustomerReturnShipmentsTable> {
  assertCan(tx.ctx.actor, 'disposition.ship');
  const row = await tx.db.selectFrom('customer_return_shipments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `shipment back to the customer ${id} was not found`);
  const what = `shipment back to the customer ${id}`;
  if (row.status === 'shipped')
    throw new AppError('invalid_transition', `${what} was already shipped (${row.carrier_reference})`);
  if (row.version !== input.expectedVersion) throw stale(what, row.version);
  const shipped: CustomerReturnShipmentsTable = {
    ...row,
    status: 'shipped',
    carrier_reference: input.carrierReference,
    shipped_at: tx.now,
    shipped_by: tx.ctx.actor.name,
    version: row.version + 1,
    updated_at: tx.now,
  };
  const updated = await tx.db
    .updateTable('customer_return_shipments')
    .set({
      status: shipped.status,
      carrier_reference: shipped.carrier_reference,
      shipped_at: shipped.shipped_at,
      shipped_by: shipped.shipped_by,
      version: shipped.version,
      updated_at: shipped.updated_at,
    })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw raced(what);
  tx.audit({
    entityType: 'customer_return_shipment',
    entityId: id,
    streamId: row.rma_id,
    action: 'customer_return_shipment.shipped',
    before: { status: row.status },
    after: { status: shipped.status, carrierReference: shipped.carrier_reference, quantity: row.quantity },
  });
  tx.emit({
    type: 'customer_return_shipment.shipped',
    aggregateType: 'customer_return_shipment',
    aggregateId: id,
    payload: {
      shipmentId: id,
      rmaId: row.rma_id,
      rmaLineId: row.rma_line_id,
      customerId: row.customer_id,
      productId: row.product_id,
      quantity: row.quantity,
      lot: row.lot || null,
      serial: row.serial || null,
      carrierReference: shipped.carrier_reference,
    },
  });
  return shipped;
}
