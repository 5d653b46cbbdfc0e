import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstLineAgainst, orderDifference, taxOnDifference } from './replacement-price-difference.js';

// The sale the tests exchange from: 10 units at 100.00, 80.00 tax on the line (8 %).
const sold = { unitPriceMinor: 10_000, quantityInvoiced: 10, taxMinor: 8_000 };

describe('an exchange’s price difference', () => {
  it('is taxed at the rate the original line was, signed like the difference', () => {
    expect(taxOnDifference(5_000, sold)).toBe(400);
    expect(taxOnDifference(-1_200, sold)).toBe(-96);
    expect(taxOnDifference(0, sold)).toBe(0);
    // Rounded half up in size either way: 8 % of 0.0625 … of 6.25 minor is 0.5.
    expect(taxOnDifference(625, { unitPriceMinor: 1_000, quantityInvoiced: 1, taxMinor: 80 })).toBe(50);
    expect(taxOnDifference(-625, { unitPriceMinor: 1_000, quantityInvoiced: 1, taxMinor: 80 })).toBe(-50);
  });

  it('is net without an original sale, or when the sale carried no tax', () => {
    expect(taxOnDifference(5_000, null)).toBe(0);
    expect(taxOnDifference(5_000, { ...sold, taxMinor: 0 })).toBe(0);
    expect(taxOnDifference(5_000, { ...sold, quantityInvoiced: 0 })).toBe(0);
  });

  it('a credit gives back exactly the tax the same invoice would charge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000 }), (amount, tax) => {
        const line = { unitPriceMinor: 10_000, quantityInvoiced: 10, taxMinor: tax };
        expect(taxOnDifference(-amount, line) + taxOnDifference(amount, line)).toBe(0);
      }),
    );
  });

  it('adds the lines up; net plus tax is what is invoiced or credited', () => {
    expect(
      orderDifference([
        { netMinor: 5_000, taxMinor: 400 },
        { netMinor: 2_500, taxMinor: 200 },
      ]),
    ).toEqual({ totalMinor: 8_100, netMinor: 7_500, taxMinor: 600 });
    expect(orderDifference([]).totalMinor).toBe(0);
  });

  it('finds the first line that runs against the others; same-price lines run neither way', () => {
    const up = { netMinor: 100, taxMinor: 8 };
    const down = { netMinor: -100, taxMinor: -8 };
    const same = { netMinor: 0, taxMinor: 0 };
    expect(firstLineAgainst([up, same, up])).toBe(-1);
    expect(firstLineAgainst([same, down, down])).toBe(-1);
    expect(firstLineAgainst([up, same, down])).toBe(2);
    expect(firstLineAgainst([down, up])).toBe(1);
  });
});
