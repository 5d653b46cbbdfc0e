// The foundation schema: master data, return authorization, identity, audit, outbox.
// Written with Kysely's schema builder and only portable column types so the same migration
// runs on SQLite and PostgreSQL.
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';

type Db = Kysely<unknown>;

function withVersioning<T extends string>(t: CreateTableBuilder<T>) {
  return t
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

export async function up(db: Db): Promise<void> {
  await withVersioning(
    db.schema
      .createTable('legal_entities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('functional_currency', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull()),
  ).execute();

  await withVersioning(
    db.schema
      .createTable('sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
      .addColumn('address_line1', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('capabilities', 'text', (c) => c.notNull())
      .addColumn('is_active', 'integer', (c) => c.notNull()),
  ).execute();

  await withVersioning(
    db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_number', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('payment_terms', 'text', (c) => c.notNull())
      .addColumn('return_window_days', 'integer')
      .addColumn('is_on_credit_hold', 'integer', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('customers_name_idx').on('customers').column('name').execute();

  await withVersioning(
    db.schema
      .createTable('suppliers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('accepts_vendor_returns', 'integer', (c) => c.notNull())
      .addColumn('vendor_return_window_days', 'integer', (c) => c.notNull())
      .addColumn('vendor_restocking_fee_bps', 'integer', (c) => c.notNull())
      .addColumn('warranty_recovery_bps', 'integer', (c) => c.notNull())
      .addColumn('requires_rtv_authorization', 'integer', (c) => c.notNull()),
  ).execute();

  await withVersioning(
    db.schema
      .createTable('products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sku', 'text', (c) => c.notNull().unique())
      .addColumn('gtin', 'text', (c) => c.unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('unit_cost_minor', 'bigint', (c) => c.notNull())
      .addColumn('list_price_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('is_returnable', 'integer', (c) => c.notNull())
      .addColumn('is_serialized', 'integer', (c) => c.notNull())
      .addColumn('is_lot_controlled', 'integer', (c) => c.notNull())
      .addColumn('regulated_class', 'text')
      .addColumn('is_temperature_controlled', 'integer', (c) => c.notNull())
      .addColumn('warranty_months', 'integer', (c) => c.notNull())
      .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id')),
  ).execute();

  await withVersioning(
    db.schema
      .createTable('sales_orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_number', 'text', (c) => c.notNull().unique())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('order_date', 'text', (c) => c.notNull())
      .addColumn('customer_po', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('sales_orders_customer_idx')
    .on('sales_orders')
    .columns(['customer_id', 'order_date'])
    .execute();

  await db.schema
    .createTable('sales_order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_orders.id'))
    .addColumn('line_number', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity_shipped', 'integer', (c) => c.notNull())
    .addColumn('quantity_committed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('tax_minor', 'bigint', (c) => c.notNull())
    .addColumn('ship_date', 'text')
    .addColumn('delivery_date', 'text')
    .addColumn('serials_shipped', 'text', (c) => c.notNull())
    .addColumn('lots_shipped', 'text', (c) => c.notNull())
    .addColumn('ship_site_id', 'text', (c) => c.references('sites.id'))
    .addUniqueConstraint('sales_order_lines_number_uq', ['order_id', 'line_number'])
    .addCheckConstraint(
      'sales_order_lines_committed_ck',
      sqlCheck('quantity_committed >= 0 AND quantity_committed <= quantity_shipped'),
    )
    .execute();

  await withVersioning(
    db.schema
      .createTable('rmas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rma_number', 'text', (c) => c.notNull().unique())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
      .addColumn('return_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('is_unauthorized', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('customer_reference', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('total_value_minor', 'bigint', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_by_id', 'text', (c) => c.notNull())
      .addColumn('authorized_at', 'text')
      .addColumn('expires_on', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decision_comment', 'text')
      .addColumn('return_policy_version', 'integer')
      .addColumn('approval_rules_version', 'integer')
      .addColumn('routing_reasons', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text')
      .addColumn('receiving_site_id', 'text', (c) => c.references('sites.id')),
  ).execute();
  await db.schema.createIndex('rmas_status_idx').on('rmas').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('rmas_customer_idx').on('rmas').columns(['customer_id', 'created_at']).execute();
  await db.schema.createIndex('rmas_created_idx').on('rmas').column('created_at').execute();

  await db.schema
    .createTable('rma_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('line_number', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.references('sales_orders.id'))
    .addColumn('order_line_id', 'text', (c) => c.references('sales_order_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('claimed_condition', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('serials', 'text', (c) => c.notNull())
    .addColumn('lots', 'text', (c) => c.notNull())
    .addColumn('unit_price_minor', 'bigint', (c) => c.notNull())
    .addColumn('tax_minor', 'bigint', (c) => c.notNull())
    .addColumn('value_minor', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addUniqueConstraint('rma_lines_number_uq', ['rma_id', 'line_number'])
    .execute();
  await db.schema.createIndex('rma_lines_order_line_idx').on('rma_lines').column('order_line_id').execute();
  await db.schema.createIndex('rma_lines_reason_idx').on('rma_lines').column('reason_code').execute();

  await db.schema
    .createTable('rma_serials')
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('order_line_id', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rma_serials_pk', ['rma_id', 'order_line_id', 'serial'])
    .execute();
  // A serial can be on only one open return at a time; a partial unique index (both dialects)
  // makes two concurrent requests for the same unit collide instead of both succeeding.
  await db.schema
    .createIndex('rma_serials_one_open_uq')
    .on('rma_serials')
    .columns(['order_line_id', 'serial'])
    .unique()
    .where(sql.ref('is_active'), '=', 1)
    .execute();

  await db.schema
    .createTable('config_versions')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('config_versions_pk', ['kind', 'version'])
    .execute();

  await withVersioning(
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('is_active', 'integer', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('access_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull().unique())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
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
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_stream_idx').on('audit_events').columns(['stream_id', 'seq']).execute();

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // The single head row is what serialises appends to the chain (it is row-locked on update).
  await sql`insert into audit_chain_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

  await db.schema
    .createTable('outbox_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('aggregate_type', 'text', (c) => c.notNull())
    .addColumn('aggregate_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('outbox_unpublished_idx')
    .on('outbox_events')
    .columns(['published_at', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('response_headers', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal_id', 'key'])
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
}

/** A check constraint is a database-enforced invariant: committed quantity never exceeds shipped. */
function sqlCheck(expression: string) {
  return sql.raw(expression);
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'counters',
    'idempotency_keys',
    'outbox_events',
    'audit_chain_head',
    'audit_events',
    'api_keys',
    'access_tokens',
    'users',
    'config_versions',
    'rma_serials',
    'rma_lines',
    'rmas',
    'sales_order_lines',
    'sales_orders',
    'products',
    'suppliers',
    'customers',
    'sites',
    'legal_entities',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
