// What returns may read of sales, and the two steps by which returns hold and give back quantity
// of an order line. Sales owns the order line, including how much of it returns currently hold;
// the conditional UPDATE keeps "held ≤ shipped" true under any number of concurrent requests.
import { sql, type Kysely, type Transaction } from 'kysely';
import { prepared } from '../platform/db/prepared-query.js';
import type { DB } from '../platform/db/database.js';
import type { Tx } from '../platform/unit-of-work.js';

type Reader = Kysely<DB> | Transaction<DB>;

const orderLinesForReturns = prepared((db, p: { ids: readonly string[] }) =>
  db
    .selectFrom('sales_order_lines as l')
    .innerJoin('sales_orders as o', 'o.id', 'l.order_id')
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
    ])
    .where('l.id', 'in', p.ids),
);

export function findOrderLinesForReturns(db: Reader, orderLineIds: readonly string[]) {
  if (orderLineIds.length === 0) return Promise.resolve([]);
  return orderLinesForReturns.execute(db, { ids: orderLineIds });
}
export type OrderLineForReturns = Awaited<ReturnType<typeof findOrderLinesForReturns>>[number];

/** The order number for a row of another context that holds an order id. */
export function orderNumberOf(orderIdColumn: string) {
  return sql<string | null>`(select o.order_number from sales_orders o where o.id = ${sql.ref(orderIdColumn)})`;
}

const holdWithinShipped = prepared((db, p: { orderLineId: string; quantity: number }) =>
  db
    .updateTable('sales_order_lines')
    .set((eb) => ({ quantity_committed: eb('quantity_committed', '+', p.quantity) }))
    .where('id', '=', p.orderLineId)
    .where(sql<boolean>`quantity_committed + ${p.quantity} <= quantity_shipped`),
);

/**
 * Holds `quantity` of the order line for a return, only if it stays within what was shipped.
 * The condition is evaluated under the row lock: concurrent requests never hold more than shipped.
 */
export async function holdReturnQuantity(tx: Tx, orderLineId: string, quantity: number): Promise<boolean> {
  const result = await holdWithinShipped.run(tx.db, { orderLineId, quantity });
  return Number(result.numAffectedRows) === 1;
}

/** Gives held quantity back (a return was rejected, cancelled or expired before goods came back). */
export async function releaseReturnQuantity(tx: Tx, orderLineId: string, quantity: number): Promise<void> {
  await tx.db
    .updateTable('sales_order_lines')
    .set((eb) => ({ quantity_committed: eb('quantity_committed', '-', quantity) }))
    .where('id', '=', orderLineId)
    .execute();
}

/** Every line of these orders with what a return window needs: the dates it runs from and what is left. */
export function findLinesOfOrders(db: Reader, orderIds: readonly string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sales_order_lines')
    .select(['order_id', 'product_id', 'quantity_shipped', 'quantity_committed', 'delivery_date', 'ship_date'])
    .where('order_id', 'in', orderIds)
    .execute();
}
export type LineOfOrder = Awaited<ReturnType<typeof findLinesOfOrders>>[number];
