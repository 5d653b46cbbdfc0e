// Inventory's part of a return's chain of custody: every movement of its units into, between and
// out of the locations of a site — put-away from the receiving lane, to the inspection bench, to
// quarantine — with who moved them.
import type { Kysely, Transaction } from 'kysely';
import type { CustodyEvent } from '../contracts/custody.js';
import type { DB } from '../platform/db/database.js';
import { productSkuOf, siteCodeOf } from '../masterdata/index.js';

type Reader = Kysely<DB> | Transaction<DB>;

const words = (status: string | null) => (status ?? '').replaceAll('_', ' ');

export async function findStockCustody(db: Reader, rmaId: string): Promise<CustodyEvent[]> {
  const rows = await db
    .selectFrom('stock_movements as m')
    .leftJoin('stock_locations as f', 'f.id', 'm.from_location_id')
    .leftJoin('stock_locations as t', 't.id', 'm.to_location_id')
    .select([
      'm.id',
      'm.moved_at',
      'm.moved_by',
      'm.quantity',
      'm.serial',
      'm.reason',
      'm.from_status',
      'm.to_status',
      'f.code as from_code',
      't.code as to_code',
      siteCodeOf('m.site_id').as('site_code'),
      productSkuOf('m.product_id').as('sku'),
    ])
    .where('m.rma_id', '=', rmaId)
    .orderBy('m.moved_at')
    .orderBy('m.id')
    .execute();
  return rows.map((row) => {
    const what = `${row.quantity} × ${row.sku ?? 'unit'}${row.serial ? ` (serial ${row.serial})` : ''}`;
    const action =
      row.from_code === null
        ? `Into ${row.to_code} as ${words(row.to_status)}: ${what}`
        : row.to_code === null
          ? `Out of stock from ${row.from_code} (${words(row.to_status) || row.reason}): ${what}`
          : `Moved ${row.from_code} → ${row.to_code}${row.from_status === row.to_status ? '' : `, ${words(row.from_status)} → ${words(row.to_status)}`}: ${what}`;
    return {
      at: row.moved_at,
      stage: 'warehouse' as const,
      action,
      holder: `${row.site_code} · ${row.to_code ?? row.from_code ?? ''}`,
      by: row.moved_by,
      where: `${row.site_code} · ${row.to_code ?? row.from_code ?? ''}`,
      units: row.quantity,
      reference: row.id,
    };
  });
}
