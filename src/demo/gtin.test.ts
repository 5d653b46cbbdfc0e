import { describe, expect, it } from 'vitest';
import { buildGtin13, computeGs1CheckDigit, isValidGtin } from './gtin.js';
import { createRandom } from './random.js';

describe('GS1 check digits', () => {
  it('matches published GTINs', () => {
    expect(computeGs1CheckDigit('400638133393')).toBe(1); // 4006381333931, the GS1 example
    expect(computeGs1CheckDigit('871125300120')).toBe(2);
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('036000291452')).toBe(true); // UPC-A
  });

  it('builds 13-digit GTINs that validate', () => {
    const gtin = buildGtin13('0871234', 42);
    expect(gtin).toHaveLength(13);
    expect(gtin.startsWith('087123400042')).toBe(true);
    expect(isValidGtin(gtin)).toBe(true);
  });
});

describe('seeded random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    expect(Array.from({ length: 5 }, () => a.int(1, 1000))).toEqual(Array.from({ length: 5 }, () => b.int(1, 1000)));
  });
});
