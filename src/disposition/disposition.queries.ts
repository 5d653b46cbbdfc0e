// Reading dispositions: one, those of a return, and the facts the return's progress reads
// (units dispositioned per line, by code).
import type { Kysely, Transaction } from 'kysely';
import type { Disposition } from '../contracts/disposition.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { productNameOf, productSkuOf, siteCodeOf } from '../masterdata/index.js';
import { findRmaNumbers } from '../returns/index.js';
import type { DispositionsTable } from './disposition.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;
const orNull = (text: string) => (text === '' ? null : text);

type Named = DispositionsTable & { site_code: string | null; product_sku: string | null; product_name: string | null };

function named(db: Reader) {
  return db
    .selectFrom('dispositions as d')
    .selectAll('d')
    .select([
      siteCodeOf('d.site_id').as('site_code'),
      productSkuOf('d.product_id').as('product_sku'),
      productNameOf('d.product_id').as('product_name'),
    ]);
}

/** The fields every record about units shows, with names for the ids. */
export function unitView(
  row: {
    site_id: string;
    rma_id: string;
    rma_line_id: string;
    product_id: string;
    quantity: number;
    lot: string;
    serial: string;
    site_code: string | null;
    product_sku: string | null;
    product_name: string | null;
  },
  rmaNumbers: ReadonlyMap<string, string>,
) {
  return {
    siteId: row.site_id,
    siteCode: row.site_code,
    rmaId: row.rma_id,
    rmaNumber: rmaNumbers.get(row.rma_id) ?? null,
    rmaLineId: row.rma_line_id,
    productId: row.product_id,
    productSku: row.product_sku,
    productName: row.product_name,
    quantity: row.quantity,
    lot: orNull(row.lot),
    serial: orNull(row.serial),
  };
}

function toDisposition(row: Named, rmaNumbers: ReadonlyMap<string, string>): Disposition {
  const recommendation = JSON.parse(row.recommendation) as { explanation?: string };
  return {
    id: row.id,
    inspectionId: row.inspection_id,
    ...unitView(row, rmaNumbers),
    code: row.code,
    action: row.action,
    recommendedCode: row.recommended_code,
    ruleId: row.rule_id,
    rulesVersion: row.rules_version,
    explanation: recommendation.explanation ?? '',
    isOverride: row.is_override === 1,
    overrideReason: row.override_reason,
    targetStatus: row.target_status,
    targetLocationId: row.target_location_id,
    followUpType: row.follow_up_type,
    followUpId: row.follow_up_id,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

export async function getDisposition(db: Reader, ctx: RequestContext, id: string): Promise<Disposition> {
  assertCan(ctx.actor, 'inspection.read');
  const row = (await named(db).where('d.id', '=', id).executeTakeFirst()) as Named | undefined;
  if (!row) throw new AppError('not_found', `disposition ${id} was not found`);
  return toDisposition(row, await findRmaNumbers(db, [row.rma_id]));
}

export async function findDispositionOfInspection(db: Reader, ctx: RequestContext, inspectionId: string) {
  assertCan(ctx.actor, 'inspection.read');
  const row = (await named(db).where('d.inspection_id', '=', inspectionId).executeTakeFirst()) as Named | undefined;
  return row ? toDisposition(row, await findRmaNumbers(db, [row.rma_id])) : null;
}

export async function listDispositionsOfReturn(db: Reader, ctx: RequestContext, rmaId: string): Promise<Disposition[]> {
  assertCan(ctx.actor, 'inspection.read');
  const rows = (await named(db)
    .where('d.rma_id', '=', rmaId)
    .orderBy('d.decided_at')
    .orderBy('d.id')
    .execute()) as Named[];
  const numbers = await findRmaNumbers(db, [rmaId]);
  return rows.map((row) => toDisposition(row, numbers));
}

/** Units dispositioned per return line, by code: the return's progress reads this. */
export async function findDispositionedUnits(db: Reader, rmaIds: readonly string[]) {
  if (rmaIds.length === 0) return [];
  const rows = await db
    .selectFrom('dispositions')
    .select(['rma_line_id', 'code', (eb) => eb.fn.sum<number>('quantity').as('units')])
    .where('rma_id', 'in', rmaIds)
    .groupBy(['rma_line_id', 'code'])
    .execute();
  const byLine = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const codes = byLine.get(row.rma_line_id) ?? {};
    codes[row.code] = Number(row.units);
    byLine.set(row.rma_line_id, codes);
  }
  return [...byLine].map(([rmaLineId, dispositioned]) => ({ rmaLineId, dispositioned }));
}
