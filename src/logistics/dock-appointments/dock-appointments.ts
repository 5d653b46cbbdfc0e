// Booking carriers into dock slots, moving them, cancelling, and checking them in at the door.
//
// No overbooking, on either database: a place in a slot is taken only by
//   UPDATE dock_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity
// in the transaction that writes the appointment. On PostgreSQL concurrent takers queue on the
// slot's row lock and each re-checks `booked < capacity` against the committed count once the one
// before it ends; on SQLite transactions run one at a time. A taker that updates no row lost the
// race: its transaction is rolled back whole and the caller gets a 409 naming the next free slot.
// CHECK (booked <= capacity) backs it up. Appointments change only by a guarded UPDATE on their
// version, so two people acting on the same appointment at once cannot both release its place.
import type {
  BookDockAppointmentRequest,
  CancelDockAppointmentRequest,
  DockAppointment,
  DockAppointmentStatus,
  RescheduleDockAppointmentRequest,
} from '../../contracts/docks.js';
import type { RequestContext } from '../../platform/actor.js';
import { assertCan } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../../platform/unit-of-work.js';
import { findReturnForStages } from '../../returns/index.js';
import { getDockAppointment } from './dock.queries.js';
import { arrivalTiming, checkInRefusal, slotLabel, timeOfDay } from './dock-schedule.js';
import type { DockAppointmentsTable, DockSlotsTable } from './dock.tables.js';

type SlotWithDoor = DockSlotsTable & { door_code: string; door_is_active: number };

async function findSlot(tx: Tx, slotId: string, path = 'slotId'): Promise<SlotWithDoor> {
  const slot = await tx.db
    .selectFrom('dock_slots as s')
    .innerJoin('dock_doors as d', 'd.id', 's.door_id')
    .selectAll('s')
    .select(['d.code as door_code', 'd.is_active as door_is_active'])
    .where('s.id', '=', slotId)
    .executeTakeFirst();
  if (!slot)
    throw new AppError('validation_failed', `dock slot ${slotId} does not exist`, {
      errors: [{ path, message: 'unknown slot' }],
    });
  return slot;
}

/** "slot 10:00–11:00 at door D2 on 2026-11-26" */
function describeSlot(slot: SlotWithDoor): string {
  return `slot ${slotLabel({ startsAt: slot.starts_at, endsAt: slot.ends_at })} at door ${slot.door_code} on ${slot.starts_at.slice(0, 10)}`;
}

/**
 * Takes one place in the slot, or fails the whole transaction with a 409 that names the next slot
 * of the site with room. The door's row is read FOR SHARE (PostgreSQL) so a door being taken out
 * of service at this moment is either seen closed or waits for this booking to commit.
 */
async function takePlace(tx: Tx, slot: SlotWithDoor): Promise<void> {
  const doorQuery = tx.db.selectFrom('dock_doors').select('is_active').where('id', '=', slot.door_id);
  const door = await (tx.dialect === 'postgres' ? doorQuery.forShare() : doorQuery).executeTakeFirstOrThrow();
  if (door.is_active !== 1)
    throw new AppError('rule_violation', `door ${slot.door_code} is out of service; choose a slot at another door`, {
      errors: [{ path: 'slotId', message: 'door out of service' }],
    });
  if (tx.now >= slot.ends_at)
    throw new AppError('rule_violation', `${describeSlot(slot)} has already ended; choose a later slot`, {
      errors: [{ path: 'slotId', message: 'slot has ended' }],
    });
  const taken = await tx.db
    .updateTable('dock_slots')
    .set((eb) => ({ booked: eb('booked', '+', 1), updated_at: tx.now }))
    .where('id', '=', slot.id)
    .whereRef('booked', '<', 'capacity')
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 1) return;
  const next = await nextFreeSlot(tx, slot);
  throw new AppError(
    'conflict',
    `${describeSlot(slot)} is full; ${
      next
        ? `next free: ${next.starts_at.slice(0, 10) === slot.starts_at.slice(0, 10) ? '' : `${next.starts_at.slice(0, 10)} `}${timeOfDay(next.starts_at)} at door ${next.door_code}`
        : 'no later slot at this site has room'
    }`,
    {
      errors: [{ path: 'slotId', message: 'slot is full' }],
      extensions: { nextFreeSlotId: next?.id ?? null, nextFreeStartsAt: next?.starts_at ?? null },
    },
  );
}

/** The site's first slot from this one's start on (this door first at equal times) that still has room. */
async function nextFreeSlot(tx: Tx, slot: SlotWithDoor) {
  const candidates = await tx.db
    .selectFrom('dock_slots as s')
    .innerJoin('dock_doors as d', 'd.id', 's.door_id')
    .select(['s.id', 's.starts_at', 's.door_id', 'd.code as door_code'])
    .where('s.site_id', '=', slot.site_id)
    .where('d.is_active', '=', 1)
    .where('s.id', '!=', slot.id)
    .where('s.starts_at', '>=', slot.starts_at)
    .where('s.ends_at', '>', tx.now)
    .whereRef('s.booked', '<', 's.capacity')
    .orderBy('s.starts_at')
    .orderBy('d.code')
    .limit(20)
    .execute();
  const first = candidates[0];
  if (!first) return undefined;
  return candidates.find((c) => c.starts_at === first.starts_at && c.door_id === slot.door_id) ?? first;
}

async function releasePlace(tx: Tx, slotId: string): Promise<void> {
  await tx.db
    .updateTable('dock_slots')
    .set((eb) => ({ booked: eb('booked', '-', 1), updated_at: tx.now }))
    .where('id', '=', slotId)
    .where('booked', '>', 0)
    .execute();
}

export async function bookDockAppointment(
  platform: Platform,
  ctx: RequestContext,
  request: BookDockAppointmentRequest,
): Promise<DockAppointment> {
  assertCan(ctx.actor, 'docks.book');
  const id = await runInTransaction(platform, ctx, async (tx) => {
    const slot = await findSlot(tx, request.slotId);
    if (request.rmaId) await assertReturnExists(tx, request.rmaId);
    await takePlace(tx, slot);
    const appointment: DockAppointmentsTable = {
      id: tx.ids.next('apt'),
      slot_id: slot.id,
      site_id: slot.site_id,
      carrier: request.carrier,
      reference: request.reference,
      rma_id: request.rmaId ?? null,
      expected_units: request.expectedUnits ?? null,
      expected_pallets: request.expectedPallets ?? null,
      note: request.note,
      status: 'booked',
      checked_in_at: null,
      checked_in_by: null,
      checked_in_by_id: null,
      closed_at: null,
      closed_by: null,
      cancel_reason: null,
      created_by: tx.ctx.actor.name,
      created_by_id: tx.ctx.actor.personId,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    await tx.db.insertInto('dock_appointments').values(appointment).execute();
    tx.audit({
      entityType: 'dock_appointment',
      entityId: appointment.id,
      action: 'dock_appointment.booked',
      after: {
        slot: describeSlot(slot),
        carrier: appointment.carrier,
        reference: appointment.reference,
        rmaId: appointment.rma_id,
        expectedUnits: appointment.expected_units,
        expectedPallets: appointment.expected_pallets,
      },
    });
    tx.emit({
      type: 'dock_appointment.booked',
      aggregateType: 'dock_appointment',
      aggregateId: appointment.id,
      payload: {
        appointmentId: appointment.id,
        siteId: slot.site_id,
        slotId: slot.id,
        startsAt: slot.starts_at,
        carrier: appointment.carrier,
      },
    });
    return appointment.id;
  });
  return getDockAppointment(platform.db, ctx, id);
}

async function assertReturnExists(tx: Tx, rmaId: string): Promise<void> {
  try {
    await findReturnForStages(tx.db, tx.ctx.actor, rmaId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw new AppError('validation_failed', `return ${rmaId} does not exist`, {
        errors: [{ path: 'rmaId', message: 'unknown return' }],
      });
    throw error;
  }
}

/** The appointment as it is now; refused (412) when the caller read an older version. */
async function findAppointment(tx: Tx, id: string, expectedVersion: number | undefined) {
  const appointment = await tx.db.selectFrom('dock_appointments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!appointment) throw new AppError('not_found', `dock appointment ${id} was not found`);
  if (expectedVersion !== undefined && expectedVersion !== appointment.version)
    throw new AppError(
      'precondition_failed',
      `the appointment of ${appointment.carrier} is at version ${appointment.version}, not ${expectedVersion}; someone else changed it — reload`,
    );
  return appointment;
}

const NEXT: Record<'check_in' | 'complete' | 'cancel' | 'no_show' | 'reschedule', DockAppointmentStatus> = {
  check_in: 'checked_in',
  complete: 'completed',
  cancel: 'cancelled',
  no_show: 'no_show',
  reschedule: 'booked',
};
type Change = keyof typeof NEXT;
const ALLOWED_FROM: Record<Change, DockAppointmentStatus[]> = {
  check_in: ['booked'],
  complete: ['checked_in'],
  cancel: ['booked'],
  no_show: ['booked'],
  reschedule: ['booked'],
};
const VERB: Record<Change, string> = {
  check_in: 'checked in',
  complete: 'completed',
  cancel: 'cancelled',
  no_show: 'marked as a no-show',
  reschedule: 'rescheduled',
};

function assertTransition(appointment: DockAppointmentsTable, change: Change): void {
  if (ALLOWED_FROM[change].includes(appointment.status)) return;
  throw new AppError(
    'invalid_transition',
    `the appointment of ${appointment.carrier} is ${appointment.status.replace(/_/g, ' ')}; it cannot be ${VERB[change]}`,
    { extensions: { from: appointment.status, to: NEXT[change] } },
  );
}

/** Writes the change only if nobody changed the appointment since it was read. */
async function saveChange(
  tx: Tx,
  appointment: DockAppointmentsTable,
  changes: Partial<DockAppointmentsTable>,
): Promise<void> {
  const saved = await tx.db
    .updateTable('dock_appointments')
    .set({ ...changes, version: appointment.version + 1, updated_at: tx.now })
    .where('id', '=', appointment.id)
    .where('version', '=', appointment.version)
    .executeTakeFirst();
  if (Number(saved.numUpdatedRows) !== 1)
    throw new AppError(
      'conflict',
      `the appointment of ${appointment.carrier} was changed by someone else just now — reload and try again`,
    );
}

function announce(tx: Tx, appointment: DockAppointmentsTable, change: Change, before: object, after: object): void {
  const action = `dock_appointment.${NEXT[change] === 'booked' ? 'rescheduled' : NEXT[change]}`;
  tx.audit({ entityType: 'dock_appointment', entityId: appointment.id, action, before, after });
  tx.emit({
    type: action,
    aggregateType: 'dock_appointment',
    aggregateId: appointment.id,
    payload: { appointmentId: appointment.id, siteId: appointment.site_id, ...after },
  });
}

/** Moves a booked appointment to another slot of the same site: both places change, or neither. */
export async function rescheduleDockAppointment(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  request: RescheduleDockAppointmentRequest,
): Promise<DockAppointment> {
  assertCan(ctx.actor, 'docks.book');
  await runInTransaction(platform, ctx, async (tx) => {
    const appointment = await findAppointment(tx, id, expectedVersion);
    assertTransition(appointment, 'reschedule');
    if (request.slotId === appointment.slot_id)
      throw new AppError('rule_violation', 'the appointment is already in that slot', {
        errors: [{ path: 'slotId', message: 'same slot' }],
      });
    const [from, to] = [await findSlot(tx, appointment.slot_id), await findSlot(tx, request.slotId)];
    if (to.site_id !== appointment.site_id)
      throw new AppError('validation_failed', 'an appointment moves only to a slot at the same site', {
        errors: [{ path: 'slotId', message: 'slot at another site' }],
      });
    await saveChange(tx, appointment, { slot_id: to.id });
    // Both slot rows in id order, so two moves in opposite directions cannot deadlock (PostgreSQL).
    if (from.id < to.id) {
      await releasePlace(tx, from.id);
      await takePlace(tx, to);
    } else {
      await takePlace(tx, to);
      await releasePlace(tx, from.id);
    }
    announce(tx, appointment, 'reschedule', { slot: describeSlot(from) }, { slot: describeSlot(to), slotId: to.id });
  });
  return getDockAppointment(platform.db, ctx, id);
}

export async function cancelDockAppointment(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number | undefined,
  request: CancelDockAppointmentRequest,
): Promise<DockAppointment> {
  assertCan(ctx.actor, 'docks.book');
  await runInTransaction(platform, ctx, async (tx) => {
    const appointment = await findAppointment(tx, id, expectedVersion);
    assertTransition(appointment, 'cancel');
    await saveChange(tx, appointment, {
      status: 'cancelled',
      closed_at: tx.now,
      closed_by: tx.ctx.actor.name,
      cancel_reason: request.reason,
    });
    await releasePlace(tx, appointment.slot_id);
    announce(
      tx,
      appointment,
      'cancel',
      { status: appointment.status },
      { status: 'cancelled', reason: request.reason },
    );
  });
  return getDockAppointment(platform.db, ctx, id);
}

/** The carrier is at the dock: when, and who took them in (the first link of the chain of custody). */
export async function checkInDockAppointment(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number | undefined,
): Promise<DockAppointment> {
  assertCan(ctx.actor, 'docks.book');
  await runInTransaction(platform, ctx, async (tx) => {
    const appointment = await findAppointment(tx, id, expectedVersion);
    assertTransition(appointment, 'check_in');
    const slot = await findSlot(tx, appointment.slot_id);
    const times = { startsAt: slot.starts_at, endsAt: slot.ends_at };
    const refusal = checkInRefusal(times, tx.now);
    if (refusal) throw new AppError('rule_violation', `${appointment.carrier} cannot be checked in yet: ${refusal}`);
    await saveChange(tx, appointment, {
      status: 'checked_in',
      checked_in_at: tx.now,
      checked_in_by: tx.ctx.actor.name,
      checked_in_by_id: tx.ctx.actor.personId,
    });
    announce(
      tx,
      appointment,
      'check_in',
      { status: appointment.status },
      {
        status: 'checked_in',
        carrier: appointment.carrier,
        reference: appointment.reference,
        door: slot.door_code,
        checkedInAt: tx.now,
        checkedInBy: tx.ctx.actor.name,
        timing: arrivalTiming(times, tx.now),
      },
    );
  });
  return getDockAppointment(platform.db, ctx, id);
}

/** Unloaded and gone (`complete`), or never came (`no_show`, which gives the place back). */
export async function closeDockAppointment(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number | undefined,
  change: 'complete' | 'no_show',
): Promise<DockAppointment> {
  assertCan(ctx.actor, 'docks.book');
  await runInTransaction(platform, ctx, async (tx) => {
    const appointment = await findAppointment(tx, id, expectedVersion);
    assertTransition(appointment, change);
    if (change === 'no_show') {
      const slot = await findSlot(tx, appointment.slot_id);
      if (tx.now < slot.starts_at)
        throw new AppError(
          'rule_violation',
          `${describeSlot(slot)} has not started yet; a carrier is a no-show only once their slot has begun`,
        );
    }
    await saveChange(tx, appointment, { status: NEXT[change], closed_at: tx.now, closed_by: tx.ctx.actor.name });
    if (change === 'no_show') await releasePlace(tx, appointment.slot_id);
    announce(tx, appointment, change, { status: appointment.status }, { status: NEXT[change] });
  });
  return getDockAppointment(platform.db, ctx, id);
}
