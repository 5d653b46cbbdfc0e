import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depositDueOn, depositFor, depositStillAwaited, releasedShare, splitInvoice } from './replacement-deposit.js';

describe('advance replacement deposits', () => {
  it('is the units’ price and their share of the line’s tax', () => {
    expect(depositFor(2, { unitPriceMinor: 10_000, quantityInvoiced: 10, taxMinor: 8_000 })).toEqual({
      priceMinor: 20_000,
      taxMinor: 1_600,
      totalMinor: 21_600,
    });
    expect(depositFor(0, { unitPriceMinor: 10_000, quantityInvoiced: 10, taxMinor: 8_000 }).totalMinor).toBe(0);
  });

  it('is charged at shipping as fixed at the request, for the units still awaited then', () => {
    const fixed = { units: 2, totalMinor: 21_600, taxMinor: 1_600 };
    expect(depositStillAwaited(fixed, 2)).toEqual({ priceMinor: 20_000, taxMinor: 1_600, totalMinor: 21_600 });
    expect(depositStillAwaited(fixed, 1)).toEqual({ priceMinor: 10_000, taxMinor: 800, totalMinor: 10_800 });
    expect(depositStillAwaited(fixed, 0).totalMinor).toBe(0);
    // More units awaited than the request covered (another order's units): only those it fixed.
    expect(depositStillAwaited(fixed, 5).totalMinor).toBe(21_600);
  });

  it('released in any parts, adds up to what was held; the remainder is what is left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        (held, parts) => {
          const units = parts.reduce((a, b) => a + b, 0);
          let released = 0;
          let amount = 0;
          for (const part of parts) {
            const share = releasedShare(held, units, released, part);
            expect(share).toBeGreaterThanOrEqual(0);
            amount += share;
            released += part;
          }
          expect(amount).toBe(held);
        },
      ),
    );
  });

  it('never releases more units than the deposit covers', () => {
    expect(releasedShare(1_000, 3, 2, 5)).toBe(1_000 - Math.round((1_000 * 2) / 3));
    expect(releasedShare(1_000, 3, 3, 1)).toBe(0);
  });

  it('splits an invoiced remainder into sale and tax in the deposit’s proportion', () => {
    expect(splitInvoice(21_600, { totalMinor: 21_600, taxMinor: 1_600 })).toEqual({
      salesMinor: 20_000,
      taxMinor: 1_600,
    });
    const { salesMinor, taxMinor } = splitInvoice(10_001, { totalMinor: 21_600, taxMinor: 1_600 });
    expect(salesMinor + taxMinor).toBe(10_001);
  });

  it('falls due the policy’s days after it shipped', () => {
    expect(depositDueOn('2026-11-26', 30)).toBe('2026-12-26');
    expect(depositDueOn('2027-02-20', 10)).toBe('2027-03-02');
  });
});
