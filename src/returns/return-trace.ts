// Returns' part of a serial's or lot's trace: the return lines that named it (the serials held by
// a return, the lots a customer gave), with the RMA's number, status and the customer's reason.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { TraceEvent, TraceKey } from '../contracts/trace.js';
import type { DB } from '../platform/db/database.js';
import { jsonTextHas, jsonTextMayContain } from '../platform/db/json-text-array.js';
import { customerNameOf } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

const words = (code: string) => code.replaceAll('_', ' ');

export async function findReturnTrace(db: Reader, key: TraceKey): Promise<TraceEvent[]> {
  const column = key.kind === 'serial' ? 'l.serials' : 'l.lots';
  // A serial also counts when the return holds it (rma_serials), whatever its line lists.
  const isHeld =
    key.kind === 'serial'
      ? sql<number>`case when exists (select 1 from rma_serials s where s.rma_id = l.rma_id and s.order_line_id = l.order_line_id and s.serial = ${key.value}) then 1 else 0 end`
      : sql<number>`0`;
  let query = db
    .selectFrom('rma_lines as l')
    .innerJoin('rmas as r', 'r.id', 'l.rma_id')
    .select([
      'l.rma_id',
      'l.line_number',
      'l.product_id',
      'l.quantity',
      'l.reason_code',
      'l.claimed_condition',
      'l.serials',
      'l.lots',
      'r.rma_number',
      'r.return_type',
      'r.status',
      'r.is_unauthorized',
      'r.requested_by',
      'r.created_at',
      customerNameOf('r.customer_id').as('customer_name'),
      isHeld.as('is_held'),
    ])
    .where((eb) => eb.or([jsonTextMayContain(column, key.value), eb(isHeld, '=', 1)]));
  if (key.productId) query = query.where('l.product_id', '=', key.productId);
  const rows = await query.orderBy('r.created_at').orderBy('r.rma_number').orderBy('l.line_number').execute();
  return rows
    .filter(
      (row) => Number(row.is_held) === 1 || jsonTextHas(key.kind === 'serial' ? row.serials : row.lots, key.value),
    )
    .map((row) => ({
      at: row.created_at,
      stage: 'returned' as const,
      title: `${row.is_unauthorized === 1 ? 'Arrived without authorization on' : 'Return requested on'} ${row.rma_number} by ${row.customer_name}`,
      detail: [
        `${words(row.return_type)} return, ${words(row.status)}`,
        `line ${row.line_number}: ${row.quantity} ${row.quantity === 1 ? 'unit' : 'units'}`,
        `reason ${row.reason_code}`,
        `claimed ${words(row.claimed_condition)}`,
        `requested by ${row.requested_by}`,
      ].join(' · '),
      reference: row.rma_number,
      href: `/returns/${row.rma_id}`,
      productId: row.product_id,
      rmaId: row.rma_id,
      rmaNumber: row.rma_number,
      units: key.kind === 'serial' ? 1 : row.quantity,
    }));
}
