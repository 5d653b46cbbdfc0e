// Credit timing: trusted customers may be credited when their return is authorized or when its
// goods arrive, ahead of inspection. A credit memo line is then keyed by what it credits — an
// inspection's units, a return line's authorized units, a receipt line's units — instead of an
// inspection alone; the unique key still lets no unit be credited twice. Credit given ahead of
// proof is held in the returns reserve (credit_reserves, booked when the memo is issued) until
// inspection releases it into sales returns or charges the deduction back
// (credit_reserve_releases, one per early line and inspection).
import { PostgresAdapter, sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table credit_memo_lines alter column inspection_id drop not null`.execute(db);
    await sql`alter table credit_memo_lines drop constraint credit_memo_lines_inspection_id_key`.execute(db);
    await db.schema
      .alterTable('credit_memo_lines')
      .addColumn('basis', 'text', (c) => c.notNull().defaultTo('inspection'))
      .execute();
    await db.schema.alterTable('credit_memo_lines').addColumn('credit_key', 'text').execute();
    await sql`update credit_memo_lines set credit_key = 'inspection:' || inspection_id`.execute(db);
    await sql`alter table credit_memo_lines alter column credit_key set not null`.execute(db);
  } else {
    await rebuildLinesOnSqlite(db);
  }
  await db.schema
    .createIndex('credit_memo_lines_credit_key')
    .unique()
    .on('credit_memo_lines')
    .column('credit_key')
    .execute();
  await db.schema.createIndex('credit_memo_lines_inspection').on('credit_memo_lines').column('inspection_id').execute();
  await db.schema.createIndex('credit_memo_lines_rma_line').on('credit_memo_lines').column('rma_line_id').execute();

  // The reserve an issued memo's early line holds, in the entity's currency at the rate (the
  // rate kept, so releases convert exactly as the issue did and the reserve nets to zero).
  await db.schema
    .createTable('credit_reserves')
    .addColumn('credit_memo_line_id', 'text', (c) => c.primaryKey().references('credit_memo_lines.id'))
    .addColumn('credit_memo_id', 'text', (c) => c.notNull().references('credit_memos.id'))
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('reserved_minor', 'integer', (c) => c.notNull().check(sql`reserved_minor >= 0`))
    .addColumn('issue_entry_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .execute();
  await db.schema
    .createIndex('credit_reserves_entity')
    .on('credit_reserves')
    .columns(['legal_entity_id', 'voided_at'])
    .execute();

  await db.schema
    .createTable('credit_reserve_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credit_memo_line_id', 'text', (c) => c.notNull().references('credit_memo_lines.id'))
    .addColumn('credit_memo_id', 'text', (c) => c.notNull().references('credit_memos.id'))
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    // Units of the early line proven before these: shares are cumulative, so the parts add up exactly.
    .addColumn('units_before', 'integer', (c) => c.notNull())
    .addColumn('claim_verdict', 'text')
    .addColumn('grade', 'text')
    .addColumn('price_minor', 'integer', (c) => c.notNull())
    .addColumn('tax_minor', 'integer', (c) => c.notNull())
    .addColumn('restocking_fee_minor', 'integer', (c) => c.notNull())
    .addColumn('charged_back_minor', 'integer', (c) => c.notNull().check(sql`charged_back_minor >= 0`))
    .addColumn('released_minor', 'integer', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    // Set when the books take it: at once for an issued memo, else when the memo is issued.
    .addColumn('reserve_released_minor', 'integer')
    .addColumn('charged_back_functional_minor', 'integer')
    .addColumn('entry_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addUniqueConstraint('credit_reserve_releases_line_inspection', ['credit_memo_line_id', 'inspection_id'])
    .execute();
  await db.schema
    .createIndex('credit_reserve_releases_memo')
    .on('credit_reserve_releases')
    .column('credit_memo_id')
    .execute();
  await db.schema
    .createIndex('credit_reserve_releases_rma_line')
    .on('credit_reserve_releases')
    .column('rma_line_id')
    .execute();
}

/** SQLite cannot drop a NOT NULL or an inline UNIQUE: the table is copied into its new shape. */
async function rebuildLinesOnSqlite(db: Db): Promise<void> {
  await db.schema
    .createTable('credit_memo_lines_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credit_memo_id', 'text', (c) => c.notNull().references('credit_memos.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('sales_order_lines.id'))
    .addColumn('inspection_id', 'text')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price_minor', 'integer', (c) => c.notNull())
    .addColumn('price_minor', 'integer', (c) => c.notNull())
    .addColumn('tax_minor', 'integer', (c) => c.notNull())
    .addColumn('restocking_fee_minor', 'integer', (c) => c.notNull())
    .addColumn('deduction_minor', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo('inspection'))
    .addColumn('credit_key', 'text', (c) => c.notNull())
    .execute();
  await sql`
    insert into credit_memo_lines_next
      (id, credit_memo_id, rma_line_id, order_line_id, inspection_id, product_id, quantity, unit_price_minor,
       price_minor, tax_minor, restocking_fee_minor, deduction_minor, total_minor, explanation, basis, credit_key)
    select id, credit_memo_id, rma_line_id, order_line_id, inspection_id, product_id, quantity, unit_price_minor,
       price_minor, tax_minor, restocking_fee_minor, deduction_minor, total_minor, explanation, 'inspection',
       'inspection:' || inspection_id
    from credit_memo_lines`.execute(db);
  await db.schema.dropTable('credit_memo_lines').execute();
  await sql`alter table credit_memo_lines_next rename to credit_memo_lines`.execute(db);
  await db.schema.createIndex('credit_memo_lines_memo').on('credit_memo_lines').column('credit_memo_id').execute();
}

export async function down(db: Db): Promise<void> {
  const early = await sql<{
    n: number;
  }>`select count(*) as n from credit_memo_lines where inspection_id is null`.execute(db);
  if (Number(early.rows[0]?.n ?? 0) > 0)
    throw new Error('credit memo lines credit units ahead of inspection: they cannot be kept in the older shape');
  await db.schema.dropTable('credit_reserve_releases').execute();
  await db.schema.dropTable('credit_reserves').execute();
  await db.schema.dropIndex('credit_memo_lines_rma_line').execute();
  await db.schema.dropIndex('credit_memo_lines_inspection').execute();
  await db.schema.dropIndex('credit_memo_lines_credit_key').execute();
  // The older shape kept a void line's inspection apart by its id (the unique key was on it).
  await sql`update credit_memo_lines set inspection_id = inspection_id || ':void:' || credit_memo_id
    where credit_key like '%:void:%' and inspection_id not like '%:void:%'`.execute(db);
  await db.schema.alterTable('credit_memo_lines').dropColumn('credit_key').execute();
  await db.schema.alterTable('credit_memo_lines').dropColumn('basis').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table credit_memo_lines alter column inspection_id set not null`.execute(db);
    await sql`alter table credit_memo_lines add constraint credit_memo_lines_inspection_id_key unique (inspection_id)`.execute(
      db,
    );
  }
}
