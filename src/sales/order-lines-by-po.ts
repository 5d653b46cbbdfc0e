// The customer's order lines under one of its purchase order numbers, for the products asked
// about, with what is still returnable: how an EDI return request (which names the PO and the item,
// never our order line) finds the sale it returns.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findOrderLinesByPo(
  db: Reader,
  input: { customerId: string; customerPo: string; productIds: readonly string[] },
) {
  if (input.productIds.length === 0) return [];
  const rows = await db
    .selectFrom('sales_order_lines as l')
    .innerJoin('sales_orders as o', 'o.id', 'l.order_id')
    .select(['l.id', 'l.product_id', 'o.order_number', 'l.quantity_shipped', 'l.quantity_committed', 'o.order_date'])
    .where('o.customer_id', '=', input.customerId)
    .where('o.customer_po', '=', input.customerPo.trim())
    .where('l.product_id', 'in', input.productIds)
    .orderBy('o.order_date', 'desc')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    orderLineId: r.id,
    productId: r.product_id,
    orderNumber: r.order_number,
    returnable: r.quantity_shipped - r.quantity_committed,
  }));
}
export type OrderLineByPo = Awaited<ReturnType<typeof findOrderLinesByPo>>[number];
