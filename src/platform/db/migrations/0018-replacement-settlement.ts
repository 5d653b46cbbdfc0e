// Replacements settle their money from the request on. An exchange's price difference (net and the
// tax on it, at the original line's rate) is quoted when the exchange is requested and invoiced or
// credited when it ships; an advance replacement's deposit — and the days the return has once it
// ships — are fixed when it is requested, so the customer is charged what they were told.
// Orders still open when this runs get the figures their request would have fixed: their deposit
// from the original sale, their difference's tax from the original line (the same arithmetic as
// the code: a share rounded half up, away from zero for a negative difference).
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  const orders = () => db.schema.alterTable('replacement_orders');
  // none (not an exchange, or the same price) · pending (quoted, not shipped) · invoiced · credited.
  await orders()
    .addColumn('difference_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`difference_status in ('none', 'pending', 'invoiced', 'credited')`),
    )
    .execute();
  // Signed, in the order's currency: positive the customer pays more, negative they are credited.
  await orders()
    .addColumn('difference_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await orders()
    .addColumn('difference_tax_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await orders()
    .addColumn('difference_functional_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await orders().addColumn('difference_entry_id', 'text').execute();
  // The days the return has after the advance replacement ships; null: requested before they were fixed.
  await orders().addColumn('deposit_days', 'integer').execute();
  await db.schema
    .alterTable('replacement_order_lines')
    .addColumn('price_difference_tax_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await fixOpenDeposits(db);
  await quoteOpenExchanges(db);
}

const soldLine = 'from sales_order_lines s where s.id = replacement_order_lines.order_line_id';

async function fixOpenDeposits(db: Db): Promise<void> {
  const pending = sql.raw(
    `replacement_order_id in (select id from replacement_orders where kind = 'advance' and deposit_status = 'pending')`,
  );
  await sql`update replacement_order_lines set deposit_units = quantity, deposit_tax_minor = coalesce((
      select case when s.quantity_shipped > 0
        then cast(round(1.0 * s.tax_minor * replacement_order_lines.quantity / s.quantity_shipped) as integer)
        else 0 end ${sql.raw(soldLine)}), 0)
    where ${pending}`.execute(db);
  await sql`update replacement_order_lines set deposit_minor = quantity * unit_price_minor + deposit_tax_minor
    where ${pending}`.execute(db);
  await sql`update replacement_orders set deposit_minor = (
      select coalesce(sum(l.deposit_minor), 0) from replacement_order_lines l where l.replacement_order_id = replacement_orders.id)
    where kind = 'advance' and deposit_status = 'pending'`.execute(db);
}

async function quoteOpenExchanges(db: Db): Promise<void> {
  const open = `kind = 'exchange' and status in ('requested', 'backordered', 'allocated')`;
  await sql`update replacement_order_lines set price_difference_tax_minor = coalesce((
      select case when s.quantity_shipped > 0 and s.unit_price_minor > 0
        then (case when replacement_order_lines.price_difference_minor < 0 then -1 else 1 end)
          * cast(round(1.0 * abs(replacement_order_lines.price_difference_minor) * s.tax_minor
            / (1.0 * s.unit_price_minor * s.quantity_shipped)) as integer)
        else 0 end ${sql.raw(soldLine)}), 0)
    where price_difference_minor is not null
      and replacement_order_id in (select id from replacement_orders where ${sql.raw(open)})`.execute(db);
  await sql`update replacement_orders set
      difference_minor = (select coalesce(sum(coalesce(l.price_difference_minor, 0) + l.price_difference_tax_minor), 0)
        from replacement_order_lines l where l.replacement_order_id = replacement_orders.id),
      difference_tax_minor = (select coalesce(sum(l.price_difference_tax_minor), 0)
        from replacement_order_lines l where l.replacement_order_id = replacement_orders.id)
    where ${sql.raw(open)}`.execute(db);
  await sql`update replacement_orders set difference_status = 'pending'
    where ${sql.raw(open)} and difference_minor <> 0`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('replacement_order_lines').dropColumn('price_difference_tax_minor').execute();
  for (const column of [
    'deposit_days',
    'difference_entry_id',
    'difference_functional_minor',
    'difference_tax_minor',
    'difference_minor',
    'difference_status',
  ])
    await db.schema.alterTable('replacement_orders').dropColumn(column).execute();
}
