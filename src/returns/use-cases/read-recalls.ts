// Reading recalls: the list (newest first), and one with the returns it raised as they stand now.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Page } from '../../contracts/common.js';
import type { ListRecallsFilter, Recall, RecallRma, RecallSummary } from '../../contracts/recalls.js';
import type { Rma } from '../../contracts/returns.js';
import type { RequestContext } from '../../platform/actor.js';
import { assertCan } from '../../platform/access.js';
import type { DB } from '../../platform/db/database.js';
import { parseJsonTextArray } from '../../platform/db/json-text-array.js';
import { AppError } from '../../platform/errors.js';
import { readPage, toPage } from '../../platform/pagination.js';
import { customerAccountOf, customerNameOf, productNameOf, productSkuOf } from '../../masterdata/index.js';
import type { RecallsTable } from '../returns.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;
type RecallRow = RecallsTable & { product_sku: string | null; product_name: string | null };

function recalls(db: Reader) {
  return db
    .selectFrom('recalls as r')
    .selectAll('r')
    .select([productSkuOf('r.product_id').as('product_sku'), productNameOf('r.product_id').as('product_name')]);
}

function recallFieldsOf(row: RecallRow) {
  return {
    id: row.id,
    recallNumber: row.recall_number,
    productId: row.product_id,
    productSku: row.product_sku,
    productName: row.product_name,
    lots: parseJsonTextArray(row.lots),
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function toRecallView(row: RecallRow, rmas: RecallRma[]): Recall {
  return { ...recallFieldsOf(row), rmas };
}

/** A return just raised, in the recall's words. */
export function recallRmaOf(rma: Rma): RecallRma {
  return {
    rmaId: rma.id,
    rmaNumber: rma.rmaNumber,
    customerId: rma.customerId,
    customerName: rma.customerName,
    customerAccount: rma.customerAccount,
    status: rma.status,
    units: rma.lines.reduce((sum, line) => sum + line.quantity, 0),
    lineCount: rma.lines.length,
  };
}

/** Reading recalls is part of tracing lots: any staff member may; customers may not. */
export async function listRecalls(
  db: Reader,
  ctx: RequestContext,
  filter: ListRecallsFilter,
): Promise<Page<RecallSummary>> {
  assertCan(ctx.actor, 'trace.read');
  let query = recalls(db);
  if (filter.productId) query = query.where('r.product_id', '=', filter.productId);
  const { rows, total } = await readPage(
    query,
    query.orderBy('r.created_at', 'desc').orderBy('r.recall_number', 'desc'),
    filter,
  );
  const items = rows.map((row) => ({
    ...recallFieldsOf(row),
    rmaCount: parseJsonTextArray(row.rma_ids).length,
  }));
  return toPage(items, filter.page, filter.pageSize, total);
}

export async function getRecall(db: Reader, ctx: RequestContext, id: string): Promise<Recall> {
  assertCan(ctx.actor, 'trace.read');
  const row = await recalls(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `recall ${id} was not found`);
  return toRecallView(row, await findRecallRmas(db, parseJsonTextArray(row.rma_ids)));
}

async function findRecallRmas(db: Reader, rmaIds: string[]): Promise<RecallRma[]> {
  if (rmaIds.length === 0) return [];
  const rows = await db
    .selectFrom('rmas as r')
    .select([
      'r.id',
      'r.rma_number',
      'r.customer_id',
      'r.status',
      customerNameOf('r.customer_id').as('customer_name'),
      customerAccountOf('r.customer_id').as('customer_account'),
      sql<number | string>`(select coalesce(sum(l.quantity), 0) from rma_lines l where l.rma_id = r.id)`.as('units'),
      sql<number | string>`(select count(*) from rma_lines l where l.rma_id = r.id)`.as('line_count'),
    ])
    .where('r.id', 'in', rmaIds)
    .orderBy('r.rma_number')
    .execute();
  return rows.map((row) => ({
    rmaId: row.id,
    rmaNumber: row.rma_number,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerAccount: row.customer_account,
    status: row.status,
    units: Number(row.units),
    lineCount: Number(row.line_count),
  }));
}
