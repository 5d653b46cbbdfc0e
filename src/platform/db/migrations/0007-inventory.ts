// Returned stock: the locations of each site, the immutable movements of stock between locations
// and statuses, and the balances they add up to. The database itself refuses what must never be:
// a negative balance, a movement of no units or with no end, a serial on hand in two places.
import { sql, type Kysely, type SqlBool } from 'kysely';

type Db = Kysely<unknown>;

/** The statuses stock on hand can be in (contracts/inventory.ts; `expected` and `in_transit` are not stock). */
const ON_HAND = [
  'awaiting_inspection',
  'saleable',
  'quarantined',
  'in_repair',
  'in_refurbishment',
  'on_vendor_return',
  'allocated_to_replacement',
  'scrapped',
  'secondary_channel',
];
const onHandList = ON_HAND.map((status) => `'${status}'`).join(', ');

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('stock_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stock_locations_site_code_uq', ['site_id', 'code'])
    .addCheckConstraint('stock_locations_active_ck', sql.raw('is_active in (0, 1)'))
    .execute();
  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('from_location_id', 'text', (c) => c.references('stock_locations.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_location_id', 'text', (c) => c.references('stock_locations.id'))
    .addColumn('to_status', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('rma_id', 'text', (c) => c.references('rmas.id'))
    .addColumn('rma_line_id', 'text', (c) => c.references('rma_lines.id'))
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('moved_at', 'text', (c) => c.notNull())
    .addColumn('moved_by', 'text', (c) => c.notNull())
    .addColumn('moved_by_id', 'text', (c) => c.notNull())
    .addCheckConstraint('stock_movements_quantity_ck', sql.raw('quantity > 0'))
    .addCheckConstraint('stock_movements_serial_ck', sql.raw(`serial = '' or quantity = 1`))
    .addCheckConstraint('stock_movements_ends_ck', sql.raw('from_status is not null or to_status is not null'))
    .addCheckConstraint(
      'stock_movements_from_ck',
      sql.raw(
        `(from_status is null) = (from_location_id is null) and (from_status is null or from_status in (${onHandList}))`,
      ),
    )
    .addCheckConstraint(
      'stock_movements_to_ck',
      sql.raw(`(to_status is null) = (to_location_id is null) and (to_status is null or to_status in (${onHandList}))`),
    )
    .execute();
  await db.schema
    .createIndex('stock_movements_product_idx')
    .on('stock_movements')
    .columns(['product_id', 'moved_at'])
    .execute();
  await db.schema
    .createIndex('stock_movements_site_idx')
    .on('stock_movements')
    .columns(['site_id', 'moved_at'])
    .execute();
  await db.schema.createIndex('stock_movements_rma_idx').on('stock_movements').column('rma_id').execute();
  await db.schema.createIndex('stock_movements_rma_line_idx').on('stock_movements').column('rma_line_id').execute();
  await db.schema.createIndex('stock_movements_serial_idx').on('stock_movements').column('serial').execute();
  await db.schema
    .createTable('stock_balances')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    // The return line the units came back on ('' for none: part of the key, so never null).
    .addColumn('rma_line_id', 'text', (c) => c.notNull())
    .addColumn('rma_id', 'text', (c) => c.references('rmas.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_balances_pk', [
      'product_id',
      'site_id',
      'location_id',
      'status',
      'lot',
      'serial',
      'rma_line_id',
    ])
    .addCheckConstraint('stock_balances_quantity_ck', sql.raw('quantity >= 0'))
    .addCheckConstraint('stock_balances_serial_ck', sql.raw(`serial = '' or quantity <= 1`))
    .addCheckConstraint('stock_balances_status_ck', sql.raw(`status in (${onHandList})`))
    .execute();
  // A serial is one unit: on hand in one place at most. A move takes it away before putting it
  // down, so at no statement are two rows of it above zero.
  await db.schema
    .createIndex('stock_balances_serial_uq')
    .on('stock_balances')
    .columns(['product_id', 'serial'])
    .unique()
    .where(sql.raw<SqlBool>(`serial <> '' and quantity > 0`))
    .execute();
  await db.schema.createIndex('stock_balances_rma_idx').on('stock_balances').column('rma_id').execute();
  await db.schema.createIndex('stock_balances_site_idx').on('stock_balances').columns(['site_id', 'status']).execute();
  await db.schema
    .createIndex('stock_balances_status_idx')
    .on('stock_balances')
    .columns(['product_id', 'status'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('0007-inventory cannot be undone: restore the backup taken before upgrading'));
}
