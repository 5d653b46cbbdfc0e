// Reading and writing the KPI facts, and adding their differences to the rollups — inside the
// caller's transaction. One upsert statement carries every rollup change of the transaction
// (PostgreSQL: one round trip), each row added to, never rewritten, so concurrent transactions
// touching the same month only ever add.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import type { KpiLineFactsTable, KpiMeasureColumns, KpiReturnFactsTable, KpiRollupsTable } from './kpi.tables.js';
import { MEASURE_COLUMNS, type ReturnFacts } from './domain/return-kpi-facts.js';
import { addContributions, rollupDelta, contributionKey, type Contribution } from './domain/kpi-contributions.js';

type Reader = Kysely<DB> | Transaction<DB>;

const CHUNK = 400;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** PostgreSQL answers SUM(bigint) as numeric (a string); every measure read goes through here. */
function measuresFrom(row: Record<string, unknown>): KpiMeasureColumns {
  const out = {} as KpiMeasureColumns;
  for (const column of MEASURE_COLUMNS) out[column] = Number(row[column] ?? 0);
  return out;
}

export async function readStoredFacts(db: Reader, rmaIds: readonly string[]): Promise<Map<string, ReturnFacts>> {
  const out = new Map<string, ReturnFacts>();
  for (const ids of chunks(rmaIds)) {
    const [returns, lines] = await Promise.all([
      db.selectFrom('kpi_return_facts').selectAll().where('rma_id', 'in', ids).execute(),
      db
        .selectFrom('kpi_line_facts')
        .selectAll()
        .where('rma_id', 'in', ids)
        .orderBy('rma_id')
        .orderBy('rma_line_id')
        .execute(),
    ]);
    assembleFacts(returns, lines, out);
  }
  return out;
}

/** Stored rows as facts: the returns' rows and their lines' rows (lines in id order). */
export function assembleFacts(
  returns: readonly KpiReturnFactsTable[],
  lines: readonly KpiLineFactsTable[],
  into = new Map<string, ReturnFacts>(),
): Map<string, ReturnFacts> {
  for (const r of returns) into.set(r.rma_id, factsFromRow(r, []));
  for (const line of lines)
    into.get(line.rma_id)?.lines.push({
      rmaLineId: line.rma_line_id,
      productId: line.product_id,
      category: line.category,
      supplierId: line.supplier_id,
      reasonCode: line.reason_code,
      measures: measuresFrom(line as unknown as Record<string, unknown>),
    });
  return into;
}

function factsFromRow(r: KpiReturnFactsTable, lines: ReturnFacts['lines']): ReturnFacts {
  return {
    rmaId: r.rma_id,
    rmaNumber: r.rma_number,
    period: r.period,
    createdAt: r.created_at,
    legalEntityId: r.legal_entity_id,
    currency: r.currency,
    customerId: r.customer_id,
    siteId: r.site_id,
    channel: r.channel,
    returnType: r.return_type,
    status: r.status,
    settledAt: r.settled_at,
    measures: measuresFrom(r as unknown as Record<string, unknown>),
    lines,
  };
}

/** The row a return's facts are stored as. */
export function returnRow(f: ReturnFacts): KpiReturnFactsTable {
  return {
    rma_id: f.rmaId,
    rma_number: f.rmaNumber,
    period: f.period,
    created_at: f.createdAt,
    legal_entity_id: f.legalEntityId,
    currency: f.currency,
    customer_id: f.customerId,
    site_id: f.siteId,
    channel: f.channel,
    return_type: f.returnType,
    status: f.status,
    settled_at: f.settledAt,
    ...f.measures,
  };
}

/** The rows its lines' facts are stored as. */
export function lineRows(f: ReturnFacts): KpiLineFactsTable[] {
  return f.lines.map((line) => ({
    rma_line_id: line.rmaLineId,
    rma_id: f.rmaId,
    period: f.period,
    product_id: line.productId,
    category: line.category,
    supplier_id: line.supplierId,
    reason_code: line.reasonCode,
    ...line.measures,
  }));
}

/** Whether two facts would store the same rows (then nothing is written). */
export function sameFacts(a: ReturnFacts, b: ReturnFacts): boolean {
  const rowsOf = (f: ReturnFacts) => [returnRow(f), ...lineRows(f)] as unknown as Array<Record<string, unknown>>;
  const left = rowsOf(a);
  const right = rowsOf(b);
  return (
    left.length === right.length && left.every((row, i) => Object.keys(row).every((key) => row[key] === right[i]![key]))
  );
}

/**
 * Stores the returns' new facts and adds the difference to the rollups. `before` holds what is
 * stored now (absent: the return is new to the KPIs).
 */
export async function storeFacts(
  db: Transaction<DB> | Kysely<DB>,
  before: ReadonlyMap<string, ReturnFacts>,
  after: readonly ReturnFacts[],
): Promise<number> {
  const changed = after.filter((f) => {
    const old = before.get(f.rmaId);
    return !old || !sameFacts(old, f);
  });
  if (changed.length === 0) return 0;
  for (const part of chunks(changed)) {
    const ids = part.map((f) => f.rmaId);
    await db.deleteFrom('kpi_line_facts').where('rma_id', 'in', ids).execute();
    await db.deleteFrom('kpi_return_facts').where('rma_id', 'in', ids).execute();
    await db.insertInto('kpi_return_facts').values(part.map(returnRow)).execute();
    const lines = part.flatMap(lineRows);
    for (const some of chunks(lines)) if (some.length > 0) await db.insertInto('kpi_line_facts').values(some).execute();
  }
  const merged = new Map<string, Contribution>();
  for (const f of changed) addContributions(merged, rollupDelta(before.get(f.rmaId) ?? null, f));
  await addToRollups(db, [...merged.values()]);
  return changed.length;
}

/** The rollup row a contribution is (its key and its measures). */
export function rollupRow(c: Contribution): KpiRollupsTable {
  return {
    period: c.period,
    legal_entity_id: c.legalEntityId,
    currency: c.currency,
    dimension: c.dimension,
    value: c.value,
    shard: c.shard,
    ...c.measures,
  };
}

async function addToRollups(db: Transaction<DB> | Kysely<DB>, delta: readonly Contribution[]) {
  for (const part of chunks(delta, 200)) {
    if (part.length === 0) continue;
    await db
      .insertInto('kpi_rollups')
      .values(part.map(rollupRow))
      .onConflict((oc) =>
        oc
          .columns(['dimension', 'period', 'legal_entity_id', 'currency', 'value', 'shard'])
          .doUpdateSet(
            Object.fromEntries(
              MEASURE_COLUMNS.map((column) => [
                column,
                sql<number>`kpi_rollups.${sql.ref(column)} + excluded.${sql.ref(column)}`,
              ]),
            ),
          ),
      )
      .execute();
  }
}

/** Empties the KPI tables (before a rebuild from the raw records). */
export async function clearKpiTables(db: Transaction<DB> | Kysely<DB>): Promise<void> {
  await db.deleteFrom('kpi_rollups').execute();
  await db.deleteFrom('kpi_line_facts').execute();
  await db.deleteFrom('kpi_return_facts').execute();
}

export async function countStoredFacts(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('kpi_return_facts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every stored rollup row, keyed as contributionKey keys a contribution. */
export async function readAllRollups(db: Reader): Promise<Map<string, KpiMeasureColumns>> {
  const rows = await db.selectFrom('kpi_rollups').selectAll().execute();
  return new Map(
    rows.map((r) => [
      contributionKey({
        dimension: r.dimension as Contribution['dimension'],
        period: r.period,
        legalEntityId: r.legal_entity_id,
        currency: r.currency,
        value: r.value,
        shard: r.shard,
      }),
      measuresFrom(r as unknown as Record<string, unknown>),
    ]),
  );
}
