// Reading what executing dispositions opened, for the people who work it off: vendor returns (with
// each line's inspection evidence), quarantine holds, liquidation lots, shipments back to
// customers and disposal records. Staff who read inspections read these; lists are newest first.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type { z } from 'zod';
import type {
  CustomerReturnShipmentSchema,
  DisposalSchema,
  LiquidationLotSchema,
  QuarantineHoldSchema,
  SupplierVendorReturn,
  VendorReturn,
} from '../contracts/disposition.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { readPage, toPage } from '../platform/pagination.js';
import {
  customerNameOf,
  productNameOf,
  productSkuOf,
  siteCodeOf,
  supplierCodeOf,
  supplierNameOf,
} from '../masterdata/index.js';
import { findRmaNumbers } from '../returns/index.js';
import { unitView } from './disposition.queries.js';
import type {
  CustomerReturnShipmentsTable,
  DisposalsTable,
  LiquidationLotLinesTable,
  LiquidationLotsTable,
  QuarantineHoldsTable,
  VendorReturnLinesTable,
  VendorReturnsTable,
} from './disposition.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;
type QuarantineHold = z.infer<typeof QuarantineHoldSchema>;
type LiquidationLot = z.infer<typeof LiquidationLotSchema>;
type CustomerReturnShipment = z.infer<typeof CustomerReturnShipmentSchema>;
type Disposal = z.infer<typeof DisposalSchema>;

export interface ListFilter<S extends string> {
  status?: S | undefined;
  siteId?: string | undefined;
  page: number;
  pageSize: number;
}

interface UnitNames {
  site_code: string | null;
  product_sku: string | null;
  product_name: string | null;
}

const rmaNumbersOf = (db: Reader, rows: ReadonlyArray<{ rma_id: string }>) =>
  findRmaNumbers(db, [...new Set(rows.map((r) => r.rma_id))]);

const notFound = (what: string, id: string) => new AppError('not_found', `${what} ${id} was not found`);

// ——— Vendor returns ———

function vendorReturnsNamed(db: Reader) {
  return db
    .selectFrom('vendor_returns as vr')
    .selectAll('vr')
    .select([
      supplierCodeOf('vr.supplier_id').as('supplier_code'),
      supplierNameOf('vr.supplier_id').as('supplier_name'),
      siteCodeOf('vr.site_id').as('site_code'),
    ]);
}
type VendorReturnRow = VendorReturnsTable & {
  supplier_code: string | null;
  supplier_name: string | null;
  site_code: string | null;
};
type VendorReturnLineRow = VendorReturnLinesTable & UnitNames;

function vendorReturnLines(db: Reader, documentIds: readonly string[]): Promise<VendorReturnLineRow[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('vendor_return_lines as vrl')
    .selectAll('vrl')
    .select([
      siteCodeOf('vrl.site_id').as('site_code'),
      productSkuOf('vrl.product_id').as('product_sku'),
      productNameOf('vrl.product_id').as('product_name'),
    ])
    .where('vrl.vendor_return_id', 'in', documentIds)
    .orderBy('vrl.id')
    .execute();
}

interface Evidence {
  defectCodes?: string[];
  findings?: string;
  noFaultFound?: boolean;
  photos?: Array<{ id: string; sha256: string; url: string }>;
}

function evidenceOf(json: string) {
  const evidence = JSON.parse(json) as Evidence;
  return {
    defectCodes: evidence.defectCodes ?? [],
    findings: evidence.findings ?? '',
    noFaultFound: evidence.noFaultFound ?? false,
    photos: (evidence.photos ?? []).map((p) => ({ id: p.id, sha256: p.sha256, url: p.url })),
  };
}

function toVendorReturn(
  row: VendorReturnRow,
  lines: readonly VendorReturnLineRow[],
  rmaNumbers: ReadonlyMap<string, string>,
): VendorReturn {
  const currencies = [...new Set(lines.map((l) => l.currency))];
  // A supplier's products are priced in its currency; should they not be, there is no one value.
  const currency = currencies.length === 1 ? currencies[0]! : null;
  return {
    id: row.id,
    vendorReturnNumber: row.vendor_return_number,
    supplierId: row.supplier_id,
    supplierCode: row.supplier_code,
    supplierName: row.supplier_name,
    siteId: row.site_id,
    siteCode: row.site_code,
    status: row.status,
    supplierAuthorization: row.supplier_authorization,
    carrierReference: row.carrier_reference,
    shippedAt: row.shipped_at,
    shippedBy: row.shipped_by,
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    valueMinor: currency === null ? 0 : lines.reduce((sum, l) => sum + l.unit_cost_minor * l.quantity, 0),
    currency,
    lines: lines.map((l) => ({
      id: l.id,
      dispositionId: l.disposition_id,
      inspectionId: l.inspection_id,
      ...unitView(l, rmaNumbers),
      unitCostMinor: l.unit_cost_minor,
      currency: l.currency,
      reasonCode: l.reason_code,
      grade: l.grade,
      evidence: evidenceOf(l.evidence),
    })),
    createdAt: row.created_at,
    version: row.version,
  };
}

async function vendorReturnsOf(db: Reader, rows: readonly VendorReturnRow[]): Promise<VendorReturn[]> {
  const lines = await vendorReturnLines(
    db,
    rows.map((r) => r.id),
  );
  const numbers = await rmaNumbersOf(db, lines);
  return rows.map((row) =>
    toVendorReturn(
      row,
      lines.filter((l) => l.vendor_return_id === row.id),
      numbers,
    ),
  );
}

export async function listVendorReturns(
  db: Reader,
  ctx: RequestContext,
  filter: ListFilter<'open' | 'shipped'>,
): Promise<Page<VendorReturn>> {
  assertCan(ctx.actor, 'inspection.read');
  let query = vendorReturnsNamed(db);
  if (filter.status) query = query.where('vr.status', '=', filter.status);
  if (filter.siteId) query = query.where('vr.site_id', '=', filter.siteId);
  const { rows, total } = await readPage(
    query,
    query.orderBy('vr.created_at', 'desc').orderBy('vr.id', 'desc'),
    filter,
  );
  return toPage(await vendorReturnsOf(db, rows as VendorReturnRow[]), filter.page, filter.pageSize, total);
}

export async function getVendorReturn(db: Reader, ctx: RequestContext, id: string): Promise<VendorReturn> {
  assertCan(ctx.actor, 'inspection.read');
  const row = (await vendorReturnsNamed(db).where('vr.id', '=', id).executeTakeFirst()) as VendorReturnRow | undefined;
  if (!row) throw notFound('vendor return', id);
  return (await vendorReturnsOf(db, [row]))[0]!;
}

/**
 * The vendor returns shipped to the supplier the actor acts for (open ones are still being packed
 * here and are ours); another supplier's is not found, never forbidden.
 */
export async function listVendorReturnsOfSupplier(
  db: Reader,
  ctx: RequestContext,
  filter: { page: number; pageSize: number },
): Promise<Page<SupplierVendorReturn>> {
  const supplierId = supplierOf(ctx);
  const query = vendorReturnsNamed(db).where('vr.supplier_id', '=', supplierId).where('vr.status', '=', 'shipped');
  const { rows, total } = await readPage(
    query,
    query.orderBy('vr.shipped_at', 'desc').orderBy('vr.id', 'desc'),
    filter,
  );
  const documents = await vendorReturnsOf(db, rows);
  return toPage(documents.map(toSupplierView), filter.page, filter.pageSize, total);
}

export async function getVendorReturnOfSupplier(
  db: Reader,
  ctx: RequestContext,
  id: string,
): Promise<SupplierVendorReturn & { version: number }> {
  const supplierId = supplierOf(ctx);
  const row = (await vendorReturnsNamed(db)
    .where('vr.id', '=', id)
    .where('vr.supplier_id', '=', supplierId)
    .where('vr.status', '=', 'shipped')
    .executeTakeFirst()) as VendorReturnRow | undefined;
  if (!row) throw notFound('vendor return', id);
  const [document] = await vendorReturnsOf(db, [row]);
  return { ...toSupplierView(document!), version: document!.version };
}

function supplierOf(ctx: RequestContext): string {
  assertCan(ctx.actor, 'vendor_returns.supplier');
  // A supplier login without its supplier sees nothing rather than everything.
  return ctx.actor.partnerId ?? '\u0000';
}

function toSupplierView(document: VendorReturn): SupplierVendorReturn {
  return {
    id: document.id,
    vendorReturnNumber: document.vendorReturnNumber,
    supplierId: document.supplierId,
    supplierName: document.supplierName,
    status: document.status,
    supplierAuthorization: document.supplierAuthorization,
    carrierReference: document.carrierReference,
    shippedAt: document.shippedAt,
    units: document.units,
    lines: document.lines.map((line) => ({
      id: line.id,
      rmaNumber: line.rmaNumber,
      productSku: line.productSku,
      productName: line.productName,
      quantity: line.quantity,
      lot: line.lot,
      serial: line.serial,
      reasonCode: line.reasonCode,
      grade: line.grade,
      evidence: {
        defectCodes: line.evidence.defectCodes,
        findings: line.evidence.findings,
        noFaultFound: line.evidence.noFaultFound,
      },
    })),
  };
}

// ——— Quarantine holds ———

function holdsNamed(db: Reader) {
  return db
    .selectFrom('quarantine_holds as qh')
    .selectAll('qh')
    .select([
      siteCodeOf('qh.site_id').as('site_code'),
      productSkuOf('qh.product_id').as('product_sku'),
      productNameOf('qh.product_id').as('product_name'),
    ]);
}
type HoldRow = QuarantineHoldsTable & UnitNames;

function toHold(row: HoldRow, rmaNumbers: ReadonlyMap<string, string>): QuarantineHold {
  return {
    id: row.id,
    dispositionId: row.disposition_id,
    ...unitView(row, rmaNumbers),
    locationId: row.location_id,
    reason: row.reason,
    status: row.status,
    releaseAction: row.release_action,
    releaseReason: row.release_reason,
    releasedBy: row.released_by,
    releasedAt: row.released_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

export async function listQuarantineHolds(
  db: Reader,
  ctx: RequestContext,
  filter: ListFilter<'held' | 'released'>,
): Promise<Page<QuarantineHold>> {
  assertCan(ctx.actor, 'inspection.read');
  let query = holdsNamed(db);
  if (filter.status) query = query.where('qh.status', '=', filter.status);
  if (filter.siteId) query = query.where('qh.site_id', '=', filter.siteId);
  const { rows, total } = await readPage(
    query,
    query.orderBy('qh.created_at', 'desc').orderBy('qh.id', 'desc'),
    filter,
  );
  const numbers = await rmaNumbersOf(db, rows);
  return toPage(
    (rows as HoldRow[]).map((row) => toHold(row, numbers)),
    filter.page,
    filter.pageSize,
    total,
  );
}

export async function getQuarantineHold(db: Reader, ctx: RequestContext, id: string): Promise<QuarantineHold> {
  assertCan(ctx.actor, 'inspection.read');
  const row = (await holdsNamed(db).where('qh.id', '=', id).executeTakeFirst()) as HoldRow | undefined;
  if (!row) throw notFound('quarantine hold', id);
  return toHold(row, await rmaNumbersOf(db, [row]));
}

// ——— Liquidation lots ———

function lotsNamed(db: Reader) {
  return db.selectFrom('liquidation_lots as lot').selectAll('lot').select(siteCodeOf('lot.site_id').as('site_code'));
}
type LotRow = LiquidationLotsTable & { site_code: string | null };
type LotLineRow = LiquidationLotLinesTable & UnitNames;

async function lotsOf(db: Reader, rows: readonly LotRow[]): Promise<LiquidationLot[]> {
  const ids = rows.map((r) => r.id);
  const lines =
    ids.length === 0
      ? []
      : ((await db
          .selectFrom('liquidation_lot_lines as lql')
          .selectAll('lql')
          .select([
            siteCodeOf('lql.site_id').as('site_code'),
            productSkuOf('lql.product_id').as('product_sku'),
            productNameOf('lql.product_id').as('product_name'),
          ])
          .where('lql.liquidation_lot_id', 'in', ids)
          .orderBy('lql.id')
          .execute()) as LotLineRow[]);
  const numbers = await rmaNumbersOf(db, lines);
  return rows.map((row) => {
    const mine = lines.filter((l) => l.liquidation_lot_id === row.id);
    return {
      id: row.id,
      lotNumber: row.lot_number,
      siteId: row.site_id,
      siteCode: row.site_code,
      status: row.status,
      currency: row.currency,
      buyer: row.buyer,
      proceedsMinor: row.proceeds_minor,
      soldAt: row.sold_at,
      units: mine.reduce((sum, l) => sum + l.quantity, 0),
      valueMinor: mine.reduce((sum, l) => sum + l.unit_value_minor * l.quantity, 0),
      lines: mine.map((l) => ({
        id: l.id,
        ...unitView(l, numbers),
        grade: l.grade,
        unitValueMinor: l.unit_value_minor,
      })),
      createdAt: row.created_at,
      version: row.version,
    };
  });
}

export async function listLiquidationLots(
  db: Reader,
  ctx: RequestContext,
  filter: ListFilter<'open' | 'sold'>,
): Promise<Page<LiquidationLot>> {
  assertCan(ctx.actor, 'inspection.read');
  let query = lotsNamed(db);
  if (filter.status) query = query.where('lot.status', '=', filter.status);
  if (filter.siteId) query = query.where('lot.site_id', '=', filter.siteId);
  const { rows, total } = await readPage(
    query,
    query.orderBy('lot.created_at', 'desc').orderBy('lot.id', 'desc'),
    filter,
  );
  return toPage(await lotsOf(db, rows as LotRow[]), filter.page, filter.pageSize, total);
}

export async function getLiquidationLot(db: Reader, ctx: RequestContext, id: string): Promise<LiquidationLot> {
  assertCan(ctx.actor, 'inspection.read');
  const row = (await lotsNamed(db).where('lot.id', '=', id).executeTakeFirst()) as LotRow | undefined;
  if (!row) throw notFound('liquidation lot', id);
  return (await lotsOf(db, [row]))[0]!;
}

// ——— Shipments back to customers ———

function shipmentsNamed(db: Reader) {
  return db
    .selectFrom('customer_return_shipments as crs')
    .selectAll('crs')
    .select([
      siteCodeOf('crs.site_id').as('site_code'),
      productSkuOf('crs.product_id').as('product_sku'),
      productNameOf('crs.product_id').as('product_name'),
      customerNameOf('crs.customer_id').as('customer_name'),
    ]);
}
type ShipmentRow = CustomerReturnShipmentsTable & UnitNames & { customer_name: string | null };

function toShipment(row: ShipmentRow, rmaNumbers: ReadonlyMap<string, string>): CustomerReturnShipment {
  return {
    id: row.id,
    ...unitView(row, rmaNumbers),
    customerId: row.customer_id,
    customerName: row.customer_name,
    reason: row.reason,
    status: row.status,
    carrierReference: row.carrier_reference,
    shippedAt: row.shipped_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

export async function listCustomerReturnShipments(
  db: Reader,
  ctx: RequestContext,
  filter: ListFilter<'awaiting_shipment' | 'shipped'>,
): Promise<Page<CustomerReturnShipment>> {
  assertCan(ctx.actor, 'inspection.read');
  let query = shipmentsNamed(db);
  if (filter.status) query = query.where('crs.status', '=', filter.status);
  if (filter.siteId) query = query.where('crs.site_id', '=', filter.siteId);
  const { rows, total } = await readPage(
    query,
    query.orderBy('crs.created_at', 'desc').orderBy('crs.id', 'desc'),
    filter,
  );
  const numbers = await rmaNumbersOf(db, rows);
  return toPage(
    (rows as ShipmentRow[]).map((row) => toShipment(row, numbers)),
    filter.page,
    filter.pageSize,
    total,
  );
}

export async function getCustomerReturnShipment(
  db: Reader,
  ctx: RequestContext,
  id: string,
): Promise<CustomerReturnShipment> {
  assertCan(ctx.actor, 'inspection.read');
  const row = (await shipmentsNamed(db).where('crs.id', '=', id).executeTakeFirst()) as ShipmentRow | undefined;
  if (!row) throw notFound('shipment back to the customer', id);
  return toShipment(row, await rmaNumbersOf(db, [row]));
}

// ——— Disposal records ———

type DisposalRow = DisposalsTable & UnitNames;

export async function listDisposals(
  db: Reader,
  ctx: RequestContext,
  filter: Omit<ListFilter<never>, 'status'>,
): Promise<Page<Disposal>> {
  assertCan(ctx.actor, 'inspection.read');
  let query = db
    .selectFrom('disposals as dsp')
    .selectAll('dsp')
    .select([
      siteCodeOf('dsp.site_id').as('site_code'),
      productSkuOf('dsp.product_id').as('product_sku'),
      productNameOf('dsp.product_id').as('product_name'),
    ]);
  if (filter.siteId) query = query.where('dsp.site_id', '=', filter.siteId);
  const { rows, total } = await readPage(
    query,
    query.orderBy('dsp.approved_at', 'desc').orderBy('dsp.id', 'desc'),
    filter,
  );
  const numbers = await rmaNumbersOf(db, rows);
  return toPage(
    (rows as DisposalRow[]).map((row) => ({
      id: row.id,
      disposalNumber: row.disposal_number,
      ...unitView(row, numbers),
      sourceType: row.source_type,
      sourceId: row.source_id,
      method: row.method,
      reason: row.reason,
      currency: row.currency,
      valueWrittenOffMinor: row.value_written_off_minor,
      approvedBy: row.approved_by,
      approvedAt: row.approved_at,
    })),
    filter.page,
    filter.pageSize,
    total,
  );
}

/** A vendor return's number beside another context's row that names it (a supplier claim). */
export function vendorReturnNumberOf(vendorReturnIdColumn: string) {
  return sql<
    string | null
  >`(select vendor_return_number from vendor_returns where vendor_returns.id = ${sql.ref(vendorReturnIdColumn)})`;
}
