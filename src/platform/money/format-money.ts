// Money for people to read: "USD 2,500.00". Integer minor units in, string out, no floats
// anywhere, so a large amount can never pick up a rounding error on its way to the screen.

import { ISO_4217_CURRENCIES } from './currencies.js';

const MINOR_UNITS: ReadonlyMap<string, number> = new Map(
  ISO_4217_CURRENCIES.map(([code, , units]) => [code, units ?? 0] as const),
);

/** Number of decimals a currency uses (ISO 4217 exponent); 2 for codes the table does not know. */
export function getMinorUnits(currency: string): number {
  return MINOR_UNITS.get(currency.toUpperCase()) ?? 2;
}

/** Formats integer minor units, e.g. formatMinor(250000, 'USD') → "USD 2,500.00". */
export function formatMinor(minor: number | bigint, currency: string, minorUnits = getMinorUnits(currency)): string {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new RangeError(`money must be whole minor units, got ${minor}`);
  }
  if (!Number.isInteger(minorUnits) || minorUnits < 0) throw new RangeError(`bad minor units: ${minorUnits}`);
  const value = BigInt(minor);
  const digits = (value < 0n ? -value : value).toString().padStart(minorUnits + 1, '0');
  const whole = digits.slice(0, digits.length - minorUnits);
  const fraction = digits.slice(digits.length - minorUnits);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0n ? '-' : '';
  return `${currency} ${sign}${grouped}${minorUnits > 0 ? `.${fraction}` : ''}`;
}
