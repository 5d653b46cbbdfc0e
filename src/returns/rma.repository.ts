// Queries of return authorization. One query per function, over a connection or a transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, RmaLinesTable, RmasTable } from '../platform/db/schema.js';
import type { ListRmasFilter } from '../contracts/returns.js';
import { anyColumnContains, offsetOf } from '../platform/pagination.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';

type Reader = Kysely<DB> | Transaction<DB>;

export function findCustomer(db: Reader, id: string) {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrderLinesWithProducts(db: Reader, orderLineIds: string[]) {
  if (orderLineIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sales_order_lines as l')
    .innerJoin('sales_orders as o', 'o.id', 'l.order_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .select([
      'l.id',
      'l.order_id',
      'o.order_number',
      'o.customer_id',
      'o.currency',
      'o.legal_entity_id',
      'l.product_id',
      'l.quantity_shipped',
      'l.quantity_committed',
      'l.unit_price_minor',
      'l.tax_minor',
      'l.delivery_date',
      'l.ship_date',
      'l.serials_shipped',
      'l.lots_shipped',
      'p.sku',
      'p.name as product_name',
      'p.category',
      'p.is_returnable',
      'p.is_serialized',
      'p.is_lot_controlled',
      'p.regulated_class',
      'p.warranty_months',
    ])
    .where('l.id', 'in', orderLineIds)
    .execute();
}

export function findActiveSerials(db: Reader, orderLineIds: string[]) {
  if (orderLineIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('rma_serials')
    .select(['order_line_id', 'serial'])
    .where('order_line_id', 'in', orderLineIds)
    .where('is_active', '=', 1)
    .execute();
}

/**
 * Commits quantity on an order line only if it stays within what was shipped. The condition is
 * evaluated under the row lock, so concurrent requests can never commit more than was shipped.
 */
export async function tryCommitQuantity(trx: Transaction<DB>, orderLineId: string, quantity: number): Promise<boolean> {
  const result = await trx
    .updateTable('sales_order_lines')
    .set((eb) => ({ quantity_committed: eb('quantity_committed', '+', quantity) }))
    .where('id', '=', orderLineId)
    .where(sql<boolean>`quantity_committed + ${quantity} <= quantity_shipped`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseQuantity(trx: Transaction<DB>, orderLineId: string, quantity: number): Promise<void> {
  await trx
    .updateTable('sales_order_lines')
    .set((eb) => ({ quantity_committed: eb('quantity_committed', '-', quantity) }))
    .where('id', '=', orderLineId)
    .execute();
}

/** Puts serials on a return; the partial unique index refuses a serial already on an open one. */
export async function holdSerials(
  trx: Transaction<DB>,
  serials: Array<{ orderLineId: string; serial: string }>,
  rmaId: string,
  whenTaken: Error,
): Promise<void> {
  if (serials.length === 0) return;
  await trx
    .insertInto('rma_serials')
    .values(serials.map((s) => ({ rma_id: rmaId, order_line_id: s.orderLineId, serial: s.serial, is_active: 1 })))
    .execute()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? whenTaken : error;
    });
}

export async function deactivateSerials(trx: Transaction<DB>, rmaId: string): Promise<void> {
  await trx.updateTable('rma_serials').set({ is_active: 0 }).where('rma_id', '=', rmaId).execute();
}

export async function nextRmaNumber(trx: Transaction<DB>): Promise<string> {
  const row = await trx
    .insertInto('counters')
    .values({ name: 'rma', value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return `RMA-${String(row.value).padStart(7, '0')}`;
}

export function findRmaRow(db: Reader, id: string) {
  return db
    .selectFrom('rmas')
    .innerJoin('customers', 'customers.id', 'rmas.customer_id')
    .selectAll('rmas')
    .select(['customers.name as customer_name', 'customers.account_number as customer_account'])
    .where('rmas.id', '=', id)
    .executeTakeFirst();
}

export function findRmaLineRows(db: Reader, rmaId: string) {
  return db
    .selectFrom('rma_lines')
    .innerJoin('products', 'products.id', 'rma_lines.product_id')
    .leftJoin('sales_orders', 'sales_orders.id', 'rma_lines.order_id')
    .selectAll('rma_lines')
    .select(['products.sku', 'products.name as product_name', 'sales_orders.order_number'])
    .where('rma_lines.rma_id', '=', rmaId)
    .orderBy('rma_lines.line_number')
    .execute();
}

export async function insertRma(trx: Transaction<DB>, rma: RmasTable, lines: RmaLinesTable[]): Promise<void> {
  await trx.insertInto('rmas').values(rma).execute();
  await trx.insertInto('rma_lines').values(lines).execute();
}

export async function updateRmaStatus(
  trx: Transaction<DB>,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<RmasTable, 'id' | 'version'>> & { status: string; updated_at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('rmas')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await trx.updateTable('rma_lines').set({ status: changes.status }).where('rma_id', '=', id).execute();
  return true;
}

const SORT_COLUMNS: Record<string, string> = {
  rmaNumber: 'rmas.rma_number',
  status: 'rmas.status',
  customer: 'customers.name',
  type: 'rmas.return_type',
  value: 'rmas.total_value_minor',
  created: 'rmas.created_at',
  expires: 'rmas.expires_on',
};

export function searchRmaRows(db: Reader, query: ListRmasFilter) {
  let base = db.selectFrom('rmas').innerJoin('customers', 'customers.id', 'rmas.customer_id');
  if (query.status) base = base.where('rmas.status', '=', query.status);
  if (query.customerId) base = base.where('rmas.customer_id', '=', query.customerId);
  if (query.returnType) base = base.where('rmas.return_type', '=', query.returnType);
  if (query.isUnauthorized) base = base.where('rmas.is_unauthorized', '=', query.isUnauthorized === 'true' ? 1 : 0);
  if (query.createdFrom) base = base.where('rmas.created_at', '>=', query.createdFrom);
  if (query.createdTo) base = base.where('rmas.created_at', '<', `${query.createdTo}T99`);
  if (query.reasonCode) {
    const code = query.reasonCode;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('rma_lines')
          .select('rma_lines.id')
          .whereRef('rma_lines.rma_id', '=', 'rmas.id')
          .where('rma_lines.reason_code', '=', code),
      ),
    );
  }
  if (query.q) {
    base = base.where(
      anyColumnContains(
        ['rmas.rma_number', 'rmas.customer_reference', 'customers.name', 'customers.account_number'],
        query.q,
      ),
    );
  }
  const rows = base
    .selectAll('rmas')
    .select(['customers.name as customer_name', 'customers.account_number as customer_account'])
    .select((eb) =>
      eb
        .selectFrom('rma_lines')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('rma_lines.rma_id', '=', 'rmas.id')
        .as('line_count'),
    )
    .orderBy(
      sql.ref(SORT_COLUMNS[query.sort.replace(/^-/, '')] ?? 'rmas.created_at'),
      query.sort.startsWith('-') ? 'desc' : 'asc',
    )
    .orderBy('rmas.id', 'desc')
    .offset(offsetOf(query.page, query.pageSize))
    .limit(query.pageSize)
    .execute();
  const count = base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Promise.all([rows, count]);
}

export function findDueAuthorizations(db: Reader, today: string, limit: number) {
  return db
    .selectFrom('rmas')
    .select(['id', 'version'])
    .where('status', '=', 'authorized')
    .where('expires_on', '<', today)
    .orderBy('expires_on')
    .limit(limit)
    .execute();
}
