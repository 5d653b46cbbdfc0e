// Goods that did not match their return — more than expected, a product not on it, a serial it
// does not hold — are exceptions, not refusals: they are received physically and wait in a queue
// for someone to decide (accept onto the return, open an unauthorized return, refuse and send back).
import type { Kysely, Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type {
  ListReceiptExceptionsFilter,
  ReceiptExceptionView,
  ResolveReceiptExceptionRequest,
} from '../contracts/receiving.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { readPage, toPage } from '../platform/pagination.js';
import type { Tx } from '../platform/unit-of-work.js';
import { productNameOf, productSkuOf, siteCodeOf } from '../masterdata/index.js';
import type { ReceiptException } from './domain/match-receipt.js';
import type { ReceiptExceptionsTable } from './receiving.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function recordReceiptExceptions(
  tx: Tx,
  receipt: { id: string; rma_id: string; site_id: string },
  exceptions: readonly ReceiptException[],
): Promise<string[]> {
  if (exceptions.length === 0) return [];
  const rows: ReceiptExceptionsTable[] = exceptions.map((exception) => ({
    id: tx.ids.next('rex'),
    receipt_id: receipt.id,
    rma_id: receipt.rma_id,
    site_id: receipt.site_id,
    kind: exception.kind,
    product_id: exception.productId,
    quantity: exception.quantity,
    serials: JSON.stringify(exception.serials),
    lots: JSON.stringify(exception.lots),
    reason: exception.reason,
    status: 'open',
    resolution: null,
    resolution_note: null,
    resolved_rma_id: null,
    resolved_by: null,
    resolved_at: null,
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  }));
  await tx.db.insertInto('receipt_exceptions').values(rows).execute();
  for (const row of rows) {
    tx.audit({
      entityType: 'receipt_exception',
      entityId: row.id,
      streamId: row.rma_id,
      action: 'receipt.exception_raised',
      after: { kind: row.kind, productId: row.product_id, quantity: row.quantity, reason: row.reason },
    });
    tx.emit({
      type: 'receipt.exception_raised',
      aggregateType: 'receipt_exception',
      aggregateId: row.id,
      payload: { exceptionId: row.id, rmaId: row.rma_id, kind: row.kind, quantity: row.quantity },
    });
  }
  return rows.map((row) => row.id);
}

/** The open exception to resolve, at the version the person saw. */
export async function takeOpenException(
  tx: Tx,
  id: string,
  expectedVersion: number | undefined,
): Promise<ReceiptExceptionsTable> {
  assertCan(tx.ctx.actor, 'receiving.receive');
  const row = await tx.db.selectFrom('receipt_exceptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `receipt exception ${id} was not found`);
  if (expectedVersion !== undefined && expectedVersion !== row.version)
    throw new AppError(
      'precondition_failed',
      `the exception is at version ${row.version}, not ${expectedVersion}; someone else changed it — reload`,
    );
  if (row.status !== 'open') throw new AppError('conflict', `the exception was already resolved (${row.resolution})`);
  return row;
}

export async function markExceptionResolved(
  tx: Tx,
  exception: ReceiptExceptionsTable,
  request: ResolveReceiptExceptionRequest,
  resolvedRmaId: string | null,
): Promise<void> {
  const result = await tx.db
    .updateTable('receipt_exceptions')
    .set({
      status: 'resolved',
      resolution: request.resolution,
      resolution_note: request.note,
      resolved_rma_id: resolvedRmaId,
      resolved_by: tx.ctx.actor.name,
      resolved_at: tx.now,
      version: exception.version + 1,
      updated_at: tx.now,
    })
    .where('id', '=', exception.id)
    .where('version', '=', exception.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw new AppError('version_conflict', 'the exception was changed concurrently; reload and try again');
  tx.audit({
    entityType: 'receipt_exception',
    entityId: exception.id,
    streamId: exception.rma_id,
    action: 'receipt.exception_resolved',
    before: { status: 'open' },
    after: { resolution: request.resolution, note: request.note, resolvedRmaId },
  });
  tx.emit({
    type: 'receipt.exception_resolved',
    aggregateType: 'receipt_exception',
    aggregateId: exception.id,
    payload: { exceptionId: exception.id, rmaId: exception.rma_id, resolution: request.resolution, resolvedRmaId },
  });
}

function viewQuery(db: Reader) {
  return db
    .selectFrom('receipt_exceptions as x')
    .selectAll('x')
    .select([
      siteCodeOf('x.site_id').as('site_code'),
      productSkuOf('x.product_id').as('product_sku'),
      productNameOf('x.product_id').as('product_name'),
    ]);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['executeTakeFirstOrThrow']>>;

function toView(row: ViewRow, rmaNumberOf: ReadonlyMap<string, string>): ReceiptExceptionView {
  return {
    id: row.id,
    receiptId: row.receipt_id,
    rmaId: row.rma_id,
    rmaNumber: rmaNumberOf.get(row.rma_id) ?? '',
    siteId: row.site_id,
    siteCode: row.site_code,
    kind: row.kind,
    productId: row.product_id,
    productSku: row.product_sku ?? null,
    productName: row.product_name ?? null,
    quantity: row.quantity,
    serials: JSON.parse(row.serials) as string[],
    lots: JSON.parse(row.lots) as string[],
    reason: row.reason,
    status: row.status,
    resolution: row.resolution,
    resolutionNote: row.resolution_note,
    resolvedRmaId: row.resolved_rma_id,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** RMA numbers come from returns; the caller passes a lookup so receiving stays out of returns' tables. */
export type RmaNumbersOf = (db: Reader, rmaIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** The exception queue: oldest first, as the goods wait at the dock. */
export async function listReceiptExceptions(
  db: Reader,
  ctx: RequestContext,
  filter: ListReceiptExceptionsFilter,
  rmaNumbersOf: RmaNumbersOf,
): Promise<Page<ReceiptExceptionView>> {
  assertCan(ctx.actor, 'receiving.read');
  let query = viewQuery(db);
  if (filter.status) query = query.where('x.status', '=', filter.status);
  if (filter.siteId) query = query.where('x.site_id', '=', filter.siteId);
  if (filter.rmaId) query = query.where('x.rma_id', '=', filter.rmaId);
  const { rows, total } = await readPage(query, query.orderBy('x.created_at').orderBy('x.id'), filter);
  const numbers = await rmaNumbersOf(db, [...new Set(rows.map((row) => row.rma_id))]);
  return toPage(
    rows.map((row) => toView(row, numbers)),
    filter.page,
    filter.pageSize,
    total,
  );
}

export async function getReceiptException(
  db: Reader,
  ctx: RequestContext,
  id: string,
  rmaNumbersOf: RmaNumbersOf,
): Promise<ReceiptExceptionView> {
  assertCan(ctx.actor, 'receiving.read');
  const row = await viewQuery(db).where('x.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `receipt exception ${id} was not found`);
  return toView(row, await rmaNumbersOf(db, [row.rma_id]));
}
