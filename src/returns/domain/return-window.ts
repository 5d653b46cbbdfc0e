// Which return window applies to a customer and product, and the calendar arithmetic on
// ISO dates ('YYYY-MM-DD') needed to apply it. All arithmetic is in UTC so that the
// server's time zone can never move a deadline by a day.
import type { ReturnPolicy } from '../../contracts/configuration.js';

export type ReturnWindowSource =
  'customer_override' | 'tier_and_category' | 'tier' | 'category' | 'any' | 'policy_default';

export interface ReturnWindowResolution {
  days: number;
  source: ReturnWindowSource;
  /** Plain-English basis for the window, e.g. "gold tier, category 'Networking'". */
  explanation: string;
}

type PolicyWindow = ReturnPolicy['windows'][number];

const ANY = '*';
const MS_PER_DAY = 86_400_000;

// Tiers and categories are typed by admins into the policy; a case slip ("Gold" vs "gold")
// should not silently fall back to a different window.
function matches(pattern: string, value: string): boolean {
  return pattern.trim().toLowerCase() === value.trim().toLowerCase();
}

/**
 * The customer's contracted window wins; otherwise the most specific policy window:
 * tier+category, tier+'*', '*'+category, '*'+'*', then the policy default.
 * Within one level of specificity the first window listed wins.
 */
export function resolveReturnWindowDays(
  policy: ReturnPolicy,
  tier: string,
  category: string,
  customerOverrideDays: number | null,
): ReturnWindowResolution {
  if (customerOverrideDays !== null) {
    return { days: customerOverrideDays, source: 'customer_override', explanation: 'contracted for your account' };
  }
  const find = (t: (p: string) => boolean, c: (p: string) => boolean) =>
    policy.windows.find((w) => t(w.tier) && c(w.category));
  const isTier = (p: string) => p !== ANY && matches(p, tier);
  const isCategory = (p: string) => p !== ANY && matches(p, category);
  const isAny = (p: string) => p === ANY;

  const levels: Array<[ReturnWindowSource, PolicyWindow | undefined, string]> = [
    ['tier_and_category', find(isTier, isCategory), `${tier} tier, category '${category}'`],
    ['tier', find(isTier, isAny), `${tier} tier`],
    ['category', find(isAny, isCategory), `category '${category}'`],
    ['any', find(isAny, isAny), 'policy for all customers and categories'],
  ];
  for (const [source, window, explanation] of levels) {
    if (window) return { days: window.days, source, explanation };
  }
  return { days: policy.defaultReturnWindowDays, source: 'policy_default', explanation: 'standard policy' };
}

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
