import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatMinor, getMinorUnits } from './format-money.js';

describe('formatMinor', () => {
  it.each([
    [250000, 'USD', 'USD 2,500.00'],
    [12000, 'USD', 'USD 120.00'],
    [5, 'EUR', 'EUR 0.05'],
    [0, 'GBP', 'GBP 0.00'],
    [30000000, 'JPY', 'JPY 30,000,000'],
    [999, 'KRW', 'KRW 999'],
    [1234567, 'KWD', 'KWD 1,234.567'],
    [10000, 'CLF', 'CLF 1.0000'],
    [-150, 'USD', 'USD -1.50'],
    [100000000, 'USD', 'USD 1,000,000.00'],
  ] as const)('formats %d %s as %s', (minor, currency, expected) => {
    expect(formatMinor(minor, currency)).toBe(expected);
  });

  it('accepts an explicit number of minor units', () => {
    expect(formatMinor(123456, 'XTS', 3)).toBe('XTS 123.456');
    expect(formatMinor(123456, 'USD', 0)).toBe('USD 123,456');
  });

  it('formats bigints beyond the safe integer range exactly', () => {
    expect(formatMinor(12345678901234567890n, 'USD')).toBe('USD 123,456,789,012,345,678.90');
  });

  it('refuses fractional minor units instead of rounding them', () => {
    expect(() => formatMinor(1.5, 'USD')).toThrow(RangeError);
  });

  it('knows the common exponents and defaults to 2', () => {
    expect(getMinorUnits('JPY')).toBe(0);
    expect(getMinorUnits('bhd')).toBe(3);
    expect(getMinorUnits('CLF')).toBe(4);
    expect(getMinorUnits('USD')).toBe(2);
    expect(getMinorUnits('ZZZ')).toBe(2);
  });

  it('round-trips: stripping separators gives back the integer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom('USD', 'JPY', 'KWD', 'CLF'), (n, cur) => {
        const text = formatMinor(n, cur);
        expect(text.startsWith(`${cur} `)).toBe(true);
        expect(Number(text.slice(4).replace(/[,.]/g, ''))).toBe(n);
      }),
    );
  });
});
