// Stage 6, settled in goods: replacement, exchange and advance-replacement orders for a return's
// lines, the saleable units allocated to them (by the return line they came back on, as inventory
// holds them), and an advance replacement's deposit — charged when it ships, released as the
// return's units are received, invoiced when they do not arrive within the policy's days.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  // Replacement numbers may have gaps (a shipping document, not a tax document): a sequence on PostgreSQL.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql.raw('create sequence doc_replacement_order_seq').execute(db);

  await db.schema
    .createTable('replacement_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('replacement_number', 'text', (c) => c.notNull().unique())
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('shortage', 'text', (c) => c.notNull())
    .addColumn('carrier_reference', 'text', (c) => c.notNull())
    // The deposit (advance replacements): in the order's currency, and in the books' when charged.
    .addColumn('deposit_status', 'text', (c) => c.notNull())
    .addColumn('deposit_minor', 'integer', (c) => c.notNull().check(sql`deposit_minor >= 0`))
    .addColumn('functional_currency', 'text')
    .addColumn('deposit_functional_minor', 'integer', (c) => c.notNull())
    .addColumn('deposit_due_on', 'text')
    .addColumn('deposit_entry_id', 'text')
    .addColumn('invoice_entry_id', 'text')
    .addColumn('policy_version', 'integer')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('allocated_at', 'text')
    .addColumn('shipped_at', 'text')
    .addColumn('shipped_by', 'text')
    .addColumn('deposit_settled_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('replacement_orders_kind_ck', sql.raw(`kind in ('replacement', 'exchange', 'advance')`))
    .addCheckConstraint(
      'replacement_orders_status_ck',
      sql.raw(`status in ('requested', 'backordered', 'allocated', 'shipped', 'cancelled')`),
    )
    .addCheckConstraint(
      'replacement_orders_deposit_ck',
      sql.raw(`deposit_status in ('none', 'pending', 'held', 'released', 'invoiced')`),
    )
    .execute();
  await db.schema.createIndex('replacement_orders_rma').on('replacement_orders').column('rma_id').execute();
  await db.schema
    .createIndex('replacement_orders_status')
    .on('replacement_orders')
    .columns(['status', 'created_at'])
    .execute();
  // The sweep's question: held deposits by the day they fall due.
  await db.schema
    .createIndex('replacement_orders_deposit_due')
    .on('replacement_orders')
    .columns(['deposit_status', 'deposit_due_on'])
    .execute();

  await db.schema
    .createTable('replacement_order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('replacement_order_id', 'text', (c) => c.notNull().references('replacement_orders.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('order_line_id', 'text', (c) => c.references('sales_order_lines.id'))
    .addColumn('returned_product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price_minor', 'integer', (c) => c.notNull())
    // An exchange: what the other product lists at less what the returned one was sold at (null when not comparable).
    .addColumn('price_difference_minor', 'integer')
    // An advance replacement's deposit for this line: the units it covers, price and tax, and in the books.
    .addColumn('deposit_units', 'integer', (c) => c.notNull())
    .addColumn('deposit_minor', 'integer', (c) => c.notNull())
    .addColumn('deposit_tax_minor', 'integer', (c) => c.notNull())
    .addColumn('deposit_functional_minor', 'integer', (c) => c.notNull())
    .addColumn('released_units', 'integer', (c) => c.notNull())
    .addColumn('released_functional_minor', 'integer', (c) => c.notNull())
    .addColumn('invoiced_units', 'integer', (c) => c.notNull())
    .addColumn('invoiced_functional_minor', 'integer', (c) => c.notNull())
    .addCheckConstraint(
      'replacement_order_lines_deposit_ck',
      sql.raw(
        'deposit_units >= 0 and released_units >= 0 and invoiced_units >= 0 and released_units + invoiced_units <= deposit_units',
      ),
    )
    .execute();
  await db.schema
    .createIndex('replacement_order_lines_order')
    .on('replacement_order_lines')
    .column('replacement_order_id')
    .execute();
  await db.schema
    .createIndex('replacement_order_lines_rma_line')
    .on('replacement_order_lines')
    .column('rma_line_id')
    .execute();

  // Which units (inventory's keys: the return line they came back on, lot, serial, location) each
  // line holds allocated until it ships, or gives back if cancelled.
  await db.schema
    .createTable('replacement_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('replacement_order_line_id', 'text', (c) => c.notNull().references('replacement_order_lines.id'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('from_location_id', 'text', (c) => c.notNull())
    .addColumn('source_rma_id', 'text')
    .addColumn('source_rma_line_id', 'text', (c) => c.notNull())
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .execute();
  await db.schema
    .createIndex('replacement_allocations_line')
    .on('replacement_allocations')
    .column('replacement_order_line_id')
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of ['replacement_allocations', 'replacement_order_lines', 'replacement_orders'])
    await db.schema.dropTable(table).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql.raw('drop sequence if exists doc_replacement_order_seq').execute(db);
}
