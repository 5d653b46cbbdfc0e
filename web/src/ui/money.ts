// Money arrives as integer minor units; the currency's ISO 4217 minor units (the same table the
// server validates with) decide where the decimal point goes: JPY 0, KWD/BHD 3, most 2.
import { isKnownCurrency, minorUnitsOf } from '../../../src/platform/money/currencies.js';

const DEFAULT_MINOR_DIGITS = 2;

export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  return isKnownCurrency(code) ? minorUnitsOf(code) : DEFAULT_MINOR_DIGITS;
}

export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}

/** Minor units shown as a plain decimal for editing, e.g. 250000 USD → "2500.00". */
export function minorToMajorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** Parses a decimal typed by a person into minor units; null when it is not a valid amount. */
export function majorTextToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const trimmed = text.trim().replace(/,/g, '');
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(trimmed)) return null;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
