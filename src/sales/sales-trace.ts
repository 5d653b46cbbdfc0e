// Sales' part of a serial's or lot's trace: the order lines that shipped it, to whom and when.
import type { Kysely, Transaction } from 'kysely';
import type { TraceEvent, TraceKey } from '../contracts/trace.js';
import type { DB } from '../platform/db/database.js';
import { jsonTextHas, jsonTextMayContain, parseJsonTextArray } from '../platform/db/json-text-array.js';
import { customerAccountOf, customerNameOf } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findSalesTrace(db: Reader, key: TraceKey): Promise<TraceEvent[]> {
  const column = key.kind === 'serial' ? 'l.serials_shipped' : 'l.lots_shipped';
  let query = db
    .selectFrom('sales_order_lines as l')
    .innerJoin('sales_orders as o', 'o.id', 'l.order_id')
    .select([
      'l.order_id',
      'l.line_number',
      'l.product_id',
      'l.quantity_shipped',
      'l.ship_date',
      'l.delivery_date',
      'l.serials_shipped',
      'l.lots_shipped',
      'o.order_number',
      'o.order_date',
      customerNameOf('o.customer_id').as('customer_name'),
      customerAccountOf('o.customer_id').as('customer_account'),
    ])
    .where(jsonTextMayContain(column, key.value));
  if (key.productId) query = query.where('l.product_id', '=', key.productId);
  const rows = await query.orderBy('l.ship_date').orderBy('o.order_number').orderBy('l.line_number').execute();
  return rows
    .filter((row) => jsonTextHas(key.kind === 'serial' ? row.serials_shipped : row.lots_shipped, key.value))
    .map((row) => {
      const lots = parseJsonTextArray(row.lots_shipped);
      const units = key.kind === 'serial' ? 1 : row.quantity_shipped;
      return {
        // An order line records the day it shipped, not the hour; unshipped lines by their order date.
        at: row.ship_date ?? row.order_date,
        stage: 'sold' as const,
        title: `Sold to ${row.customer_name} (${row.customer_account}) on ${row.order_number}`,
        detail: [
          `line ${row.line_number}`,
          `${row.quantity_shipped} shipped`,
          key.kind === 'lot' && lots.length > 1 ? `lots ${lots.join(', ')}` : null,
          row.ship_date ? `shipped ${row.ship_date}` : 'not shipped yet',
          row.delivery_date ? `delivered ${row.delivery_date}` : null,
        ]
          .filter((part) => part !== null)
          .join(' · '),
        reference: row.order_number,
        href: `/service/orders/${row.order_id}`,
        productId: row.product_id,
        rmaId: null,
        rmaNumber: null,
        units,
      };
    });
}
