import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMinor, crossRate, invertRate, isRate } from './fx.js';

// Minor digits, as ISO 4217 gives them (platform/money/currencies.ts): yen, dollar cents, dinar fils.
const JPY = 0;
const USD = 2;
const KWD = 3;

describe('convertMinor', () => {
  it('converts between currencies with 0, 2 and 3 minor digits', () => {
    // 100.00 USD at 138.05 JPY per USD: ¥13,805.
    expect(convertMinor(10_000, '138.05', USD, JPY)).toBe(13_805);
    // ¥1,000 at 0.0072 USD per JPY: 7.20 USD.
    expect(convertMinor(1_000, '0.0072', JPY, USD)).toBe(720);
    // 100.00 USD at 0.3075 KWD per USD: 30.750 KWD.
    expect(convertMinor(10_000, '0.3075', USD, KWD)).toBe(30_750);
    // 1.234 KWD at 487.5 JPY per KWD: ¥601.575, to the yen.
    expect(convertMinor(1_234, '487.5', KWD, JPY)).toBe(602);
    // 30.750 KWD back to cents at 3.252 USD per KWD: 99.999 USD.
    expect(convertMinor(30_750, '3.252', KWD, USD)).toBe(10_000);
    // An integer rate and a rate with trailing zeros are the same decimals.
    expect(convertMinor(150, '2', USD, USD)).toBe(300);
    expect(convertMinor(10_000, '4.7630', USD, USD)).toBe(47_630);
  });

  it('rounds half away from zero, to the target currency’s minor unit', () => {
    // 0.05 USD at 0.5: 2.5 cents.
    expect(convertMinor(5, '0.5', USD, USD)).toBe(3);
    expect(convertMinor(-5, '0.5', USD, USD)).toBe(-3);
    // ¥1 at 0.005 USD: half a cent.
    expect(convertMinor(1, '0.005', JPY, USD)).toBe(1);
    expect(convertMinor(-1, '0.005', JPY, USD)).toBe(-1);
    // Just under and over the half.
    expect(convertMinor(1, '0.00499', JPY, USD)).toBe(0);
    expect(convertMinor(1, '0.00501', JPY, USD)).toBe(1);
    // 0.0005 KWD is half a fils: 1 cent at 0.05 KWD per USD.
    expect(convertMinor(1, '0.05', USD, KWD)).toBe(1);
    expect(convertMinor(3, '0.05', USD, KWD)).toBe(2);
    expect(convertMinor(-3, '0.05', USD, KWD)).toBe(-2);
    expect(convertMinor(0, '138.05', USD, JPY)).toBe(0);
  });

  it('is exact where floating point is not', () => {
    // 1.00 × 1.005 in binary floating point is 100.49999… cents (rounds to 100); exactly, 100.5 → 101.
    expect(100 * 1.005).toBeLessThan(100.5);
    expect(convertMinor(100, '1.005', USD, USD)).toBe(101);
    expect(convertMinor(100, '0.145', USD, USD)).toBe(15);
    // Large amounts stay exact: 90 trillion minor units × 1.0163.
    expect(convertMinor(90_000_000_000_000, '1.0163', USD, USD)).toBe(91_467_000_000_000);
  });

  it.each([['-1'], ['0'], ['0.000'], ['1e3'], ['abc'], [''], ['1.0000000000001']])('refuses the rate "%s"', (rate) => {
    expect(() => convertMinor(100, rate, USD, USD)).toThrow(/not a rate/);
    expect(isRate(rate)).toBe(false);
  });
});

describe('invertRate and crossRate', () => {
  it('inverts a rate to 12 decimals, rounding the last half away from zero', () => {
    expect(invertRate('2')).toBe('0.5');
    expect(invertRate('0.8')).toBe('1.25');
    expect(invertRate('3')).toBe('0.333333333333');
    expect(invertRate('1.5')).toBe('0.666666666667');
    // The ECB's pound and yen of 2022-07-08.
    expect(invertRate('0.84585')).toBe('1.182242714429');
    expect(invertRate('138.05')).toBe('0.007243752264');
    expect(invertRate('1')).toBe('1');
  });

  it('crosses two rates against one base: to per from = (to per base) ÷ (from per base)', () => {
    // USD 1.0163 and GBP 0.84585 per euro: 0.84585 / 1.0163 GBP per USD.
    expect(crossRate('1.0163', '0.84585')).toBe('0.832283774476');
    // JPY per GBP through the euro.
    expect(crossRate('0.84585', '138.05')).toBe('163.208606726961');
    // Against the base itself (1) it is the rate, or its inverse.
    expect(crossRate('1', '0.84585')).toBe('0.84585');
    expect(crossRate('0.84585', '1')).toBe(invertRate('0.84585'));
    expect(crossRate('1.0163', '1.0163')).toBe('1');
  });

  it('converts through a cross rate as through both legs, within a unit', () => {
    // 123.45 USD → GBP via the cross rate, and via EUR (USD → EUR → GBP) with exact decimals.
    const viaCross = convertMinor(12_345, crossRate('1.0163', '0.84585'), USD, USD);
    expect(viaCross).toBe(10_275); // 12345 × 0.84585 / 1.0163 = 10274.54… pence
    const viaEuro = convertMinor(convertMinor(12_345, invertRate('1.0163'), USD, USD), '0.84585', USD, USD);
    expect(Math.abs(viaEuro - viaCross)).toBeLessThanOrEqual(1);
  });
});

/** A decimal rate string numerator / 10^scale with its value as a number (for the filters only). */
const rateArbitrary = fc
  .record({ numerator: fc.integer({ min: 1, max: 99_999_999 }), scale: fc.integer({ min: 0, max: 8 }) })
  .map(({ numerator, scale }) => {
    const digits = String(numerator).padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return { text, value: numerator / 10 ** scale };
  })
  // Rates between currencies people trade: from 1/10,000 to 10,000.
  .filter(({ value }) => value >= 0.0001 && value <= 10_000);

describe('properties', () => {
  it('converting with r and back with 1/r comes back within one minor unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        rateArbitrary,
        fc.constantFrom(JPY, USD, KWD),
        fc.constantFrom(JPY, USD, KWD),
        (amount, rate, from, to) => {
          // Holds whenever one minor unit of the source is worth at least a third of one of the
          // target: then the first rounding (half a target unit) is under 1.5 source units. Going
          // the other way (e.g. ¥1 → $0.0072 → $0.01 → ¥1.39) loses the yen in the first rounding.
          fc.pre(rate.value * 10 ** (to - from) >= 1 / 3);
          const there = convertMinor(amount, rate.text, from, to);
          const back = convertMinor(there, invertRate(rate.text), to, from);
          expect(Math.abs(back - amount)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is symmetric around zero and monotonic in the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        rateArbitrary,
        fc.constantFrom(JPY, USD, KWD),
        fc.constantFrom(JPY, USD, KWD),
        (amount, rate, from, to) => {
          const converted = convertMinor(amount, rate.text, from, to);
          expect(convertMinor(-amount, rate.text, from, to) + converted).toBe(0);
          expect(convertMinor(amount + 1, rate.text, from, to)).toBeGreaterThanOrEqual(converted);
        },
      ),
    );
  });

  it('inverting twice gives the rate back, to its significant digits', () => {
    fc.assert(
      fc.property(rateArbitrary, (rate) => {
        fc.pre(rate.value >= 0.01 && rate.value <= 100);
        const twice = Number(invertRate(invertRate(rate.text)));
        expect(Math.abs(twice - rate.value) / rate.value).toBeLessThan(1e-9);
      }),
    );
  });
});
