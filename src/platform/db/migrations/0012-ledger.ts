// Stage 6, the books: a chart of accounts per legal entity, fiscal periods that can be closed,
// immutable journal entries whose lines balance, the value each returned unit is carried at in
// returns inventory (fixed when it is received), and dated exchange rates.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql.raw('create sequence doc_journal_entry_seq').execute(db);
  await db.schema
    .createTable('ledger_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    // What the postings look the account up by ('returns_awaiting_inspection', 'vendor_receivable'…);
    // null for accounts a person added. One account per role and entity.
    .addColumn('role', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ledger_accounts_entity_code', ['legal_entity_id', 'code'])
    .addUniqueConstraint('ledger_accounts_entity_role', ['legal_entity_id', 'role'])
    .execute();

  // A period is open unless a row here says it was closed.
  await db.schema
    .createTable('fiscal_period_closes')
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fiscal_period_closes_pk', ['legal_entity_id', 'period'])
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_number', 'text', (c) => c.notNull().unique())
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    .addColumn('posting_date', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // The event it records ('receipt.recorded', 'disposition.executed'…) and the record behind it.
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('rma_id', 'text', (c) => c.references('rmas.id'))
    // A correction is a reversal: a new entry pointing at the one it cancels, at most once.
    .addColumn('reverses_entry_id', 'text', (c) => c.unique().references('journal_entries.id'))
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('posted_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journal_entries_entity_period')
    .on('journal_entries')
    .columns(['legal_entity_id', 'period'])
    .execute();
  await db.schema.createIndex('journal_entries_rma').on('journal_entries').column('rma_id').execute();
  await db.schema
    .createIndex('journal_entries_source')
    .on('journal_entries')
    .columns(['source_type', 'source_id'])
    .execute();

  await db.schema
    .createTable('journal_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('journal_entries.id'))
    .addColumn('line_number', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('ledger_accounts.id'))
    // In the entity's functional currency; one side only, never negative.
    .addColumn('debit_minor', 'integer', (c) => c.notNull().check(sql`debit_minor >= 0`))
    .addColumn('credit_minor', 'integer', (c) => c.notNull().check(sql`credit_minor >= 0`))
    .addColumn('memo', 'text', (c) => c.notNull())
    .addCheckConstraint('journal_lines_one_side', sql`(debit_minor = 0) <> (credit_minor = 0)`)
    .addUniqueConstraint('journal_lines_entry_line', ['entry_id', 'line_number'])
    .execute();
  await db.schema.createIndex('journal_lines_account').on('journal_lines').column('account_id').execute();

  // What a returned unit is carried at while it is in returns inventory, per return line.
  await db.schema
    .createTable('return_line_valuations')
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('unit_value_minor', 'integer', (c) => c.notNull())
    .addColumn('source_currency', 'text', (c) => c.notNull())
    .addColumn('source_unit_cost_minor', 'integer', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('valued_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('return_line_valuations_pk', ['rma_line_id', 'legal_entity_id'])
    .execute();

  await db.schema
    .createTable('fx_rates')
    .addColumn('rate_date', 'text', (c) => c.notNull())
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('quote_currency', 'text', (c) => c.notNull())
    // Units of quote per one unit of base, as the source published it (a decimal string).
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fx_rates_pk', ['base_currency', 'quote_currency', 'rate_date'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'fx_rates',
    'return_line_valuations',
    'journal_lines',
    'journal_entries',
    'fiscal_period_closes',
    'ledger_accounts',
  ])
    await db.schema.dropTable(table).execute();
}
