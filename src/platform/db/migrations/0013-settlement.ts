// Stage 6, the customer's side: credit memos computed from the original sale, their lines, and per
// sales-order line how much has been credited — the guard that partial and repeated returns of one
// line never credit more than was invoiced.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('credit_memos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Credit memos are tax documents: numbered without gaps per legal entity, when issued.
    .addColumn('credit_memo_number', 'text')
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'integer', (c) => c.notNull())
    .addColumn('tax_minor', 'integer', (c) => c.notNull())
    .addColumn('restocking_fee_minor', 'integer', (c) => c.notNull())
    .addColumn('deduction_minor', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('needs_finance_approval', 'integer', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('issue_entry_id', 'text')
    .addColumn('applied_at', 'text')
    .addColumn('applied_by', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('credit_memos_entity_number', ['legal_entity_id', 'credit_memo_number'])
    .execute();
  await db.schema.createIndex('credit_memos_rma').on('credit_memos').column('rma_id').execute();
  await db.schema.createIndex('credit_memos_status').on('credit_memos').columns(['status', 'created_at']).execute();
  // One draft per return at a time: inspections add their units to it until it is approved.
  await sql`create unique index credit_memos_one_draft on credit_memos (rma_id) where status = 'draft'`.execute(db);

  await db.schema
    .createTable('credit_memo_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credit_memo_id', 'text', (c) => c.notNull().references('credit_memos.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('sales_order_lines.id'))
    .addColumn('inspection_id', 'text', (c) => c.notNull().unique())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price_minor', 'integer', (c) => c.notNull())
    .addColumn('price_minor', 'integer', (c) => c.notNull())
    .addColumn('tax_minor', 'integer', (c) => c.notNull())
    .addColumn('restocking_fee_minor', 'integer', (c) => c.notNull())
    .addColumn('deduction_minor', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credit_memo_lines_memo').on('credit_memo_lines').column('credit_memo_id').execute();

  // Per invoiced line: units and amounts on credit memos that are not void. Guarded updates keep
  // them within what was shipped and invoiced, whatever runs at the same time.
  await db.schema
    .createTable('order_line_credits')
    .addColumn('order_line_id', 'text', (c) => c.primaryKey().references('sales_order_lines.id'))
    .addColumn('quantity_invoiced', 'integer', (c) => c.notNull())
    .addColumn('amount_invoiced_minor', 'integer', (c) => c.notNull())
    .addColumn('quantity_credited', 'integer', (c) => c.notNull().check(sql`quantity_credited >= 0`))
    .addColumn('amount_credited_minor', 'integer', (c) => c.notNull().check(sql`amount_credited_minor >= 0`))
    .addCheckConstraint('order_line_credits_within_quantity', sql`quantity_credited <= quantity_invoiced`)
    .addCheckConstraint('order_line_credits_within_amount', sql`amount_credited_minor <= amount_invoiced_minor`)
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of ['order_line_credits', 'credit_memo_lines', 'credit_memos'])
    await db.schema.dropTable(table).execute();
}
