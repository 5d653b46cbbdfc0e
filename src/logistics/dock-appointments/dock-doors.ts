// Setting up a site's docks: its doors, and the time slots each door offers (made from a simple
// pattern — every 60 minutes from 08:00 to 16:00, capacity 1). A door that still has carriers
// booked is not taken out of service behind their backs.
import type { CreateDockDoorRequest, GenerateSlotsRequest, GenerateSlotsResult } from '../../contracts/docks.js';
import { findSite } from '../../masterdata/index.js';
import type { RequestContext } from '../../platform/actor.js';
import { assertCan } from '../../platform/access.js';
import { insertInBatches } from '../../platform/db/batch-insert.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { lockForTransaction } from '../../platform/db/transaction-lock.js';
import { AppError } from '../../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../../platform/unit-of-work.js';
import {
  dayBounds,
  daysBetween,
  MAX_DAYS_PER_REQUEST,
  MAX_SLOTS_PER_REQUEST,
  slotsFromPattern,
  withoutOverlaps,
} from './dock-schedule.js';
import type { DockDoorsTable, DockSlotsTable } from './dock.tables.js';

/** The site a dock belongs to: unknown sites are not found (it is the path that names them). */
export async function findDockSite(db: Tx['db'] | Platform['db'], siteId: string) {
  const site = await findSite(db, siteId);
  if (!site) throw new AppError('not_found', `site ${siteId} was not found`);
  return site;
}

export function createDockDoor(
  platform: Platform,
  ctx: RequestContext,
  siteId: string,
  request: CreateDockDoorRequest,
): Promise<DockDoorsTable> {
  assertCan(ctx.actor, 'docks.manage');
  return runInTransaction(platform, ctx, async (tx) => {
    const site = await findDockSite(tx.db, siteId);
    const door: DockDoorsTable = {
      id: tx.ids.next('door'),
      site_id: site.id,
      code: request.code.toUpperCase(),
      name: request.name,
      is_active: 1,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    await tx.db
      .insertInto('dock_doors')
      .values(door)
      .execute()
      .catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new AppError('conflict', `site ${site.code} already has a door ${door.code}`, {
              errors: [{ path: 'code', message: 'already used at this site' }],
            })
          : error;
      });
    tx.audit({
      entityType: 'dock_door',
      entityId: door.id,
      action: 'dock_door.created',
      after: { siteCode: site.code, code: door.code, name: door.name },
    });
    tx.emit({
      type: 'dock_door.created',
      aggregateType: 'dock_door',
      aggregateId: door.id,
      payload: { doorId: door.id, siteId: site.id, code: door.code },
    });
    return door;
  });
}

async function findDoor(tx: Tx, doorId: string): Promise<DockDoorsTable> {
  const door = await tx.db.selectFrom('dock_doors').selectAll().where('id', '=', doorId).executeTakeFirst();
  if (!door) throw new AppError('not_found', `dock door ${doorId} was not found`);
  return door;
}

function assertVersion(door: DockDoorsTable, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== door.version)
    throw new AppError(
      'precondition_failed',
      `door ${door.code} is at version ${door.version}, not ${expectedVersion}; someone else changed it — reload`,
    );
}

/** Takes a door out of service; refused while carriers are still booked at it. */
export function deactivateDockDoor(
  platform: Platform,
  ctx: RequestContext,
  doorId: string,
  expectedVersion: number | undefined,
): Promise<DockDoorsTable> {
  assertCan(ctx.actor, 'docks.manage');
  return runInTransaction(platform, ctx, async (tx) => {
    const door = await findDoor(tx, doorId);
    assertVersion(door, expectedVersion);
    if (door.is_active === 0) return door;
    // The door's row is changed first: a booking reads it FOR SHARE (takePlace), so on PostgreSQL
    // a booking either committed before this (and is counted below) or waits and sees the door closed.
    const updated: DockDoorsTable = { ...door, is_active: 0, version: door.version + 1, updated_at: tx.now };
    const changed = await tx.db
      .updateTable('dock_doors')
      .set({ is_active: 0, version: updated.version, updated_at: tx.now })
      .where('id', '=', door.id)
      .where('version', '=', door.version)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw new AppError('conflict', `door ${door.code} was changed by someone else just now — reload`);
    const waiting = await tx.db
      .selectFrom('dock_appointments as a')
      .innerJoin('dock_slots as s', 's.id', 'a.slot_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('s.door_id', '=', door.id)
      .where('a.status', '=', 'booked')
      .where('s.ends_at', '>', tx.now)
      .executeTakeFirstOrThrow();
    const count = Number(waiting.count);
    if (count > 0)
      throw new AppError(
        'conflict',
        `door ${door.code} has ${count} booked appointment${count === 1 ? '' : 's'} still to come; reschedule or cancel ${count === 1 ? 'it' : 'them'} first`,
      );
    tx.audit({
      entityType: 'dock_door',
      entityId: door.id,
      action: 'dock_door.deactivated',
      before: { isActive: true },
      after: { isActive: false, code: door.code },
    });
    tx.emit({
      type: 'dock_door.deactivated',
      aggregateType: 'dock_door',
      aggregateId: door.id,
      payload: { doorId: door.id, siteId: door.site_id },
    });
    return updated;
  });
}

/**
 * Makes a door's slots for a range of days from a pattern. Slots that would overlap one the door
 * already has are left out (counted as skipped), so running the same pattern twice adds nothing.
 */
export function generateDockSlots(
  platform: Platform,
  ctx: RequestContext,
  doorId: string,
  request: GenerateSlotsRequest,
): Promise<GenerateSlotsResult> {
  assertCan(ctx.actor, 'docks.manage');
  const days = daysBetween(request.from, request.to).length;
  if (days > MAX_DAYS_PER_REQUEST)
    throw new AppError(
      'validation_failed',
      `slots are made for at most ${MAX_DAYS_PER_REQUEST} days at once; ${request.from} to ${request.to} is ${days}`,
      { errors: [{ path: 'to', message: `at most ${MAX_DAYS_PER_REQUEST} days after from` }] },
    );
  const candidates = slotsFromPattern(request);
  if (candidates.length === 0)
    throw new AppError(
      'rule_violation',
      `the pattern makes no slot: from ${request.startTime} to ${request.endTime} there is no room for one of ${request.everyMinutes} minutes on the days chosen`,
      { errors: [{ path: 'everyMinutes', message: 'no slot fits between startTime and endTime' }] },
    );
  if (candidates.length > MAX_SLOTS_PER_REQUEST)
    throw new AppError(
      'rule_violation',
      `the pattern makes ${candidates.length} slots; at most ${MAX_SLOTS_PER_REQUEST} are made at once — choose fewer days or longer slots`,
    );
  return runInTransaction(platform, ctx, async (tx) => {
    // Two people generating for the same door at once must not make overlapping slots.
    await lockForTransaction(tx, `dock-door:${doorId}`);
    const door = await findDoor(tx, doorId);
    if (door.is_active === 0)
      throw new AppError('rule_violation', `door ${door.code} is out of service; it gets no new slots`);
    const range = { start: dayBounds(request.from).start, end: dayBounds(request.to).end };
    const existing = await tx.db
      .selectFrom('dock_slots')
      .select(['starts_at as startsAt', 'ends_at as endsAt'])
      .where('door_id', '=', door.id)
      .where('starts_at', '<', range.end)
      .where('ends_at', '>', range.start)
      .execute();
    const fresh = withoutOverlaps(candidates, existing);
    const rows: DockSlotsTable[] = fresh.map((slot) => ({
      id: tx.ids.next('slot'),
      door_id: door.id,
      site_id: door.site_id,
      starts_at: slot.startsAt,
      ends_at: slot.endsAt,
      capacity: request.capacity,
      booked: 0,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    }));
    await insertInBatches(tx.db, 'dock_slots', rows);
    const result = { doorId: door.id, created: rows.length, skipped: candidates.length - rows.length };
    if (rows.length > 0) {
      tx.audit({
        entityType: 'dock_door',
        entityId: door.id,
        action: 'dock_slots.generated',
        after: { doorCode: door.code, ...request, created: result.created, skipped: result.skipped },
      });
      tx.emit({
        type: 'dock_slots.generated',
        aggregateType: 'dock_door',
        aggregateId: door.id,
        payload: { doorId: door.id, siteId: door.site_id, from: request.from, to: request.to, created: rows.length },
      });
    }
    return result;
  });
}
