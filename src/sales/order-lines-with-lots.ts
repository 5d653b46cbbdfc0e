// The order lines that shipped any of these lots of a product: who received an affected lot, and
// how much of each line is still theirs to send back (a recall asks for exactly that).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { jsonTextMayContain, parseJsonTextArray } from '../platform/db/json-text-array.js';

type Reader = Kysely<DB> | Transaction<DB>;

export interface OrderLineWithLots {
  id: string;
  orderId: string;
  orderNumber: string;
  lineNumber: number;
  customerId: string;
  legalEntityId: string;
  currency: string;
  productId: string;
  quantityShipped: number;
  /** Held or returned by RMAs: what is left to return is shipped minus this. */
  quantityCommitted: number;
  serialsShipped: string[];
  lotsShipped: string[];
  /** The lots asked for that this line shipped. */
  affectedLots: string[];
}

/** Lines of the product whose shipped lots include one of `lots` (exactly), by customer and order. */
export async function findOrderLinesWithLots(
  db: Reader,
  productId: string,
  lots: readonly string[],
): Promise<OrderLineWithLots[]> {
  if (lots.length === 0) return [];
  const rows = await db
    .selectFrom('sales_order_lines as l')
    .innerJoin('sales_orders as o', 'o.id', 'l.order_id')
    .select([
      'l.id',
      'l.order_id',
      'l.line_number',
      'l.product_id',
      'l.quantity_shipped',
      'l.quantity_committed',
      'l.serials_shipped',
      'l.lots_shipped',
      'o.order_number',
      'o.customer_id',
      'o.legal_entity_id',
      'o.currency',
    ])
    .where('l.product_id', '=', productId)
    .where((eb) => eb.or(lots.map((lot) => jsonTextMayContain('l.lots_shipped', lot))))
    .orderBy('o.customer_id')
    .orderBy('o.order_number')
    .orderBy('l.line_number')
    .execute();
  return rows.flatMap((row) => {
    const lotsShipped = parseJsonTextArray(row.lots_shipped);
    const affectedLots = lots.filter((lot) => lotsShipped.includes(lot));
    if (affectedLots.length === 0) return [];
    return [
      {
        id: row.id,
        orderId: row.order_id,
        orderNumber: row.order_number,
        lineNumber: row.line_number,
        customerId: row.customer_id,
        legalEntityId: row.legal_entity_id,
        currency: row.currency,
        productId: row.product_id,
        quantityShipped: row.quantity_shipped,
        quantityCommitted: row.quantity_committed,
        serialsShipped: parseJsonTextArray(row.serials_shipped),
        lotsShipped,
        affectedLots,
      },
    ];
  });
}
