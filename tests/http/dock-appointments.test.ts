// Dock appointments: a site's doors and slots, carriers booked into them, moved, cancelled and
// checked in. Two bookings racing for the last place never overbook a slot, on either database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { makeWorld } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';

// The test clock stands at 10:00 UTC on TODAY.
const TOMORROW = '2026-11-27';

interface Slot {
  id: string;
  doorCode: string;
  startsAt: string;
  capacity: number;
  booked: number;
  free: number;
}

describe.each(DIALECTS)('dock appointments on %s', (dialect) => {
  let t: TestApp;
  let warehouse: string;
  let agent: string;
  let customer: string;
  let finance: string;

  const api = (token: string, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    t.request(token, { method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  /** A site with door D1 (and D2 when asked), hourly slots 08:00–16:00 today and tomorrow. */
  async function dockWithSlots(capacity = 1, doors = ['D1']) {
    const w = await makeWorld(t.platform);
    const doorIds: string[] = [];
    for (const code of doors) {
      const door = await api(warehouse, 'POST', `/sites/${w.site.id}/dock-doors`, { code, name: `Door ${code}` });
      expect(door.statusCode, door.body).toBe(201);
      doorIds.push(door.json().id);
      const made = await api(warehouse, 'POST', `/dock-doors/${door.json().id}/slots`, {
        from: TODAY,
        to: TOMORROW,
        startTime: '08:00',
        endTime: '16:00',
        everyMinutes: 60,
        capacity,
      });
      expect(made.statusCode, made.body).toBe(201);
      expect(made.json()).toMatchObject({ created: 16, skipped: 0 });
    }
    const slotsOf = async (date = TODAY) =>
      (await api(warehouse, 'GET', `/sites/${w.site.id}/dock-slots?date=${date}`)).json<{ items: Slot[] }>().items;
    const slotAt = async (time: string, door = 'D1', date = TODAY) => {
      const slot = (await slotsOf(date)).find((s) => s.doorCode === door && s.startsAt.slice(11, 16) === time);
      if (!slot) throw new Error(`no slot at ${time} at ${door}`);
      return slot;
    };
    return { site: w.site, world: w, doorIds, slotsOf, slotAt };
  }

  const book = (token: string, slotId: string, carrier = 'DHL Freight', extra: object = {}) =>
    api(token, 'POST', '/dock-appointments', { slotId, carrier, reference: '1Z999AA10123456784', ...extra });

  const bookedIn = async (slotId: string) => {
    const row = await t.platform.db
      .selectFrom('dock_slots')
      .select(['booked', 'capacity'])
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow();
    return Number(row.booked);
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    warehouse = await t.tokenFor('warehouse');
    agent = await t.tokenFor('cs_agent');
    finance = await t.tokenFor('finance');
    const w = await makeWorld(t.platform);
    customer = await t.tokenFor('customer', { customerId: w.customer.id });
  });
  afterAll(() => t.close());

  it('sets up doors and slots from a pattern; running the pattern again adds nothing', async () => {
    const { site, doorIds, slotsOf } = await dockWithSlots(2);
    const slots = await slotsOf();
    expect(slots.map((s) => s.startsAt.slice(11, 16))).toEqual([
      '08:00',
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
    ]);
    expect(slots[0]).toMatchObject({ doorCode: 'D1', capacity: 2, booked: 0, free: 2 });
    const again = await api(warehouse, 'POST', `/dock-doors/${doorIds[0]}/slots`, {
      from: TODAY,
      to: TODAY,
      startTime: '07:30',
      endTime: '09:30',
      everyMinutes: 30,
      capacity: 1,
    });
    // 07:30–08:00 is new; the three between 08:00 and 09:30 overlap existing slots.
    expect(again.json()).toMatchObject({ created: 1, skipped: 3 });

    // A door code is unique per site; another door is fine; customers and finance cannot set up docks.
    expectProblem(await api(warehouse, 'POST', `/sites/${site.id}/dock-doors`, { code: 'd1' }), 409, 'conflict');
    expectProblem(await api(agent, 'POST', `/sites/${site.id}/dock-doors`, { code: 'D9' }), 403, 'forbidden');
    const doors = (await api(finance, 'GET', `/sites/${site.id}/dock-doors`)).json().items;
    expect(doors.map((d: { code: string }) => d.code)).toEqual(['D1']);

    // Bad patterns: refused, nothing made.
    const before = (await slotsOf()).length;
    const pattern = { from: TODAY, to: TODAY, startTime: '08:00', endTime: '16:00', everyMinutes: 60, capacity: 1 };
    expectProblem(
      await api(warehouse, 'POST', `/dock-doors/${doorIds[0]}/slots`, { ...pattern, endTime: '07:00' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await api(warehouse, 'POST', `/dock-doors/${doorIds[0]}/slots`, { ...pattern, endTime: '08:30' }),
      422,
      'rule_violation',
    );
    expectProblem(
      await api(warehouse, 'POST', `/dock-doors/${doorIds[0]}/slots`, { ...pattern, to: '2027-03-01' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await api(warehouse, 'POST', `/dock-doors/${doorIds[0]}/slots`, { ...pattern, capacity: 0 }),
      400,
      'validation_failed',
    );
    expect((await slotsOf()).length).toBe(before);
  });

  it('books a carrier, shows it on the day’s schedule, checks it in and completes it', async () => {
    const { site, slotAt } = await dockWithSlots(2);
    const slot = await slotAt('11:00');
    const booked = await book(agent, slot.id, 'DHL Freight', { expectedUnits: 40, expectedPallets: 2 });
    expect(booked.statusCode, booked.body).toBe(201);
    const appointment = booked.json();
    expect(booked.headers.etag).toBe('"1"');
    expect(appointment).toMatchObject({
      siteId: site.id,
      slotId: slot.id,
      doorCode: 'D1',
      startsAt: `${TODAY}T11:00:00.000Z`,
      endsAt: `${TODAY}T12:00:00.000Z`,
      carrier: 'DHL Freight',
      reference: '1Z999AA10123456784',
      expectedUnits: 40,
      expectedPallets: 2,
      status: 'booked',
      checkedInAt: null,
      version: 1,
    });
    expect((await slotAt('11:00')).free).toBe(1);

    const early = await book(warehouse, (await slotAt('09:00')).id, 'UPS');
    expectProblem(early, 422, 'rule_violation');
    expect(early.json().detail).toContain('has already ended');

    const schedule = (await api(finance, 'GET', `/sites/${site.id}/dock-schedule?date=${TODAY}`)).json();
    expect(schedule).toMatchObject({ siteId: site.id, siteCode: site.code, date: TODAY });
    expect(schedule.items.map((a: { id: string }) => a.id)).toEqual([appointment.id]);
    // Without a date, the schedule is today's.
    const todays = (await api(warehouse, 'GET', `/sites/${site.id}/dock-schedule`)).json();
    expect(todays.date).toBe(TODAY);

    const checkedIn = await api(warehouse, 'POST', `/dock-appointments/${appointment.id}/check-in`, undefined, {
      'if-match': '"1"',
    });
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);
    expect(checkedIn.json()).toMatchObject({
      status: 'checked_in',
      checkedInAt: `${TODAY}T10:00:00.000Z`,
      checkedInBy: 'warehouse@test.local',
      arrivalTiming: 'early',
      version: 2,
    });
    expect(checkedIn.headers.etag).toBe('"2"');
    expectProblem(
      await api(warehouse, 'POST', `/dock-appointments/${appointment.id}/check-in`),
      409,
      'invalid_transition',
    );
    expectProblem(
      await api(warehouse, 'POST', `/dock-appointments/${appointment.id}/cancel`, { reason: 'too late' }),
      409,
      'invalid_transition',
    );
    const done = await api(warehouse, 'POST', `/dock-appointments/${appointment.id}/complete`);
    expect(done.json()).toMatchObject({ status: 'completed', version: 3 });
    // A completed appointment keeps its place: the slot's count says what the dock took.
    expect(await bookedIn(slot.id)).toBe(1);

    // The chain of custody is in the audit trail.
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', appointment.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'dock_appointment.booked',
      'dock_appointment.checked_in',
      'dock_appointment.completed',
    ]);
  });

  it('checks a carrier in no earlier than two hours before the slot', async () => {
    const { slotAt } = await dockWithSlots(1);
    const tomorrow = (await book(warehouse, (await slotAt('08:00', 'D1', TOMORROW)).id)).json();
    const refused = await api(warehouse, 'POST', `/dock-appointments/${tomorrow.id}/check-in`);
    expectProblem(refused, 422, 'rule_violation');
    expect(refused.json().detail).toContain('carriers are checked in from 2 hours before');
    // Nor is a carrier a no-show before the slot begins.
    expectProblem(await api(warehouse, 'POST', `/dock-appointments/${tomorrow.id}/no-show`), 422, 'rule_violation');
    expect((await api(warehouse, 'GET', `/dock-appointments/${tomorrow.id}`)).json()).toMatchObject({
      status: 'booked',
      version: 1,
    });
  });

  it('cancelling gives the place back; a cancelled appointment stays on the schedule as cancelled', async () => {
    const { site, slotAt } = await dockWithSlots(1);
    const slot = await slotAt('12:00');
    const appointment = (await book(agent, slot.id)).json();
    expect(await bookedIn(slot.id)).toBe(1);
    expectProblem(
      await api(agent, 'POST', `/dock-appointments/${appointment.id}/cancel`, { reason: '' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await api(agent, 'POST', `/dock-appointments/${appointment.id}/cancel`, { reason: 'x' }, { 'if-match': '"7"' }),
      412,
      'precondition_failed',
    );
    const cancelled = await api(agent, 'POST', `/dock-appointments/${appointment.id}/cancel`, {
      reason: 'Carrier moved the pickup to next week',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Carrier moved the pickup to next week',
      cancelledBy: 'cs_agent@test.local',
      version: 2,
    });
    expect(await bookedIn(slot.id)).toBe(0);
    // Twice is refused and gives nothing back twice.
    expectProblem(
      await api(agent, 'POST', `/dock-appointments/${appointment.id}/cancel`, { reason: 'again' }),
      409,
      'invalid_transition',
    );
    expect(await bookedIn(slot.id)).toBe(0);
    const again = await book(agent, slot.id, 'FedEx Freight');
    expect(again.statusCode, again.body).toBe(201);
    const schedule = (await api(warehouse, 'GET', `/sites/${site.id}/dock-schedule?date=${TODAY}`)).json();
    expect(schedule.items.map((a: { carrier: string; status: string }) => [a.carrier, a.status])).toEqual([
      ['DHL Freight', 'cancelled'],
      ['FedEx Freight', 'booked'],
    ]);
  });

  it('two bookings racing for the last place of a slot never overbook it', async () => {
    const { slotAt } = await dockWithSlots(1, ['D1', 'D2']);
    const slot = await slotAt('13:00');
    const racers = 8;
    const answers = await Promise.all(
      Array.from({ length: racers }, (_, i) => book(i % 2 ? agent : warehouse, slot.id, `Carrier ${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses, answers.map((a) => a.body).join('\n')).toEqual([201, ...Array<number>(racers - 1).fill(409)]);
    for (const lost of answers.filter((a) => a.statusCode === 409)) {
      expectProblem(lost, 409, 'conflict');
      expect(lost.json().detail).toBe(`slot 13:00–14:00 at door D1 on ${TODAY} is full; next free: 13:00 at door D2`);
    }
    expect(await bookedIn(slot.id)).toBe(1);
    const held = await t.platform.db
      .selectFrom('dock_appointments')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('slot_id', '=', slot.id)
      .executeTakeFirstOrThrow();
    expect(Number(held.count)).toBe(1);

    // Racing for a slot with two places: exactly two win.
    const wide = await dockWithSlots(2);
    const roomy = await wide.slotAt('14:00');
    const wideAnswers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => book(warehouse, roomy.id, `Carrier ${i}`)),
    );
    expect(wideAnswers.filter((a) => a.statusCode === 201)).toHaveLength(2);
    expect(wideAnswers.filter((a) => a.statusCode === 409)).toHaveLength(4);
    expect(await bookedIn(roomy.id)).toBe(2);
  });

  it('a full slot says when the next free one is, at the same door first', async () => {
    const { slotAt } = await dockWithSlots(1);
    await book(warehouse, (await slotAt('10:00')).id);
    await book(warehouse, (await slotAt('11:00')).id);
    const full = await book(agent, (await slotAt('10:00')).id, 'Schenker');
    expectProblem(full, 409, 'conflict');
    expect(full.json().detail).toBe(`slot 10:00–11:00 at door D1 on ${TODAY} is full; next free: 12:00 at door D1`);
    expect(full.json().nextFreeSlotId).toBe((await slotAt('12:00')).id);
  });

  it('rescheduling moves the place atomically; into a full slot it changes nothing', async () => {
    const { slotAt, world } = await dockWithSlots(1);
    const [ten, eleven, twelve] = [await slotAt('10:00'), await slotAt('11:00'), await slotAt('12:00')];
    const mine = (await book(warehouse, ten.id, 'DHL Freight')).json();
    await book(agent, eleven.id, 'UPS Freight');

    expectProblem(
      await api(warehouse, 'POST', `/dock-appointments/${mine.id}/reschedule`, { slotId: twelve.id }),
      428,
      'precondition_required',
    );
    expectProblem(
      await api(
        warehouse,
        'POST',
        `/dock-appointments/${mine.id}/reschedule`,
        { slotId: twelve.id },
        { 'if-match': '"2"' },
      ),
      412,
      'precondition_failed',
    );
    const full = await api(
      warehouse,
      'POST',
      `/dock-appointments/${mine.id}/reschedule`,
      { slotId: eleven.id },
      { 'if-match': '"1"' },
    );
    expectProblem(full, 409, 'conflict');
    expect(full.json().detail).toBe(`slot 11:00–12:00 at door D1 on ${TODAY} is full; next free: 12:00 at door D1`);
    // Nothing changed: the appointment is where it was, each slot counts what it did.
    expect((await api(warehouse, 'GET', `/dock-appointments/${mine.id}`)).json()).toMatchObject({
      slotId: ten.id,
      version: 1,
    });
    expect([await bookedIn(ten.id), await bookedIn(eleven.id), await bookedIn(twelve.id)]).toEqual([1, 1, 0]);

    // Another site's slot is not a place to move to.
    const elsewhere = await dockWithSlots(1);
    expectProblem(
      await api(
        warehouse,
        'POST',
        `/dock-appointments/${mine.id}/reschedule`,
        { slotId: (await elsewhere.slotAt('12:00')).id },
        { 'if-match': '"1"' },
      ),
      400,
      'validation_failed',
    );
    expect(world.site.id).not.toBe(elsewhere.site.id);

    const moved = await api(
      warehouse,
      'POST',
      `/dock-appointments/${mine.id}/reschedule`,
      { slotId: twelve.id },
      { 'if-match': '"1"' },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ slotId: twelve.id, startsAt: `${TODAY}T12:00:00.000Z`, version: 2 });
    expect(moved.headers.etag).toBe('"2"');
    expect([await bookedIn(ten.id), await bookedIn(eleven.id), await bookedIn(twelve.id)]).toEqual([0, 1, 1]);
  });

  it('moves in opposite directions at once leave every count right', async () => {
    const { slotAt } = await dockWithSlots(2);
    const [a, b] = [await slotAt('14:00'), await slotAt('15:00')];
    const first = (await book(warehouse, a.id, 'A')).json();
    const second = (await book(warehouse, b.id, 'B')).json();
    const moves = await Promise.all([
      api(warehouse, 'POST', `/dock-appointments/${first.id}/reschedule`, { slotId: b.id }, { 'if-match': '"1"' }),
      api(warehouse, 'POST', `/dock-appointments/${second.id}/reschedule`, { slotId: a.id }, { 'if-match': '"1"' }),
    ]);
    expect(moves.map((m) => m.statusCode)).toEqual([200, 200]);
    expect([await bookedIn(a.id), await bookedIn(b.id)]).toEqual([1, 1]);
  });

  it('refuses bad input with a problem and books nothing', async () => {
    const { slotAt, site } = await dockWithSlots(1);
    const slot = await slotAt('14:00');
    expectProblem(await api(warehouse, 'POST', '/dock-appointments', { slotId: slot.id }), 400, 'validation_failed');
    expectProblem(await book(warehouse, slot.id, '   '), 400, 'validation_failed');
    expectProblem(await book(warehouse, slot.id, 'DHL', { expectedPallets: -1 }), 400, 'validation_failed');
    expectProblem(await book(warehouse, slot.id, 'DHL', { surprise: true }), 400, 'validation_failed');
    expectProblem(await book(warehouse, 'slot_nope'), 400, 'validation_failed');
    expectProblem(await book(warehouse, slot.id, 'DHL', { rmaId: 'rma_nope' }), 400, 'validation_failed');
    expectProblem(await api(warehouse, 'GET', `/sites/${site.id}/dock-schedule?date=2026-02-30`), 400);
    expectProblem(await api(warehouse, 'GET', '/sites/site_nope/dock-schedule'), 404, 'not_found');
    expectProblem(await api(warehouse, 'GET', '/dock-appointments/apt_nope'), 404, 'not_found');
    expect(await bookedIn(slot.id)).toBe(0);
  });

  it('customers have no access; finance reads but does not book', async () => {
    const { site, slotAt, doorIds } = await dockWithSlots(1);
    const slot = await slotAt('14:00');
    expectProblem(await api(customer, 'GET', `/sites/${site.id}/dock-schedule`), 403, 'forbidden');
    expectProblem(await api(customer, 'GET', `/sites/${site.id}/dock-slots`), 403, 'forbidden');
    expectProblem(await book(customer, slot.id), 403, 'forbidden');
    expectProblem(await api(customer, 'POST', `/dock-doors/${doorIds[0]}/deactivate`), 403, 'forbidden');
    expectProblem(await book(finance, slot.id), 403, 'forbidden');
    expect((await api(finance, 'GET', `/sites/${site.id}/dock-slots`)).statusCode).toBe(200);
    expect(await bookedIn(slot.id)).toBe(0);
  });

  it('a door with carriers still to come stays in service; an idle one is taken out and its slots close', async () => {
    const { site, slotAt, doorIds } = await dockWithSlots(1, ['D1', 'D2']);
    const appointment = (await book(warehouse, (await slotAt('15:00', 'D1')).id)).json();
    const refused = await api(warehouse, 'POST', `/dock-doors/${doorIds[0]}/deactivate`);
    expectProblem(refused, 409, 'conflict');
    expect(refused.json().detail).toBe('door D1 has 1 booked appointment still to come; reschedule or cancel it first');
    await api(warehouse, 'POST', `/dock-appointments/${appointment.id}/cancel`, { reason: 'door repair' });
    const d2 = await slotAt('15:00', 'D2');
    expectProblem(
      await api(warehouse, 'POST', `/dock-doors/${doorIds[1]}/deactivate`, undefined, { 'if-match': '"9"' }),
      412,
      'precondition_failed',
    );
    const closed = await api(warehouse, 'POST', `/dock-doors/${doorIds[1]}/deactivate`, undefined, {
      'if-match': '"1"',
    });
    expect(closed.json()).toMatchObject({ code: 'D2', isActive: false, version: 2 });
    const open = (await api(warehouse, 'GET', `/sites/${site.id}/dock-slots`)).json().items;
    expect(open.every((s: Slot) => s.doorCode === 'D1')).toBe(true);
    expectProblem(await book(warehouse, d2.id), 422, 'rule_violation');
  });
});
