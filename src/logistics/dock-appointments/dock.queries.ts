// Reading the docks: a site's doors, a day's slots with the room left in each, one appointment,
// and a site's dock schedule for a day (by time, then door).
import type { Kysely, Transaction } from 'kysely';
import type { DockAppointment, DockDoor, DockSchedule, DockSlot } from '../../contracts/docks.js';
import type { RequestContext } from '../../platform/actor.js';
import { assertCan } from '../../platform/access.js';
import type { DB } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { findDockSite } from './dock-doors.js';
import { arrivalTiming, dayBounds } from './dock-schedule.js';
import type { DockDoorsTable } from './dock.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

export function doorView(door: DockDoorsTable): DockDoor {
  return {
    id: door.id,
    siteId: door.site_id,
    code: door.code,
    name: door.name,
    isActive: door.is_active === 1,
    version: door.version,
  };
}

export async function listDockDoors(db: Reader, ctx: RequestContext, siteId: string): Promise<DockDoor[]> {
  assertCan(ctx.actor, 'docks.read');
  const site = await findDockSite(db, siteId);
  const doors = await db.selectFrom('dock_doors').selectAll().where('site_id', '=', site.id).orderBy('code').execute();
  return doors.map(doorView);
}

/** The slots of a site's open doors that start on the day, with how many places are left. */
export async function listDockSlots(
  db: Reader,
  ctx: RequestContext,
  siteId: string,
  date: string,
): Promise<DockSlot[]> {
  assertCan(ctx.actor, 'docks.read');
  const site = await findDockSite(db, siteId);
  const day = dayBounds(date);
  const rows = await db
    .selectFrom('dock_slots as s')
    .innerJoin('dock_doors as d', 'd.id', 's.door_id')
    .select([
      's.id',
      's.site_id',
      's.door_id',
      'd.code as door_code',
      'd.name as door_name',
      's.starts_at',
      's.ends_at',
      's.capacity',
      's.booked',
      's.version',
    ])
    .where('s.site_id', '=', site.id)
    .where('d.is_active', '=', 1)
    .where('s.starts_at', '>=', day.start)
    .where('s.starts_at', '<', day.end)
    .orderBy('s.starts_at')
    .orderBy('d.code')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    siteId: row.site_id,
    doorId: row.door_id,
    doorCode: row.door_code,
    doorName: row.door_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    booked: row.booked,
    free: row.capacity - row.booked,
    version: row.version,
  }));
}

function appointmentsQuery(db: Reader) {
  return db
    .selectFrom('dock_appointments as a')
    .innerJoin('dock_slots as s', 's.id', 'a.slot_id')
    .innerJoin('dock_doors as d', 'd.id', 's.door_id')
    .selectAll('a')
    .select(['s.door_id', 'd.code as door_code', 's.starts_at', 's.ends_at']);
}

type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentsQuery>['executeTakeFirstOrThrow']>>;

function appointmentView(row: AppointmentRow): DockAppointment {
  const slot = { startsAt: row.starts_at, endsAt: row.ends_at };
  return {
    id: row.id,
    siteId: row.site_id,
    slotId: row.slot_id,
    doorId: row.door_id,
    doorCode: row.door_code,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    carrier: row.carrier,
    reference: row.reference,
    rmaId: row.rma_id,
    expectedUnits: row.expected_units,
    expectedPallets: row.expected_pallets,
    note: row.note,
    status: row.status,
    checkedInAt: row.checked_in_at,
    checkedInBy: row.checked_in_by,
    arrivalTiming: row.checked_in_at ? arrivalTiming(slot, row.checked_in_at) : null,
    cancelledAt: row.status === 'cancelled' ? row.closed_at : null,
    cancelledBy: row.status === 'cancelled' ? row.closed_by : null,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
    version: row.version,
  };
}

export async function getDockAppointment(db: Reader, ctx: RequestContext, id: string): Promise<DockAppointment> {
  assertCan(ctx.actor, 'docks.read');
  const row = await appointmentsQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `dock appointment ${id} was not found`);
  return appointmentView(row);
}

/** Every appointment of a site whose slot starts on the day, by time, then door. */
export async function getDockSchedule(
  db: Reader,
  ctx: RequestContext,
  siteId: string,
  date: string,
): Promise<DockSchedule> {
  assertCan(ctx.actor, 'docks.read');
  const site = await findDockSite(db, siteId);
  const day = dayBounds(date);
  const rows = await appointmentsQuery(db)
    .where('a.site_id', '=', site.id)
    .where('s.starts_at', '>=', day.start)
    .where('s.starts_at', '<', day.end)
    .orderBy('s.starts_at')
    .orderBy('d.code')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  return { siteId: site.id, siteCode: site.code, date, items: rows.map(appointmentView) };
}
