// Stage 6, the supplier's side: a claim for every vendor return shipped, its lines with the
// evidence and the amount the supplier's terms give, and the supplier's answer and payment. Also
// what the customer-credit subledger needs: a credit memo's credit in the books' currency, fixed
// when it is issued, and what applying it cleared, so open credits can be set beside their
// control account.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  // Claim numbers may have gaps (they are not tax documents): a sequence on PostgreSQL.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql.raw('create sequence doc_supplier_claim_seq').execute(db);

  // Whether the supplier takes the goods back under its return terms or its warranty decides the
  // claim's amount; known when the disposition adds the units, kept on the vendor return's line.
  await db.schema
    .alterTable('vendor_return_lines')
    .addColumn('claim_basis', 'text', (c) => c.notNull().defaultTo('return_to_vendor'))
    .execute();

  await db.schema
    .createTable('supplier_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_number', 'text', (c) => c.notNull().unique())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    // One claim per shipped vendor return: the goods the supplier received are what it is asked to pay for.
    .addColumn('vendor_return_id', 'text', (c) => c.notNull().unique().references('vendor_returns.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_minor', 'integer', (c) => c.notNull().check(sql`claimed_minor >= 0`))
    .addColumn('accepted_minor', 'integer')
    .addColumn('paid_minor', 'integer')
    .addColumn('functional_currency', 'text', (c) => c.notNull())
    // What the books hold against the supplier for this claim now (vendor receivable), in the
    // functional currency: the goods' carrying value until the supplier answers, then what it
    // accepted, then nothing once paid. The subledger the control account is reconciled with.
    .addColumn('receivable_minor', 'integer', (c) => c.notNull())
    .addColumn('supplier_reference', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_note', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('paid_by', 'text')
    .addColumn('payment_reference', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'supplier_claims_status_ck',
      sql.raw(`status in ('submitted', 'acknowledged', 'accepted', 'partially_accepted', 'rejected', 'paid')`),
    )
    .addCheckConstraint(
      'supplier_claims_accepted_ck',
      sql.raw('accepted_minor is null or (accepted_minor >= 0 and accepted_minor <= claimed_minor)'),
    )
    .execute();
  await db.schema
    .createIndex('supplier_claims_supplier_idx')
    .on('supplier_claims')
    .columns(['supplier_id', 'status'])
    .execute();
  await db.schema
    .createIndex('supplier_claims_status_idx')
    .on('supplier_claims')
    .columns(['status', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('supplier_claim_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('supplier_claims.id'))
    // A unit sent back is claimed once.
    .addColumn('vendor_return_line_id', 'text', (c) => c.notNull().unique().references('vendor_return_lines.id'))
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('inspection_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('unit_cost_minor', 'integer', (c) => c.notNull())
    .addColumn('terms_bps', 'integer', (c) => c.notNull())
    .addColumn('claimed_minor', 'integer', (c) => c.notNull())
    .addColumn('accepted_minor', 'integer')
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addCheckConstraint('supplier_claim_lines_basis_ck', sql.raw(`basis in ('return_to_vendor', 'warranty')`))
    .addCheckConstraint(
      'supplier_claim_lines_accepted_ck',
      sql.raw('accepted_minor is null or (accepted_minor >= 0 and accepted_minor <= claimed_minor)'),
    )
    .execute();
  await db.schema.createIndex('supplier_claim_lines_claim_idx').on('supplier_claim_lines').column('claim_id').execute();
  await db.schema.createIndex('supplier_claim_lines_rma_idx').on('supplier_claim_lines').column('rma_id').execute();

  // The customer-credit subledger: each issued memo's credit in the books' currency.
  await db.schema.alterTable('credit_memos').addColumn('functional_currency', 'text').execute();
  await db.schema.alterTable('credit_memos').addColumn('functional_credit_minor', 'integer').execute();
  await db.schema.alterTable('credit_memos').addColumn('apply_entry_id', 'text').execute();
  await db.schema.alterTable('credit_memos').addColumn('applied_functional_minor', 'integer').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('credit_memos').dropColumn('applied_functional_minor').execute();
  await db.schema.alterTable('credit_memos').dropColumn('apply_entry_id').execute();
  await db.schema.alterTable('credit_memos').dropColumn('functional_credit_minor').execute();
  await db.schema.alterTable('credit_memos').dropColumn('functional_currency').execute();
  await db.schema.dropTable('supplier_claim_lines').execute();
  await db.schema.dropTable('supplier_claims').execute();
  await db.schema.alterTable('vendor_return_lines').dropColumn('claim_basis').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql.raw('drop sequence doc_supplier_claim_seq').execute(db);
}
