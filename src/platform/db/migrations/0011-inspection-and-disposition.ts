// Stages 4 and 5: inspection (what the goods turned out to be, with photos and, for regulated
// goods, quality's second sign-off) and disposition (what was decided for them, by which rule or
// whose override, and what executing it opened: a work order, a vendor return, a quarantine hold,
// a disposal record, a liquidation lot or a shipment back to the customer). Also the partners who
// work on our goods (repair partners) and their users and keys, and recalls.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;
type Table = ReturnType<Db['schema']['createTable']>;

/** The units a record is about: of one product, at a site, on one return line, with lot and serial. */
function unitColumns(table: Table): Table {
  return table
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('rma_id', 'text', (c) => c.notNull().references('rmas.id'))
    .addColumn('rma_line_id', 'text', (c) => c.notNull().references('rma_lines.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('lot', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull());
}

function versioned(table: Table): Table {
  return table
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

export async function up(db: Db): Promise<void> {
  // Numbers where a gap is harmless (document-numbers.ts): a sequence each on PostgreSQL.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    for (const type of ['work_order', 'vendor_return', 'disposal', 'liquidation_lot', 'recall'])
      await sql.raw(`create sequence doc_${type}_seq`).execute(db);
  await versioned(
    db.schema
      .createTable('partners')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('legal_entity_id', 'text', (c) => c.notNull().references('legal_entities.id'))
      .addColumn('is_active', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.alterTable('users').addColumn('partner_id', 'text').execute();
  await db.schema.alterTable('api_keys').addColumn('partner_id', 'text').execute();

  await versioned(
    unitColumns(
      db.schema
        .createTable('inspections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('receipt_id', 'text', (c) => c.notNull().references('receipts.id')),
    )
      .addColumn('status', 'text', (c) => c.notNull())
      /** Units split off another inspection (some units of a receipt line found different). */
      .addColumn('split_from_id', 'text', (c) => c.references('inspections.id'))
      // What the queue orders by, fixed at receipt (a return's value and the customer's tier then).
      .addColumn('value_at_risk_minor', 'integer', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('customer_tier', 'text', (c) => c.notNull())
      .addColumn('is_regulated', 'integer', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('sla_due_at', 'text', (c) => c.notNull())
      .addColumn('sla_version', 'integer', (c) => c.notNull())
      .addColumn('assigned_to_id', 'text')
      .addColumn('assigned_to', 'text')
      .addColumn('assigned_at', 'text')
      // The result.
      .addColumn('checklist_version', 'integer')
      .addColumn('checklist', 'text', (c) => c.notNull())
      .addColumn('grade', 'text')
      .addColumn('defect_codes', 'text', (c) => c.notNull())
      .addColumn('no_fault_found', 'integer', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('measurements', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('claim_verdict', 'text')
      .addColumn('claim_verdict_reason', 'text')
      .addColumn('inspected_by', 'text')
      .addColumn('inspected_by_id', 'text')
      .addColumn('inspected_at', 'text')
      .addColumn('sign_off_required', 'integer', (c) => c.notNull())
      .addColumn('signed_off_by', 'text')
      .addColumn('signed_off_by_id', 'text')
      .addColumn('signed_off_at', 'text')
      .addColumn('sign_off_note', 'text')
      .addColumn('completed_at', 'text')
      .addCheckConstraint(
        'inspections_status_ck',
        sql.raw(`status in ('pending', 'in_progress', 'awaiting_sign_off', 'completed')`),
      )
      .addCheckConstraint('inspections_serial_ck', sql.raw(`serial = '' or quantity = 1`)),
  ).execute();
  await db.schema.createIndex('inspections_site_status_idx').on('inspections').columns(['site_id', 'status']).execute();
  await db.schema.createIndex('inspections_rma_idx').on('inspections').columns(['rma_id']).execute();
  await db.schema.createIndex('inspections_line_idx').on('inspections').columns(['rma_line_id']).execute();
  await db.schema.createIndex('inspections_serial_idx').on('inspections').columns(['serial']).execute();

  await db.schema
    .createTable('inspection_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_id', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_photos_inspection_idx')
    .on('inspection_photos')
    .columns(['inspection_id'])
    .execute();

  await unitColumns(
    db.schema
      .createTable('dispositions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // One disposition per inspection: a unit is never dispositioned twice.
      .addColumn('inspection_id', 'text', (c) => c.notNull().unique().references('inspections.id')),
  )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('recommended_code', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('recommendation', 'text', (c) => c.notNull())
    .addColumn('is_override', 'integer', (c) => c.notNull())
    .addColumn('override_reason', 'text', (c) => c.notNull())
    .addColumn('target_status', 'text', (c) => c.notNull())
    .addColumn('target_location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
    .addColumn('follow_up_type', 'text')
    .addColumn('follow_up_id', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_by_id', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispositions_line_idx').on('dispositions').columns(['rma_line_id']).execute();
  await db.schema.createIndex('dispositions_rma_idx').on('dispositions').columns(['rma_id']).execute();

  await versioned(
    unitColumns(
      db.schema
        .createTable('work_orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('work_order_number', 'text', (c) => c.notNull().unique())
        .addColumn('disposition_id', 'text', (c) => c.notNull().references('dispositions.id')),
    )
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('performer', 'text', (c) => c.notNull())
      .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('unit_value_minor', 'integer', (c) => c.notNull())
      .addColumn('estimated_cost_minor', 'integer', (c) => c.notNull())
      .addColumn('actual_cost_minor', 'integer')
      .addColumn('outcome', 'text')
      .addColumn('outcome_grade', 'text')
      .addColumn('graded_value_minor', 'integer')
      .addColumn('outcome_note', 'text', (c) => c.notNull())
      .addColumn('reported_by', 'text')
      .addColumn('reported_by_id', 'text')
      .addColumn('reported_at', 'text')
      .addCheckConstraint('work_orders_status_ck', sql.raw(`status in ('open', 'completed')`))
      .addCheckConstraint('work_orders_partner_ck', sql.raw(`(performer = 'partner') = (partner_id is not null)`)),
  ).execute();
  await db.schema.createIndex('work_orders_status_idx').on('work_orders').columns(['status', 'site_id']).execute();
  await db.schema.createIndex('work_orders_partner_idx').on('work_orders').columns(['partner_id', 'status']).execute();

  await versioned(
    db.schema
      .createTable('vendor_returns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('vendor_return_number', 'text', (c) => c.notNull().unique())
      .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('supplier_authorization', 'text', (c) => c.notNull())
      .addColumn('carrier_reference', 'text', (c) => c.notNull())
      .addColumn('shipped_at', 'text')
      .addColumn('shipped_by', 'text')
      .addCheckConstraint('vendor_returns_status_ck', sql.raw(`status in ('open', 'shipped')`)),
  ).execute();
  // One open document per supplier and site collects the units until it ships.
  await sql`create unique index vendor_returns_open_uq on vendor_returns (supplier_id, site_id) where status = 'open'`.execute(
    db,
  );
  await unitColumns(
    db.schema
      .createTable('vendor_return_lines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('vendor_return_id', 'text', (c) => c.notNull().references('vendor_returns.id'))
      .addColumn('disposition_id', 'text', (c) => c.notNull().unique().references('dispositions.id'))
      .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id')),
  )
    .addColumn('unit_cost_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vendor_return_lines_doc_idx')
    .on('vendor_return_lines')
    .columns(['vendor_return_id'])
    .execute();

  await versioned(
    unitColumns(
      db.schema
        .createTable('quarantine_holds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('disposition_id', 'text', (c) => c.notNull().unique().references('dispositions.id')),
    )
      .addColumn('location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('release_action', 'text')
      .addColumn('release_reason', 'text')
      .addColumn('released_by', 'text')
      .addColumn('released_by_id', 'text')
      .addColumn('released_at', 'text')
      .addCheckConstraint('quarantine_holds_status_ck', sql.raw(`status in ('held', 'released')`)),
  ).execute();
  await db.schema
    .createIndex('quarantine_holds_status_idx')
    .on('quarantine_holds')
    .columns(['status', 'site_id'])
    .execute();

  await unitColumns(
    db.schema
      .createTable('disposals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('disposal_number', 'text', (c) => c.notNull().unique())
      /** The record that led to it: a disposition, a work order (beyond repair) or a released hold. */
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull()),
  )
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('value_written_off_minor', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_by_id', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .execute();

  await versioned(
    db.schema
      .createTable('liquidation_lots')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lot_number', 'text', (c) => c.notNull().unique())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('buyer', 'text', (c) => c.notNull())
      .addColumn('proceeds_minor', 'integer')
      .addColumn('sold_at', 'text')
      .addColumn('sold_by', 'text')
      .addCheckConstraint('liquidation_lots_status_ck', sql.raw(`status in ('open', 'sold')`)),
  ).execute();
  await sql`create unique index liquidation_lots_open_uq on liquidation_lots (site_id, currency) where status = 'open'`.execute(
    db,
  );
  await unitColumns(
    db.schema
      .createTable('liquidation_lot_lines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('liquidation_lot_id', 'text', (c) => c.notNull().references('liquidation_lots.id'))
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull()),
  )
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('unit_value_minor', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('liquidation_lot_lines_lot_idx')
    .on('liquidation_lot_lines')
    .columns(['liquidation_lot_id'])
    .execute();

  await versioned(
    unitColumns(
      db.schema
        .createTable('customer_return_shipments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source_type', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id')),
    )
      .addColumn('location_id', 'text', (c) => c.notNull().references('stock_locations.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('carrier_reference', 'text', (c) => c.notNull())
      .addColumn('shipped_at', 'text')
      .addColumn('shipped_by', 'text')
      .addCheckConstraint('customer_return_shipments_status_ck', sql.raw(`status in ('awaiting_shipment', 'shipped')`)),
  ).execute();

  await db.schema
    .createTable('recalls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recall_number', 'text', (c) => c.notNull().unique())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('lots', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('rma_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error('0011-inspection-and-disposition cannot be undone: restore the backup taken before upgrading'),
  );
}
