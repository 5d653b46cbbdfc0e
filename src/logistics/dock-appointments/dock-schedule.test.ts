import { describe, expect, it } from 'vitest';
import {
  arrivalTiming,
  checkInRefusal,
  dayBounds,
  isoWeekday,
  slotLabel,
  slotsFromPattern,
  withoutOverlaps,
} from './dock-schedule.js';

describe('slots from a pattern', () => {
  it('makes back-to-back slots from the start time, the last one ending at or before the end time', () => {
    const slots = slotsFromPattern({
      from: '2026-11-26',
      to: '2026-11-26',
      startTime: '08:00',
      endTime: '16:00',
      everyMinutes: 60,
    });
    expect(slots).toHaveLength(8);
    expect(slots[0]).toEqual({ startsAt: '2026-11-26T08:00:00.000Z', endsAt: '2026-11-26T09:00:00.000Z' });
    expect(slots.at(-1)).toEqual({ startsAt: '2026-11-26T15:00:00.000Z', endsAt: '2026-11-26T16:00:00.000Z' });
    expect(slots.map(slotLabel).slice(0, 2)).toEqual(['08:00–09:00', '09:00–10:00']);
  });

  it('leaves out a slot that would run past the end time', () => {
    const slots = slotsFromPattern({
      from: '2026-11-26',
      to: '2026-11-26',
      startTime: '08:00',
      endTime: '10:30',
      everyMinutes: 45,
    });
    expect(slots.map(slotLabel)).toEqual(['08:00–08:45', '08:45–09:30', '09:30–10:15']);
  });

  it('runs to midnight with 24:00, over several days, on the chosen weekdays only', () => {
    // 2026-11-26 is a Thursday (4); 27 Friday, 28 Saturday, 29 Sunday.
    expect(isoWeekday('2026-11-26')).toBe(4);
    expect(isoWeekday('2026-11-29')).toBe(7);
    const slots = slotsFromPattern({
      from: '2026-11-26',
      to: '2026-11-29',
      startTime: '22:00',
      endTime: '24:00',
      everyMinutes: 120,
      weekdays: [4, 5],
    });
    expect(slots).toEqual([
      { startsAt: '2026-11-26T22:00:00.000Z', endsAt: '2026-11-27T00:00:00.000Z' },
      { startsAt: '2026-11-27T22:00:00.000Z', endsAt: '2026-11-28T00:00:00.000Z' },
    ]);
  });

  it('makes nothing when no slot fits', () => {
    expect(
      slotsFromPattern({
        from: '2026-11-26',
        to: '2026-11-26',
        startTime: '08:00',
        endTime: '08:30',
        everyMinutes: 60,
      }),
    ).toEqual([]);
  });

  it('skips candidates overlapping slots the door already has, and keeps those that only touch them', () => {
    const candidates = slotsFromPattern({
      from: '2026-11-26',
      to: '2026-11-26',
      startTime: '08:00',
      endTime: '12:00',
      everyMinutes: 60,
    });
    const existing = [{ startsAt: '2026-11-26T09:30:00.000Z', endsAt: '2026-11-26T10:00:00.000Z' }];
    expect(withoutOverlaps(candidates, existing).map(slotLabel)).toEqual(['08:00–09:00', '10:00–11:00', '11:00–12:00']);
    expect(withoutOverlaps(candidates, candidates)).toEqual([]);
  });
});

describe('time checks', () => {
  const slot = { startsAt: '2026-11-26T10:00:00.000Z', endsAt: '2026-11-26T11:00:00.000Z' };

  it('bounds a UTC day', () => {
    expect(dayBounds('2026-12-31')).toEqual({ start: '2026-12-31T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
  });

  it('checks a carrier in from two hours before the slot, and late ones too', () => {
    expect(checkInRefusal(slot, '2026-11-26T07:59:59.999Z')).toMatch(/checked in from 2 hours before/);
    expect(checkInRefusal(slot, '2026-11-26T08:00:00.000Z')).toBeNull();
    expect(checkInRefusal(slot, '2026-11-26T18:00:00.000Z')).toBeNull();
  });

  it('tells early, on time and late arrivals apart', () => {
    expect(arrivalTiming(slot, '2026-11-26T09:59:00.000Z')).toBe('early');
    expect(arrivalTiming(slot, '2026-11-26T10:00:00.000Z')).toBe('on_time');
    expect(arrivalTiming(slot, '2026-11-26T10:59:59.999Z')).toBe('on_time');
    expect(arrivalTiming(slot, '2026-11-26T11:00:00.000Z')).toBe('late');
  });
});
