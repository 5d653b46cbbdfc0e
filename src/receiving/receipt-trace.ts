// Receiving's part of a serial's or lot's trace: the receipts that counted it in, where, when and
// by whom, in the condition found on arrival.
import type { Kysely, Transaction } from 'kysely';
import type { TraceEvent, TraceKey } from '../contracts/trace.js';
import type { DB } from '../platform/db/database.js';
import { jsonTextHas, jsonTextMayContain } from '../platform/db/json-text-array.js';
import { siteCodeOf } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findReceivingTrace(db: Reader, key: TraceKey): Promise<TraceEvent[]> {
  const column = key.kind === 'serial' ? 'l.serials' : 'l.lots';
  let query = db
    .selectFrom('receipt_lines as l')
    .innerJoin('receipts as r', 'r.id', 'l.receipt_id')
    .select([
      'l.receipt_id',
      'l.rma_id',
      'l.product_id',
      'l.quantity',
      'l.serials',
      'l.lots',
      'l.condition',
      'l.expiry',
      'r.received_at',
      'r.received_by',
      'r.carrier_reference',
      'r.is_unauthorized',
      siteCodeOf('r.site_id').as('site_code'),
    ])
    .where(jsonTextMayContain(column, key.value));
  if (key.productId) query = query.where('l.product_id', '=', key.productId);
  const rows = await query.orderBy('r.received_at').orderBy('l.id').execute();
  return rows
    .filter((row) => jsonTextHas(key.kind === 'serial' ? row.serials : row.lots, key.value))
    .map((row) => {
      const units = key.kind === 'serial' ? 1 : row.quantity;
      return {
        at: row.received_at,
        stage: 'received' as const,
        title: `Received at ${row.site_code}`,
        detail: [
          `${units} ${units === 1 ? 'unit' : 'units'}`,
          row.condition ? `found ${row.condition.replaceAll('_', ' ')}` : null,
          row.expiry ? `expires ${row.expiry}` : null,
          row.is_unauthorized === 1 ? 'arrived without an RMA' : null,
          row.carrier_reference ? `carrier reference ${row.carrier_reference}` : null,
          `by ${row.received_by}`,
        ]
          .filter((part) => part !== null)
          .join(' · '),
        reference: row.receipt_id,
        href: `/returns/${row.rma_id}`,
        productId: row.product_id,
        rmaId: row.rma_id,
        rmaNumber: null,
        units,
      };
    });
}
