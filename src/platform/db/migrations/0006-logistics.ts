// Inbound transport: the shipments that bring a return's goods back (carrier, tracking number,
// the lines and units they carry, where they are expected), and the carrier tracking events that
// move them through their states. Events are kept whole, applied or not, so a state can be
// explained and a replayed event recognised.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('carrier_code', 'text', (c) => c.notNull())
    .addColumn('carrier_name', 'text', (c) => c.notNull())
    .addColumn('tracking_format', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('expected_site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('weight_grams', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    /** When the carrier said the current state happened (the newest applied event). */
    .addColumn('state_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shipments_tracking_uq', ['carrier_code', 'tracking_number'])
    .execute();
  await db.schema.createIndex('shipments_rma_idx').on('shipments').column('rma_id').execute();
  await db.schema.createIndex('shipments_tracking_idx').on('shipments').column('tracking_number').execute();
  await db.schema
    .createTable('shipment_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addCheckConstraint('shipment_lines_quantity_ck', sql.raw('quantity > 0'))
    .execute();
  await db.schema.createIndex('shipment_lines_rma_idx').on('shipment_lines').column('rma_id').execute();
  await db.schema
    .createTable('tracking_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('carrier_status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    /** 'applied', or why not (an older event that arrived late). */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addUniqueConstraint('tracking_events_source_event_uq', ['source', 'event_id', 'shipment_id'])
    .execute();
  await db.schema
    .createIndex('tracking_events_shipment_idx')
    .on('tracking_events')
    .columns(['shipment_id', 'occurred_at'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('0006-logistics cannot be undone: restore the backup taken before upgrading'));
}
