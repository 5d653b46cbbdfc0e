import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween, parseIsoDate } from './calendar.js';

describe('date arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-09-01', 30)).toBe('2026-10-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-05-05', 0)).toBe('2026-05-05');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-06-30', 12)).toBe('2027-06-30');
    expect(addMonths('2026-01-10', -13)).toBe('2024-12-10');
  });

  it('counts signed days between dates', () => {
    expect(daysBetween('2026-09-01', '2026-10-01')).toBe(30);
    expect(daysBetween('2026-10-01', '2026-09-01')).toBe(-30);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('2026-2-3')).toThrow(/not an ISO date/);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(/whole number/);
  });

  it('keeps years below 100 in their own century', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  const isoDate = fc
    .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('addDays and daysBetween are inverse (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it('addMonths never overshoots the target month and keeps the day when it exists (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const out = addMonths(d, n);
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const [oy, om, oday] = out.split('-').map(Number) as [number, number, number];
        expect(oy * 12 + om - (y * 12 + m)).toBe(n);
        expect(oday).toBeLessThanOrEqual(day);
        if (oday < day) expect(addDays(out, 1).slice(5, 7)).not.toBe(out.slice(5, 7)); // clamped to month end
      }),
    );
  });
});
