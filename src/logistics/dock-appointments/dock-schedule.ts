// The pure rules of the dock schedule: which slots a pattern makes, which of them overlap slots a
// door already has, when a carrier may be checked in, and how a slot is named to a person.
// Times are UTC: sites carry no time zone yet, so a slot's day and its "10:00" are UTC.
import type { ArrivalTiming } from '../../contracts/docks.js';
import { addDays, parseIsoDate } from '../../platform/calendar.js';

const MINUTE = 60_000;

/** How far ahead of its slot a carrier may be checked in. */
export const EARLIEST_CHECK_IN_MINUTES = 120;
/** One request makes at most this many slots (about two months of 15-minute slots on one door). */
export const MAX_SLOTS_PER_REQUEST = 4000;
export const MAX_DAYS_PER_REQUEST = 62;

export interface SlotPattern {
  from: string;
  to: string;
  startTime: string;
  endTime: string;
  everyMinutes: number;
  weekdays?: readonly number[] | undefined;
}

export interface SlotTimes {
  startsAt: string;
  endsAt: string;
}

function minutesOf(timeOfDay: string): number {
  const [hours, minutes] = timeOfDay.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  const day = new Date(parseIsoDate(isoDate)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The days from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The slots a pattern makes: on each chosen day, back to back from startTime, each everyMinutes
 * long, the last one ending at or before endTime. Ordered by start.
 */
export function slotsFromPattern(pattern: SlotPattern): SlotTimes[] {
  const first = minutesOf(pattern.startTime);
  const last = minutesOf(pattern.endTime);
  const slots: SlotTimes[] = [];
  for (const day of daysBetween(pattern.from, pattern.to)) {
    if (pattern.weekdays && !pattern.weekdays.includes(isoWeekday(day))) continue;
    const midnight = parseIsoDate(day);
    for (let start = first; start + pattern.everyMinutes <= last; start += pattern.everyMinutes) {
      slots.push({
        startsAt: new Date(midnight + start * MINUTE).toISOString(),
        endsAt: new Date(midnight + (start + pattern.everyMinutes) * MINUTE).toISOString(),
      });
    }
  }
  return slots;
}

/** Half-open intervals [start, end) overlap when each starts before the other ends. */
export function overlaps(a: SlotTimes, b: SlotTimes): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The candidates that overlap none of the door's existing slots (a door serves one slot at a time). */
export function withoutOverlaps(candidates: readonly SlotTimes[], existing: readonly SlotTimes[]): SlotTimes[] {
  return candidates.filter((candidate) => !existing.some((slot) => overlaps(candidate, slot)));
}

/** The instants that bound a UTC day: [start, end). */
export function dayBounds(isoDate: string): { start: string; end: string } {
  return { start: `${isoDate}T00:00:00.000Z`, end: `${addDays(isoDate, 1)}T00:00:00.000Z` };
}

/** "10:00" (UTC). */
export function timeOfDay(iso: string): string {
  return iso.slice(11, 16);
}

/** "10:00–11:00" (UTC). */
export function slotLabel(slot: SlotTimes): string {
  return `${timeOfDay(slot.startsAt)}–${timeOfDay(slot.endsAt)}`;
}

/** Why a carrier cannot be checked in now, or null when they can. */
export function checkInRefusal(slot: SlotTimes, now: string): string | null {
  const earliest = new Date(Date.parse(slot.startsAt) - EARLIEST_CHECK_IN_MINUTES * MINUTE).toISOString();
  if (now < earliest)
    return `the slot starts at ${slot.startsAt.slice(0, 10)} ${timeOfDay(slot.startsAt)}; carriers are checked in from ${EARLIEST_CHECK_IN_MINUTES / 60} hours before`;
  return null;
}

/** Whether the carrier came before the slot, during it, or after it ended. */
export function arrivalTiming(slot: SlotTimes, at: string): ArrivalTiming {
  if (at < slot.startsAt) return 'early';
  if (at < slot.endsAt) return 'on_time';
  return 'late';
}
