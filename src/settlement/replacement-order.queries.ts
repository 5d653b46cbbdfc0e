// Reading replacement orders. Staff read them all; a customer reads those of its own account
// (another account's order is a 404). Also what a return line has settled in goods or in money,
// which the request and the credit memo draft each check against the other.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type {
  CustomerReplacementOrder,
  ListReplacementOrdersQuery,
  ReplacementOrder,
} from '../contracts/replacements.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan, isVisibleToActor } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { readPage, toPage } from '../platform/pagination.js';
import { customerNameOf, productNameOf, productSkuOf, siteCodeOf } from '../masterdata/index.js';
import { findRmaNumbers } from '../returns/index.js';
import type { ReplacementOrdersTable } from './settlement.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

function named(db: Reader) {
  return db
    .selectFrom('replacement_orders as o')
    .selectAll('o')
    .select([customerNameOf('o.customer_id').as('customer_name'), siteCodeOf('o.site_id').as('site_code')]);
}
type NamedRow = ReplacementOrdersTable & { customer_name: string | null; site_code: string | null };

async function ordersOf(db: Reader, rows: NamedRow[]): Promise<ReplacementOrder[]> {
  if (rows.length === 0) return [];
  const [lines, numbers] = await Promise.all([
    db
      .selectFrom('replacement_order_lines as l')
      .selectAll('l')
      .select([productSkuOf('l.product_id').as('product_sku'), productNameOf('l.product_id').as('product_name')])
      .where(
        'l.replacement_order_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('l.id')
      .execute(),
    findRmaNumbers(db, [...new Set(rows.map((row) => row.rma_id))]),
  ]);
  return rows.map((row) => ({
    id: row.id,
    replacementNumber: row.replacement_number,
    rmaId: row.rma_id,
    rmaNumber: numbers.get(row.rma_id) ?? null,
    customerId: row.customer_id,
    customerName: row.customer_name,
    legalEntityId: row.legal_entity_id,
    siteId: row.site_id,
    siteCode: row.site_code,
    kind: row.kind,
    status: row.status,
    currency: row.currency,
    note: row.note,
    shortage: row.shortage,
    carrierReference: row.carrier_reference,
    depositStatus: row.deposit_status,
    depositMinor: row.deposit_minor,
    functionalCurrency: row.functional_currency,
    depositFunctionalMinor: row.deposit_functional_minor,
    depositDueOn: row.deposit_due_on,
    depositDays: row.deposit_days,
    depositEntryId: row.deposit_entry_id,
    invoiceEntryId: row.invoice_entry_id,
    differenceStatus: row.difference_status,
    differenceMinor: row.difference_minor,
    differenceTaxMinor: row.difference_tax_minor,
    differenceFunctionalMinor: row.difference_functional_minor,
    differenceEntryId: row.difference_entry_id,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    allocatedAt: row.allocated_at,
    shippedAt: row.shipped_at,
    shippedBy: row.shipped_by,
    depositSettledAt: row.deposit_settled_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    version: row.version,
    lines: lines
      .filter((line) => line.replacement_order_id === row.id)
      .map((line) => ({
        id: line.id,
        rmaLineId: line.rma_line_id,
        orderLineId: line.order_line_id,
        returnedProductId: line.returned_product_id,
        productId: line.product_id,
        productSku: line.product_sku ?? null,
        productName: line.product_name ?? null,
        quantity: line.quantity,
        unitPriceMinor: line.unit_price_minor,
        priceDifferenceMinor: line.price_difference_minor,
        priceDifferenceTaxMinor: line.price_difference_tax_minor,
        depositUnits: line.deposit_units,
        depositMinor: line.deposit_minor,
        releasedUnits: line.released_units,
        invoicedUnits: line.invoiced_units,
      })),
  }));
}

/** A customer's view, field by field: what is coming and what it is charged or credited, nothing internal. */
export function customerReplacementView(order: ReplacementOrder): CustomerReplacementOrder {
  return {
    id: order.id,
    replacementNumber: order.replacementNumber,
    rmaId: order.rmaId,
    rmaNumber: order.rmaNumber,
    customerId: order.customerId,
    kind: order.kind,
    status: order.status,
    currency: order.currency,
    carrierReference: order.carrierReference,
    depositStatus: order.depositStatus,
    depositMinor: order.depositMinor,
    depositDueOn: order.depositDueOn,
    depositDays: order.depositDays,
    differenceStatus: order.differenceStatus,
    differenceMinor: order.differenceMinor,
    differenceTaxMinor: order.differenceTaxMinor,
    createdAt: order.createdAt,
    allocatedAt: order.allocatedAt,
    shippedAt: order.shippedAt,
    depositSettledAt: order.depositSettledAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    version: order.version,
    lines: order.lines.map((line) => ({
      id: line.id,
      rmaLineId: line.rmaLineId,
      returnedProductId: line.returnedProductId,
      productId: line.productId,
      productSku: line.productSku,
      productName: line.productName,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      priceDifferenceMinor: line.priceDifferenceMinor,
      priceDifferenceTaxMinor: line.priceDifferenceTaxMinor,
      depositUnits: line.depositUnits,
      depositMinor: line.depositMinor,
      releasedUnits: line.releasedUnits,
      invoicedUnits: line.invoicedUnits,
    })),
  };
}

const isCustomer = (ctx: RequestContext) => ctx.actor.customerId !== null || ctx.actor.role === 'customer';

export async function listReplacementOrders(
  db: Reader,
  ctx: RequestContext,
  filter: ListReplacementOrdersQuery,
): Promise<Page<ReplacementOrder>> {
  assertCan(ctx.actor, 'replacements.read');
  let query = named(db);
  if (isCustomer(ctx)) query = query.where('o.customer_id', '=', ctx.actor.customerId ?? '');
  if (filter.status) query = query.where('o.status', '=', filter.status);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  if (filter.rmaId) query = query.where('o.rma_id', '=', filter.rmaId);
  if (filter.customerId) query = query.where('o.customer_id', '=', filter.customerId);
  if (filter.depositStatus) query = query.where('o.deposit_status', '=', filter.depositStatus);
  const { rows, total } = await readPage(query, query.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc'), filter);
  return toPage(await ordersOf(db, rows as NamedRow[]), filter.page, filter.pageSize, total);
}

export async function getReplacementOrder(db: Reader, ctx: RequestContext, id: string): Promise<ReplacementOrder> {
  assertCan(ctx.actor, 'replacements.read');
  const row = (await named(db).where('o.id', '=', id).executeTakeFirst()) as NamedRow | undefined;
  if (!row || !isVisibleToActor(ctx.actor, row.customer_id)) throw notFound('replacement order', id);
  return (await ordersOf(db, [row]))[0]!;
}

/**
 * Units of each return line settled in goods: on replacement orders that are not cancelled, less
 * the units of an advance replacement invoiced because the return did not come (those the
 * customer bought; the return, if it comes after all, is credited like any other).
 */
export async function findReplacedUnits(db: Reader, rmaLineIds: readonly string[]): Promise<Map<string, number>> {
  if (rmaLineIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('replacement_order_lines as l')
    .innerJoin('replacement_orders as o', 'o.id', 'l.replacement_order_id')
    .select(['l.rma_line_id', sql<number>`sum(l.quantity - l.invoiced_units)`.as('units')])
    .where('l.rma_line_id', 'in', rmaLineIds)
    .where('o.status', '!=', 'cancelled')
    .groupBy('l.rma_line_id')
    .execute();
  return new Map(rows.map((row) => [row.rma_line_id, Number(row.units)]));
}

/** Units of each return line on credit memos that are not void. */
export async function findCreditedUnitsOfLines(
  db: Reader,
  rmaLineIds: readonly string[],
): Promise<Map<string, number>> {
  if (rmaLineIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('credit_memo_lines as l')
    .innerJoin('credit_memos as m', 'm.id', 'l.credit_memo_id')
    .select(['l.rma_line_id', (eb) => eb.fn.sum<number>('l.quantity').as('units')])
    .where('l.rma_line_id', 'in', rmaLineIds)
    .where('m.status', '!=', 'void')
    .groupBy('l.rma_line_id')
    .execute();
  return new Map(rows.map((row) => [row.rma_line_id, Number(row.units)]));
}

/** Units of a return line on advance replacements' deposits still held (not released nor invoiced). */
export async function findHeldDepositUnits(db: Reader, rmaLineIds: readonly string[]): Promise<Map<string, number>> {
  if (rmaLineIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('replacement_order_lines as l')
    .innerJoin('replacement_orders as o', 'o.id', 'l.replacement_order_id')
    .select(['l.rma_line_id', sql<number>`sum(l.deposit_units - l.released_units - l.invoiced_units)`.as('units')])
    .where('l.rma_line_id', 'in', rmaLineIds)
    .where('o.deposit_status', '=', 'held')
    .groupBy('l.rma_line_id')
    .execute();
  return new Map(rows.map((row) => [row.rma_line_id, Number(row.units)]));
}
