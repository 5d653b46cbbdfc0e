// The lifecycle spine:
// - The audit log is written without touching a shared row; a sealer chains events after commit
//   (chain_seq, prev_hash and hash are filled in then). Existing events keep their chain position
//   and hashes, which stay valid: the hash has always covered the position as `seq`.
// - Document numbers: gap-free counters per legal entity and type; a sequence for RMA numbers on
//   PostgreSQL, continuing from the old counter.
// - The RMA's status is its authorization's life only; what happened to the goods is each later
//   stage's own fact. Lines no longer copy a status. RMAs that stood in the old pipeline statuses
//   (receiving … settled) had no stage facts behind them and return to 'authorized'; goods recorded
//   as unauthorized arrivals become receipts, and their RMA awaits a decision.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await createAuditLog(db);
  await createDocumentNumbering(db);
  await createReceiving(db);
  await moveArrivalsToReceipts(db);
  await sql`update rmas set status = 'authorized' where status in ('receiving', 'inspecting', 'dispositioned', 'settled')`.execute(
    db,
  );
  await db.schema.alterTable('rma_lines').dropColumn('status').execute();
}

async function createAuditLog(db: Db): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('chain_seq', 'bigint', (c) => c.unique())
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();
  await sql`
    insert into audit_log (id, occurred_at, actor_id, actor_name, request_id, entity_type, entity_id, stream_id,
                           action, before, after, chain_seq, prev_hash, hash)
    select id, occurred_at, actor_id, actor_name, request_id, entity_type, entity_id, stream_id,
           action, before, after, seq, prev_hash, hash
    from audit_events`.execute(db);
  await db.schema.dropTable('audit_events').execute();
  await db.schema.createIndex('audit_log_stream_idx').on('audit_log').columns(['stream_id', 'id']).execute();
  // The sealer's work list: only unsealed rows are in this index, so finding them stays cheap.
  await db.schema
    .createIndex('audit_log_unsealed_idx')
    .on('audit_log')
    .column('id')
    .where(sql.ref('chain_seq'), 'is', null)
    .execute();
}

async function createDocumentNumbering(db: Db): Promise<void> {
  await db.schema
    .createTable('document_counters')
    .addColumn('legal_entity_id', 'text', (c) => c.notNull())
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_counters_pk', ['legal_entity_id', 'document_type'])
    .execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create sequence doc_rma_seq`.execute(db);
  await sql`select setval('doc_rma_seq', coalesce((select max(value) from counters where name = 'rma'), 0) + 1, false)`.execute(
    db,
  );
  await sql`delete from counters where name = 'rma'`.execute(db);
}

async function createReceiving(db: Db): Promise<void> {
  await db.schema
    .createTable('receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('received_by_id', 'text', (c) => c.notNull())
    .addColumn('carrier_reference', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('is_unauthorized', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('receipts_rma_idx').on('receipts').column('rma_id').execute();
  await db.schema
    .createTable('receipt_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_id', 'text', (c) => c.notNull().references('receipts.id'))
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('serials', 'text', (c) => c.notNull())
    .addColumn('lots', 'text', (c) => c.notNull())
    .addCheckConstraint('receipt_lines_quantity_ck', sql.raw('quantity > 0'))
    .execute();
  await db.schema.createIndex('receipt_lines_rma_idx').on('receipt_lines').column('rma_id').execute();
}

async function moveArrivalsToReceipts(db: Db): Promise<void> {
  await sql`
    insert into receipts (id, rma_id, site_id, received_at, received_by, received_by_id, carrier_reference, note, is_unauthorized)
    select 'rcp_' || substr(id, 5), id, receiving_site_id, created_at, requested_by, requested_by_id, customer_reference, note, 1
    from rmas where is_unauthorized = 1 and receiving_site_id is not null`.execute(db);
  await sql`
    insert into receipt_lines (id, receipt_id, rma_id, rma_line_id, product_id, quantity, serials, lots)
    select 'rcl_' || substr(l.id, 5), 'rcp_' || substr(l.rma_id, 5), l.rma_id, l.id, l.product_id, l.quantity, l.serials, l.lots
    from rma_lines l join rmas r on r.id = l.rma_id
    where r.is_unauthorized = 1 and r.receiving_site_id is not null`.execute(db);
  await sql`update rmas set status = 'pending_approval' where is_unauthorized = 1 and status = 'receiving'`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('0003-lifecycle-spine cannot be undone: restore the backup taken before upgrading'));
}
