// Goods that arrive from a sender we cannot name, or with products not in the catalogue, are
// still received: receiving keeps them as unidentified arrivals until someone identifies them
// (which then opens the return and records the receipt). And staff get a home site, the site
// their forms start from.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .execute();
  await db.schema
    .createTable('unidentified_arrivals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('arrival_number', 'text', (c) => c.notNull().unique())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('carrier_reference', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rma_id', 'text', (c) => c.references('rmas.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('received_by_id', 'text', (c) => c.notNull())
    .addColumn('identified_at', 'text')
    .addColumn('identified_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'unidentified_arrivals_status_ck',
      sql.raw(`status in ('awaiting_identification', 'identified')`),
    )
    .execute();
  await db.schema
    .createIndex('unidentified_arrivals_status_idx')
    .on('unidentified_arrivals')
    .columns(['status', 'received_at'])
    .execute();
  await db.schema
    .createTable('unidentified_arrival_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('arrival_id', 'text', (c) => c.notNull().references('unidentified_arrivals.id'))
    .addColumn('line_number', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('scanned_code', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('claimed_condition', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('serials', 'text', (c) => c.notNull())
    .addColumn('lots', 'text', (c) => c.notNull())
    .addCheckConstraint('unidentified_arrival_lines_quantity_ck', sql.raw('quantity > 0'))
    .execute();
  await db.schema
    .createIndex('unidentified_arrival_lines_arrival_idx')
    .on('unidentified_arrival_lines')
    .column('arrival_id')
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`create sequence doc_arrival_seq`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error('0005-arrivals-and-home-sites cannot be undone: restore the backup taken before upgrading'),
  );
}
