// Dock appointments: each site's dock doors, their time slots (with a capacity in appointments),
// and the carriers booked into them. A slot counts its booked appointments in `booked`; the CHECK
// keeps it within capacity whatever a writer does, and the writers raise it only by a guarded
// UPDATE, so two carriers racing for the last place cannot both get it (on either database).
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('dock_doors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dock_doors_site_code_uq', ['site_id', 'code'])
    .addCheckConstraint('dock_doors_is_active_ck', sql.raw('is_active in (0, 1)'))
    .execute();
  await db.schema
    .createTable('dock_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('door_id', 'text', (c) => c.notNull().references('dock_doors.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dock_slots_door_start_uq', ['door_id', 'starts_at'])
    .addCheckConstraint('dock_slots_capacity_ck', sql.raw('capacity >= 1'))
    .addCheckConstraint('dock_slots_booked_ck', sql.raw('booked >= 0 and booked <= capacity'))
    .addCheckConstraint('dock_slots_times_ck', sql.raw('ends_at > starts_at'))
    .execute();
  await db.schema.createIndex('dock_slots_site_start_idx').on('dock_slots').columns(['site_id', 'starts_at']).execute();
  await db.schema
    .createTable('dock_appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slot_id', 'text', (c) => c.notNull().references('dock_slots.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('rma_id', 'text', (c) => c.references('rmas.id'))
    .addColumn('expected_units', 'integer')
    .addColumn('expected_pallets', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text')
    .addColumn('checked_in_by_id', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'dock_appointments_status_ck',
      sql.raw(`status in ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')`),
    )
    .addCheckConstraint(
      'dock_appointments_expected_ck',
      sql.raw(
        '(expected_units is null or expected_units >= 0) and (expected_pallets is null or expected_pallets >= 0)',
      ),
    )
    .execute();
  await db.schema.createIndex('dock_appointments_slot_idx').on('dock_appointments').column('slot_id').execute();
  await db.schema
    .createIndex('dock_appointments_site_idx')
    .on('dock_appointments')
    .columns(['site_id', 'status'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error('0008-dock-appointments cannot be undone: restore the backup taken before upgrading'),
  );
}
