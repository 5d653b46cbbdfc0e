// Calendar arithmetic on ISO dates ('YYYY-MM-DD'). All of it in UTC, so the server's time zone
// can never move a deadline by a day.
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' to UTC midnight in ms; throws RangeError on anything else (e.g. 2026-02-30). */
export function parseIsoDate(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): '${isoDate}'`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not remap years 0–99 to the 1900s.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: '${isoDate}'`);
  }
  return d.getTime();
}

function formatIsoDate(ms: number): string {
  const d = new Date(ms);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const mo = String(d.getUTCMonth() + 1).padStart(2, '0');
  const da = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${mo}-${da}`;
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export function addDays(isoDate: string, n: number): string {
  assertWholeNumber(n, 'days');
  return formatIsoDate(parseIsoDate(isoDate) + n * MS_PER_DAY);
}

/** Adds calendar months, clamping to the month's last day: 2026-01-31 + 1 month = 2026-02-28. */
export function addMonths(isoDate: string, n: number): string {
  assertWholeNumber(n, 'months');
  const start = new Date(parseIsoDate(isoDate));
  const monthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth() + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const target = new Date(0);
  target.setUTCFullYear(year, month + 1, 0); // day 0 of the next month = last day of this one
  const lastDay = target.getUTCDate();
  target.setUTCFullYear(year, month, Math.min(start.getUTCDate(), lastDay));
  return formatIsoDate(target.getTime());
}

/** Whole days from a to b: positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseIsoDate(b) - parseIsoDate(a)) / MS_PER_DAY);
}

/**
 * The end of a day, for reading the records as they stood then: dates compare with `date`,
 * timestamps (ISO, UTC, like the clock's) with `before` — every instant of the day is below it.
 */
export interface DayEnd {
  date: string;
  before: string;
}

export function dayEnd(isoDate: string): DayEnd {
  return { date: isoDate, before: addDays(isoDate, 1) };
}

/** The last day of a month given as 'YYYY-MM'. */
export function lastDayOfMonth(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}
