// Receiving's part of a return's chain of custody: each receipt is the hand-over from the dock (or
// the carrier's driver) to receiving, counted, by whom and at which site.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CustodyEvent } from '../contracts/custody.js';
import type { DB } from '../platform/db/database.js';
import { siteCodeOf } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findReceivingCustody(db: Reader, rmaId: string): Promise<CustodyEvent[]> {
  const rows = await db
    .selectFrom('receipts as r')
    .leftJoin('receipt_lines as l', 'l.receipt_id', 'r.id')
    .select([
      'r.id',
      'r.received_at',
      'r.received_by',
      'r.carrier_reference',
      siteCodeOf('r.site_id').as('site_code'),
      sql<number | string | null>`sum(l.quantity)`.as('units'),
    ])
    .where('r.rma_id', '=', rmaId)
    .groupBy(['r.id', 'r.received_at', 'r.received_by', 'r.carrier_reference', 'r.site_id'])
    .execute();
  return rows.map((row) => {
    const units = Number(row.units ?? 0);
    return {
      at: row.received_at,
      stage: 'receiving' as const,
      action:
        units > 0
          ? `Received ${units} ${units === 1 ? 'unit' : 'units'}`
          : 'Counted: nothing matched the return (see its receipt exceptions)',
      holder: `${row.site_code} receiving`,
      by: row.received_by,
      where: row.site_code,
      units,
      reference: row.carrier_reference || row.id,
    };
  });
}
