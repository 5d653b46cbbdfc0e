import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeLineValueMinor, divideRoundHalfUp } from './line-value.js';

describe('divideRoundHalfUp', () => {
  it.each([
    [10n, 4n, 3n], // 2.5 → 3
    [9n, 4n, 2n], // 2.25 → 2
    [11n, 4n, 3n], // 2.75 → 3
    [0n, 7n, 0n],
    [-10n, 4n, -3n], // half away from zero
    [10n, -4n, -3n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('%d / %d → %d', (n, d, expected) => {
    expect(divideRoundHalfUp(n, d)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it('is within half a unit of the exact quotient (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = divideRoundHalfUp(n, d);
        const diffTwice = 2n * (q * d - n); // 2·(q − n/d)·d
        expect(diffTwice > -d && diffTwice <= d).toBe(true); // q − n/d ∈ (−½, ½]
      }),
    );
  });
});

describe('computeLineValueMinor', () => {
  it('prices the units and adds their share of the tax', () => {
    // 3 of 10 shipped at 19.99 with 39.98 tax on the line → 59.97 + 11.994 → 71.96
    expect(computeLineValueMinor({ quantity: 3, unitPriceMinor: 1999, taxMinor: 3998, quantityShipped: 10 })).toBe(
      5997 + 1199,
    );
  });

  it('rounds the tax share half up', () => {
    // 1 of 4 with 10 tax → 2.5 → 3
    expect(computeLineValueMinor({ quantity: 1, unitPriceMinor: 100, taxMinor: 10, quantityShipped: 4 })).toBe(103);
  });

  it('returns the whole tax when returning everything shipped', () => {
    expect(computeLineValueMinor({ quantity: 7, unitPriceMinor: 1000, taxMinor: 1337, quantityShipped: 7 })).toBe(8337);
  });

  it('counts no tax when nothing shipped', () => {
    expect(computeLineValueMinor({ quantity: 2, unitPriceMinor: 500, taxMinor: 90, quantityShipped: 0 })).toBe(1000);
  });

  it('stays exact where floating point would not', () => {
    // 1e6 × 9e9 would be fine, but the tax numerator 9e15 × 1e6 is far beyond 2^53.
    const v = computeLineValueMinor({
      quantity: 1_000_000,
      unitPriceMinor: 9_000_000,
      taxMinor: 9_000_000_000_001,
      quantityShipped: 3_000_000,
    });
    expect(v).toBe(9_000_000_000_000 + 3_000_000_000_000);
  });

  it('refuses results it cannot represent exactly', () => {
    expect(() =>
      computeLineValueMinor({ quantity: 1_000_000, unitPriceMinor: 2 ** 50, taxMinor: 0, quantityShipped: 1 }),
    ).toThrow(/too large/);
    expect(() => computeLineValueMinor({ quantity: 1, unitPriceMinor: 1.5, taxMinor: 0, quantityShipped: 1 })).toThrow(
      /unitPriceMinor must be a whole number/,
    );
  });

  it('splitting a line never loses or invents more than a cent per part (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (shipped, price, tax, cut) => {
          const a = Math.min(cut, shipped);
          const whole = computeLineValueMinor({
            quantity: shipped,
            unitPriceMinor: price,
            taxMinor: tax,
            quantityShipped: shipped,
          });
          expect(whole).toBe(shipped * price + tax);
          const partA = computeLineValueMinor({
            quantity: a,
            unitPriceMinor: price,
            taxMinor: tax,
            quantityShipped: shipped,
          });
          const partB = computeLineValueMinor({
            quantity: shipped - a,
            unitPriceMinor: price,
            taxMinor: tax,
            quantityShipped: shipped,
          });
          expect(Math.abs(partA + partB - whole)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
