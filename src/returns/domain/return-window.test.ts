import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ReturnPolicy } from '../../contracts/configuration.js';
import { addDays, addMonths, daysBetween, parseIsoDate, resolveReturnWindowDays } from './return-window.js';

const policy: ReturnPolicy = {
  defaultReturnWindowDays: 30,
  windows: [
    { tier: '*', category: 'Consumables', days: 14 },
    { tier: 'gold', category: '*', days: 60 },
    { tier: 'gold', category: 'Networking', days: 45 },
    { tier: '*', category: 'Networking', days: 20 },
  ],
  authorizationValidDays: 30,
  windowExemptReturnTypes: ['warranty'],
};

describe('resolveReturnWindowDays', () => {
  it('lets a contracted customer window win over every policy window', () => {
    expect(resolveReturnWindowDays(policy, 'gold', 'Networking', 100)).toEqual({
      days: 100,
      source: 'customer_override',
      explanation: 'contracted for your account',
    });
  });

  it('honours a contracted window of 0 days rather than treating it as missing', () => {
    expect(resolveReturnWindowDays(policy, 'gold', 'Networking', 0).days).toBe(0);
  });

  it('prefers tier + category over tier alone and category alone', () => {
    expect(resolveReturnWindowDays(policy, 'gold', 'Networking', null)).toEqual({
      days: 45,
      source: 'tier_and_category',
      explanation: "gold tier, category 'Networking'",
    });
  });

  it('prefers tier alone over category alone, whatever the list order', () => {
    const r = resolveReturnWindowDays(policy, 'gold', 'Consumables', null);
    expect(r).toEqual({ days: 60, source: 'tier', explanation: 'gold tier' });
  });

  it('falls back to category alone', () => {
    expect(resolveReturnWindowDays(policy, 'silver', 'Consumables', null)).toEqual({
      days: 14,
      source: 'category',
      explanation: "category 'Consumables'",
    });
  });

  it('uses a * / * window before the policy default', () => {
    const withAny = { ...policy, windows: [...policy.windows, { tier: '*', category: '*', days: 21 }] };
    expect(resolveReturnWindowDays(withAny, 'silver', 'Cables', null).source).toBe('any');
    expect(resolveReturnWindowDays(withAny, 'silver', 'Cables', null).days).toBe(21);
  });

  it('falls back to the policy default', () => {
    expect(resolveReturnWindowDays(policy, 'silver', 'Cables', null)).toEqual({
      days: 30,
      source: 'policy_default',
      explanation: 'standard policy',
    });
  });

  it('matches tiers and categories regardless of case', () => {
    expect(resolveReturnWindowDays(policy, 'Gold', 'networking', null).days).toBe(45);
  });

  it('takes the first listed window when two are equally specific', () => {
    const dup = { ...policy, windows: [{ tier: 'gold', category: '*', days: 7 }, ...policy.windows] };
    expect(resolveReturnWindowDays(dup, 'gold', 'Cables', null).days).toBe(7);
  });

  it('does not treat a literal tier named * in the customer record as a wildcard match for others', () => {
    expect(resolveReturnWindowDays(policy, 'bronze', '*', null).source).toBe('policy_default');
  });
});

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
