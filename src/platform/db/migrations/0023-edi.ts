// EDI with trading partners: who they are and how their codes map onto ours; every document in and
// out, kept whole with its status, errors and the records it created; and each inbound transaction
// set's outcome, so a crash between two sets resumes without creating a return twice.
import type { Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('trading_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('supplier_id', 'text')
    .addColumn('interchange_qualifier', 'text', (c) => c.notNull())
    .addColumn('interchange_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('our_interchange_qualifier', 'text', (c) => c.notNull())
    .addColumn('our_interchange_id', 'text', (c) => c.notNull())
    .addColumn('our_group_id', 'text', (c) => c.notNull())
    .addColumn('x12_version', 'text', (c) => c.notNull())
    .addColumn('usage', 'text', (c) => c.notNull())
    // JSON arrays/objects: which documents, and the code mappings.
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('mappings', 'text', (c) => c.notNull())
    .addColumn('inbound_directory', 'text', (c) => c.notNull())
    .addColumn('outbound_directory', 'text', (c) => c.notNull())
    // The last ISA13/GS06 we used for this partner; taken with a conditional UPDATE.
    .addColumn('last_control_number', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('trading_partners_interchange', ['interchange_qualifier', 'interchange_id'])
    .execute();

  await db.schema
    .createTable('edi_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null for a file from a sender we do not know: kept, rejected, and shown.
    .addColumn('partner_id', 'text', (c) => c.references('trading_partners.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('transaction_sets', 'text', (c) => c.notNull())
    .addColumn('interchange_control_number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    // SHA-256 of an inbound file: the same file twice is recorded once (a poller that crashed
    // before moving it away reads it again).
    .addColumn('inbound_hash', 'text', (c) => c.unique())
    .addColumn('file_name', 'text')
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('records', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    // What an outbound document is about (an RMA, a credit memo, a claim), so it is sent once.
    .addColumn('subject_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('edi_documents_partner')
    .on('edi_documents')
    .columns(['partner_id', 'created_at'])
    .execute();
  await db.schema.createIndex('edi_documents_status').on('edi_documents').columns(['direction', 'status']).execute();

  await db.schema
    .createTable('edi_inbound_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('edi_documents.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('trading_partners.id'))
    .addColumn('group_control_number', 'text', (c) => c.notNull())
    .addColumn('set_code', 'text', (c) => c.notNull())
    .addColumn('set_control_number', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rma_id', 'text')
    // JSON: the answer per line, what the response 180 said.
    .addColumn('answer', 'text', (c) => c.notNull())
    // Whether the partner has had the final word (authorized or refused), or only "pending".
    .addColumn('final_answer_sent', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('edi_inbound_sets_once', ['document_id', 'group_control_number', 'set_control_number'])
    .execute();
  await db.schema
    .createIndex('edi_inbound_sets_awaiting')
    .on('edi_inbound_sets')
    .columns(['final_answer_sent', 'outcome'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('edi_inbound_sets').execute();
  await db.schema.dropTable('edi_documents').execute();
  await db.schema.dropTable('trading_partners').execute();
}
