// Date and time linters. GS1 dates are YYMMDD (or YYYYMMDD); some AIs (best before, expiry…)
// allow day "00", meaning the last day of that month, and the dictionary marks them "yymmd0".
import { fail, firstNonDigit } from './linter-result.js';
import type { LinterResult } from './linter-result.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function lintDate(data: string, yearDigits: 2 | 4, dayZeroAllowed: boolean): LinterResult {
  const length = yearDigits + 4;
  if (data.length !== length) return fail(data.length < length ? 'DATE_TOO_SHORT' : 'DATE_TOO_LONG', 0, data.length);
  const nonDigit = firstNonDigit(data);
  if (nonDigit) return nonDigit;
  // Two-digit years: divisibility by four is exact for every year a GS1 date can mean (1951–2050 and neighbours).
  const year = Number(data.slice(0, yearDigits)) + (yearDigits === 2 ? 2000 : 0);
  const month = Number(data.slice(yearDigits, yearDigits + 2));
  const day = Number(data.slice(yearDigits + 2));
  if (month < 1 || month > 12) return fail('ILLEGAL_MONTH', yearDigits, 2);
  if ((day === 0 && !dayZeroAllowed) || day > daysInMonth(year, month)) return fail('ILLEGAL_DAY', yearDigits + 2, 2);
  return undefined;
}

export const yymmdd = (data: string) => lintDate(data, 2, false);
export const yymmd0 = (data: string) => lintDate(data, 2, true);
export const yyyymmdd = (data: string) => lintDate(data, 4, false);
export const yyyymmd0 = (data: string) => lintDate(data, 4, true);

function lintTwoDigits(data: string, max: number, unit: 'HOUR' | 'MINUTE' | 'SECOND'): LinterResult {
  if (data.length !== 2) return fail(`${unit}_TOO_${data.length < 2 ? 'SHORT' : 'LONG'}`, 0, data.length);
  return firstNonDigit(data) ?? (Number(data) > max ? fail(`ILLEGAL_${unit}`, 0, 2) : undefined);
}

export const hh = (data: string) => lintTwoDigits(data, 23, 'HOUR');
export const mi = (data: string) => lintTwoDigits(data, 59, 'MINUTE');
export const ss = (data: string) => lintTwoDigits(data, 59, 'SECOND');

export function hhmi(data: string): LinterResult {
  if (data.length !== 4) return fail(`HOUR_WITH_MINUTE_TOO_${data.length < 4 ? 'SHORT' : 'LONG'}`, 0, data.length);
  const nonDigit = firstNonDigit(data);
  if (nonDigit) return nonDigit;
  if (Number(data.slice(0, 2)) > 23) return fail('ILLEGAL_HOUR', 0, 2);
  if (Number(data.slice(2)) > 59) return fail('ILLEGAL_MINUTE', 2, 2);
  return undefined;
}

/**
 * The century of a YYMMDD date (GS1 General Specifications 7.12): a year more than 50 years
 * ahead of today belongs to the previous century, one more than 49 years back to the next.
 */
export function fullYear(yy: number, referenceYear: number): number {
  const century = Math.floor(referenceYear / 100) * 100;
  const difference = yy - (referenceYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

/** "251200" → "2025-12-31": day 00 means the last day of the month. */
export function isoDateOfYymmdd(data: string, referenceYear: number): string {
  const year = fullYear(Number(data.slice(0, 2)), referenceYear);
  const month = Number(data.slice(2, 4));
  const day = Number(data.slice(4, 6)) || daysInMonth(year, month);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
