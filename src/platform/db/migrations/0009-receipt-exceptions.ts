// Receiving against a return, by scan or by hand: what each receipt line was on arrival (condition,
// lot expiry), and the goods that did not match the return — over-receipts, wrong items, unknown
// serials, short deliveries — kept as exceptions in a queue until someone resolves them, instead of
// errors that lose the goods.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('receipt_lines')
    .addColumn('condition', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('receipt_lines').addColumn('expiry', 'text').execute();
  await db.schema
    .createTable('receipt_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_id', 'text', (c) => c.notNull().references('receipts.id'))
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('serials', 'text', (c) => c.notNull())
    .addColumn('lots', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolution_note', 'text')
    /** The unauthorized return opened for the goods, when that was the resolution. */
    .addColumn('resolved_rma_id', 'text', (c) => c.references('rmas.id'))
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('receipt_exceptions_quantity_ck', sql.raw('quantity > 0'))
    .addCheckConstraint('receipt_exceptions_status_ck', sql.raw(`status in ('open', 'resolved')`))
    .execute();
  await db.schema
    .createIndex('receipt_exceptions_status_idx')
    .on('receipt_exceptions')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema.createIndex('receipt_exceptions_rma_idx').on('receipt_exceptions').column('rma_id').execute();
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error('0009-receipt-exceptions cannot be undone: restore the backup taken before upgrading'),
  );
}
