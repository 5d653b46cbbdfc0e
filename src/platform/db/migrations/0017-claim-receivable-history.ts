// The vendor-receivable subledger, dated: every change to what a claim holds against its supplier
// (booked at shipment, written down to what is claimed, cut to what the supplier accepts, cleared
// by its credit note) kept with its posting date, so the reconciliation can be run as at the end
// of any period, not only now. Existing claims get their history from the journal entries their
// own steps posted (source: the claim, or the vendor return it was submitted for).
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('supplier_claim_receivable_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('supplier_claims.id'))
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    .addColumn('posting_date', 'text', (c) => c.notNull())
    .addColumn('change_minor', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supplier_claim_receivable_changes_entity')
    .on('supplier_claim_receivable_changes')
    .columns(['legal_entity_id', 'posting_date'])
    .execute();

  // Backfill: the vendor-receivable lines of each claim's own entries, one change per entry.
  await sql`
    insert into supplier_claim_receivable_changes
      (id, claim_id, legal_entity_id, posting_date, change_minor, event, created_at)
    select 'scr_' || e.id, c.id, c.legal_entity_id, e.posting_date,
           sum(l.debit_minor) - sum(l.credit_minor), e.event, e.posted_at
    from supplier_claims c
    join journal_entries e
      on e.legal_entity_id = c.legal_entity_id
     and e.reverses_entry_id is null
     and ((e.source_type = 'supplier_claim' and e.source_id = c.id)
       or (e.source_type = 'vendor_return' and e.source_id = c.vendor_return_id))
    join journal_lines l on l.entry_id = e.id
    join ledger_accounts a on a.id = l.account_id and a.role = 'vendor_receivable'
    group by c.id, c.legal_entity_id, e.id, e.posting_date, e.event, e.posted_at
  `.execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('supplier_claim_receivable_changes').execute();
}
