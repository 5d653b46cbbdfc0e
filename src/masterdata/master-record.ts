// Master data records share one life: create, read, search, edit with optimistic concurrency,
// bulk-load with a result per item. Each record type is a definition (table, schemas, row
// mapping, references); this file holds the one implementation of that life.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { IdPrefix } from '../platform/ids.js';
import type { RequestContext } from '../platform/actor.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { anyColumnContains, offsetOf, toPage } from '../platform/pagination.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { createEach } from '../platform/bulk.js';
import { assertCan, isCustomerScoped } from '../platform/access.js';
import { isKnownCurrency } from '../platform/money/currencies.js';
import { findProductFacets } from './masterdata.queries.js';

export type MasterTable = 'legal_entities' | 'sites' | 'customers' | 'suppliers' | 'products' | 'partners';
type Reader = Kysely<DB> | Transaction<DB>;

export interface Reference {
  field: string;
  table: MasterTable;
  label: string;
}

export interface MasterRecordDefinition<I extends z.ZodObject, O> {
  name: string;
  path: string;
  table: MasterTable;
  prefix: IdPrefix;
  inputSchema: I;
  outputSchema: z.ZodType<O>;
  searchColumns: string[];
  orderColumn: string;
  /** Fields that name an ISO 4217 currency; validated against the currency table. */
  currencyFields: string[];
  references: Reference[];
  /** Whether customer-portal users may read it (then scoped by `customerScopeColumn`). */
  isVisibleToCustomers: boolean;
  /** What customer-portal users see of a record, when they may read it: their own shape, field by field. */
  customerView?: { schema: z.ZodType; of(record: O): unknown };
  customerScopeColumn?: string;
  toRow(input: z.infer<I>): Record<string, unknown>;
  fromRow(row: Record<string, unknown>): O;
  /**
   * Rules the input schema cannot state (across fields, or against other rows), checked in the
   * transaction that writes the record, on the whole record as it will be.
   */
  assertConsistent?(tx: Tx, record: z.infer<I>, id: string): Promise<void>;
}

function assertReadable(def: MasterRecordDefinition<z.ZodObject, unknown>, ctx: RequestContext) {
  assertCan(ctx.actor, 'masterdata.read');
  if (isCustomerScoped(ctx.actor) && !def.isVisibleToCustomers) {
    throw new AppError('forbidden', `${def.name} records are not available to customer accounts`);
  }
}

function scopeToCustomer<Q extends { where: (...args: never[]) => Q }>(
  def: MasterRecordDefinition<z.ZodObject, unknown>,
  ctx: RequestContext,
  query: Q,
): Q {
  if (!isCustomerScoped(ctx.actor) || !def.customerScopeColumn) return query;
  return (query.where as unknown as (c: string, op: string, v: unknown) => Q)(
    def.customerScopeColumn,
    '=',
    ctx.actor.customerId,
  );
}

export async function searchMasterRecords<O>(
  platform: Platform,
  ctx: RequestContext,
  def: MasterRecordDefinition<z.ZodObject, O>,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  assertReadable(def, ctx);
  let base = platform.db.selectFrom(def.table as 'customers');
  base = scopeToCustomer(def, ctx, base);
  if (query.q) base = base.where(anyColumnContains(def.searchColumns, query.q));
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy(sql.ref(def.orderColumn))
      .offset(offsetOf(query.page, query.pageSize))
      .limit(query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(
    rows.map((r) => forReader(def, ctx, def.fromRow(r as Record<string, unknown>))),
    query.page,
    query.pageSize,
    Number(count.n),
  );
}

/** The pick lists of the catalogue (categories, regulated classes) for anyone who may read master data. */
export async function getProductFacets(platform: Platform, ctx: RequestContext) {
  assertCan(ctx.actor, 'masterdata.read');
  return findProductFacets(platform.db);
}

export async function getMasterRecord<O>(
  platform: Platform,
  ctx: RequestContext,
  def: MasterRecordDefinition<z.ZodObject, O>,
  id: string,
): Promise<O> {
  assertReadable(def, ctx);
  let query = platform.db
    .selectFrom(def.table as 'customers')
    .selectAll()
    .where('id', '=', id);
  query = scopeToCustomer(def, ctx, query);
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not_found', `${def.name} ${id} was not found`);
  return forReader(def, ctx, def.fromRow(row));
}

/** The record as this reader may see it: customer-portal users get the definition's customer view. */
function forReader<O>(def: MasterRecordDefinition<z.ZodObject, O>, ctx: RequestContext, record: O): O {
  if (!isCustomerScoped(ctx.actor)) return record;
  if (!def.customerView) throw new AppError('forbidden', `${def.name} records are not available to customer accounts`);
  // Typed as O for the routes' sake; the route's response schema names both shapes.
  return def.customerView.of(record) as O;
}

async function assertReferencesExist(
  db: Reader,
  def: MasterRecordDefinition<z.ZodObject, unknown>,
  input: Record<string, unknown>,
) {
  for (const ref of def.references) {
    const value = input[ref.field] as string | null | undefined;
    if (value === null || value === undefined) continue;
    const found = await db
      .selectFrom(ref.table as 'customers')
      .select('id')
      .where('id', '=', value)
      .executeTakeFirst();
    if (!found) {
      throw new AppError('validation_failed', `${ref.label} ${value} does not exist`, {
        errors: [{ path: ref.field, message: `unknown ${ref.label}` }],
      });
    }
  }
  for (const field of def.currencyFields) {
    const value = input[field];
    if (typeof value === 'string' && !isKnownCurrency(value)) {
      throw new AppError('validation_failed', `${value} is not an active ISO 4217 currency`, {
        errors: [{ path: field, message: 'unknown or withdrawn currency' }],
      });
    }
  }
}

function conflictFrom(def: MasterRecordDefinition<z.ZodObject, unknown>, error: unknown): never {
  if (isUniqueViolation(error))
    throw new AppError('conflict', `a ${def.name} with the same unique key (code, number, SKU or GTIN) already exists`);
  throw error;
}

export async function createMasterRecord<I extends z.ZodObject, O>(
  platform: Platform,
  ctx: RequestContext,
  def: MasterRecordDefinition<I, O>,
  input: z.infer<I>,
): Promise<O> {
  assertCan(ctx.actor, 'masterdata.write');
  return runInTransaction(platform, ctx, async (tx) => {
    await assertReferencesExist(tx.db, def, input);
    const id = tx.ids.next(def.prefix);
    await def.assertConsistent?.(tx, input, id);
    const row = {
      id,
      ...def.toRow(input),
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    await tx.db
      .insertInto(def.table as 'customers')
      .values(row as never)
      .execute()
      .catch((e: unknown) => conflictFrom(def as never, e));
    const created = def.fromRow(row);
    tx.audit({ entityType: def.name, entityId: row.id, action: `${def.name}.created`, after: created });
    tx.emit({ type: `${def.name}.created`, aggregateType: def.name, aggregateId: row.id, payload: { id: row.id } });
    return created;
  });
}

export async function updateMasterRecord<I extends z.ZodObject, O>(
  platform: Platform,
  ctx: RequestContext,
  def: MasterRecordDefinition<I, O>,
  id: string,
  patch: Partial<z.infer<I>>,
  expectedVersion: number,
): Promise<O> {
  assertCan(ctx.actor, 'masterdata.write');
  return runInTransaction(platform, ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom(def.table as 'customers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!existing) throw new AppError('not_found', `${def.name} ${id} was not found`);
    if (existing.version !== expectedVersion) {
      throw new AppError(
        'precondition_failed',
        `${def.name} ${id} is at version ${existing.version}, not ${expectedVersion}; reload and apply your change again`,
      );
    }
    const before = def.fromRow(existing) as Record<string, unknown>;
    const merged = def.inputSchema.parse({ ...pickInputFields(def, before), ...patch });
    await assertReferencesExist(tx.db, def, merged);
    await def.assertConsistent?.(tx, merged, id);
    const result = await tx.db
      .updateTable(def.table as 'customers')
      .set({ ...def.toRow(merged), version: existing.version + 1, updated_at: tx.now } as never)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst()
      .catch((e: unknown) => conflictFrom(def as never, e));
    if (Number(result.numUpdatedRows) !== 1)
      throw new AppError('precondition_failed', `${def.name} ${id} was changed concurrently; reload`);
    const after = def.fromRow({ ...existing, ...def.toRow(merged), version: existing.version + 1, updated_at: tx.now });
    tx.audit({ entityType: def.name, entityId: id, action: `${def.name}.updated`, before, after });
    tx.emit({
      type: `${def.name}.updated`,
      aggregateType: def.name,
      aggregateId: id,
      payload: { id, version: existing.version + 1 },
    });
    return after;
  });
}

function pickInputFields(def: MasterRecordDefinition<z.ZodObject, unknown>, record: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(def.inputSchema.shape).map((key) => [key, record[key]]));
}

/** Creates each item independently; one bad item does not stop the others. */
export function bulkCreateMasterRecords<I extends z.ZodObject, O extends { id: string }>(
  platform: Platform,
  ctx: RequestContext,
  def: MasterRecordDefinition<I, O>,
  items: unknown[],
) {
  assertCan(ctx.actor, 'masterdata.write');
  return createEach(items, def.inputSchema as unknown as z.ZodType<z.infer<I>>, (item) =>
    createMasterRecord(platform, ctx, def, item),
  );
}
