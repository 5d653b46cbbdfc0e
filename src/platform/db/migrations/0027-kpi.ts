// The KPI context's tables. `kpi_return_facts` and `kpi_line_facts` hold, per return and per return
// line, the figures the KPIs are made of, derived from the stages' own records; `kpi_rollups` sums
// them per month (of the RMA's creation), legal entity, dimension and value. Both are kept in the
// transaction of the events that change them, and a check recomputes them from the raw records.
// Sums are BIGINT: a million returns' seconds and minor units pass 2^31.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

const MEASURES = [
  'returns',
  'unauthorized_returns',
  'repeat_returns',
  'settled_returns',
  'cycle_seconds',
  'received_units',
  'dispositioned_units',
  'disposition_unit_seconds',
  'returned_value_minor',
  'recovered_value_minor',
  'freight_cost_minor',
  'repair_cost_minor',
  'write_off_minor',
  'paid_claims',
  'reimbursement_seconds',
  'open_exceptions',
  'sla_breaches',
] as const;

export async function up(db: Db): Promise<void> {
  // The projection reads a return's disposition records by return: these had no such index.
  for (const table of ['work_orders', 'liquidation_lot_lines', 'disposals'])
    await db.schema.createIndex(`${table}_rma_idx`).on(table).column('rma_id').execute();
  let facts = db.schema
    .createTable('kpi_return_facts')
    .addColumn('rma_id', 'text', (c) => c.primaryKey())
    .addColumn('rma_number', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('legal_entity_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('return_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text');
  for (const measure of MEASURES) facts = facts.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
  await facts.execute();
  for (const column of ['customer_id', 'site_id', 'channel', 'return_type'])
    await db.schema
      .createIndex(`kpi_return_facts_${column}_idx`)
      .on('kpi_return_facts')
      .columns([column, 'period', 'rma_id'])
      .execute();
  await db.schema
    .createIndex('kpi_return_facts_entity_idx')
    .on('kpi_return_facts')
    .columns(['legal_entity_id', 'period', 'rma_id'])
    .execute();
  await db.schema
    .createIndex('kpi_return_facts_period_idx')
    .on('kpi_return_facts')
    .columns(['period', 'rma_id'])
    .execute();

  let lines = db.schema
    .createTable('kpi_line_facts')
    .addColumn('rma_line_id', 'text', (c) => c.primaryKey())
    .addColumn('rma_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull());
  for (const measure of MEASURES) lines = lines.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
  await lines.execute();
  await db.schema.createIndex('kpi_line_facts_rma_idx').on('kpi_line_facts').column('rma_id').execute();
  for (const column of ['product_id', 'category', 'supplier_id', 'reason_code'])
    await db.schema
      .createIndex(`kpi_line_facts_${column}_idx`)
      .on('kpi_line_facts')
      .columns([column, 'period', 'rma_id'])
      .execute();

  // One row per month, entity, dimension, value and shard. The shard (a hash of the RMA id, 0–7)
  // spreads concurrent transactions of the same month over eight rows, so PostgreSQL writers do
  // not queue on one row lock; reads sum the shards.
  // Keys compare byte by byte on PostgreSQL (collation "C"): grouping thousands of rows by value
  // then sorts by memcmp, not by the locale's rules (ids and codes have no language).
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = isPostgres ? sql`collate "C"` : sql``;
  let rollups = db.schema
    .createTable('kpi_rollups')
    .addColumn('period', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('currency', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('dimension', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('value', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('shard', 'integer', (c) => c.notNull());
  for (const measure of MEASURES) rollups = rollups.addColumn(measure, 'bigint', (c) => c.notNull().defaultTo(0));
  // On SQLite the rows are stored in key order (WITHOUT ROWID): a dashboard's range of months of
  // one dimension is then one sequential read, not a lookup per row.
  await rollups
    .addPrimaryKeyConstraint('kpi_rollups_pk', ['dimension', 'period', 'legal_entity_id', 'currency', 'value', 'shard'])
    .modifyEnd(isPostgres ? sql`` : sql`without rowid`)
    .execute();
  await db.schema
    .createIndex('kpi_rollups_value_idx')
    .on('kpi_rollups')
    .columns(['dimension', 'value', 'period'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of ['work_orders', 'liquidation_lot_lines', 'disposals'])
    await db.schema.dropIndex(`${table}_rma_idx`).execute();
  await db.schema.dropTable('kpi_rollups').execute();
  await db.schema.dropTable('kpi_line_facts').execute();
  await db.schema.dropTable('kpi_return_facts').execute();
}
