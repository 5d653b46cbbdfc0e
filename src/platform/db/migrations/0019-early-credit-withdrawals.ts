// Credit given ahead of proof for units that never arrived. When a trusted customer's return is
// cancelled or expires before its goods come, the early credit of the units that did not arrive is
// taken back in the same transaction: a memo not yet applied is simply void; one already applied
// (or one that also credits units that did arrive) keeps its document and the units' share leaves
// the reserve and the customer's credit instead — a row here, like inspection's chargeback in
// credit_reserve_releases (which names an inspection, so cannot hold these).
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('early_credit_withdrawals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credit_memo_line_id', 'text', (c) => c.notNull().references('credit_memo_lines.id'))
    .addColumn('credit_memo_id', 'text', (c) => c.notNull().references('credit_memos.id'))
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('units_before', 'integer', (c) => c.notNull().check(sql`units_before >= 0`))
    .addColumn('price_minor', 'integer', (c) => c.notNull())
    .addColumn('tax_minor', 'integer', (c) => c.notNull())
    .addColumn('restocking_fee_minor', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    // Set when the books take it: at once for an issued or applied memo, else when it is issued.
    .addColumn('reserve_withdrawn_minor', 'integer')
    .addColumn('entry_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .execute();
  await db.schema
    .createIndex('early_credit_withdrawals_memo')
    .on('early_credit_withdrawals')
    .column('credit_memo_id')
    .execute();
  await db.schema
    .createIndex('early_credit_withdrawals_line')
    .on('early_credit_withdrawals')
    .column('credit_memo_line_id')
    .execute();
  await db.schema.createIndex('early_credit_withdrawals_rma').on('early_credit_withdrawals').column('rma_id').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('early_credit_withdrawals').execute();
}
