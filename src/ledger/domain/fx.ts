// Converting an amount between currencies with a published rate, exactly: rates are decimal
// strings as the source printed them (ECB: "1.0812", "162.35"), amounts are integer minor units,
// and the arithmetic is done in integers (BigInt) so no binary fraction creeps in. Rounding is
// half away from zero, to the target currency's minor unit.

const RATE = /^\d{1,12}(\.\d{1,12})?$/;

export function isRate(text: string): boolean {
  return RATE.test(text) && /[1-9]/.test(text);
}

/** A decimal string as a fraction numerator / 10^scale. */
function fraction(text: string): { numerator: bigint; scale: number } {
  const [whole, decimals = ''] = text.split('.');
  return { numerator: BigInt(`${whole}${decimals}`), scale: decimals.length };
}

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/**
 * `amountMinor` of a currency with `fromDigits` minor digits, times `rate` (units of the target per
 * unit of the source), in minor units of a currency with `toDigits`.
 */
export function convertMinor(amountMinor: number, rate: string, fromDigits: number, toDigits: number): number {
  if (!isRate(rate)) throw new Error(`not a rate: ${rate}`);
  const { numerator, scale } = fraction(rate);
  const top = BigInt(amountMinor) * numerator * 10n ** BigInt(toDigits);
  const bottom = 10n ** BigInt(scale + fromDigits);
  return Number(divideRounded(top, bottom));
}

/** 1 ÷ rate, to 12 decimals: the rate the other way round. */
export function invertRate(rate: string): string {
  const { numerator, scale } = fraction(rate);
  const scaled = divideRounded(10n ** BigInt(12 + scale), numerator);
  return decimalOf(scaled, 12);
}

/** a × b, for a cross rate through a common base (ECB: both quoted against the euro). */
export function crossRate(fromPerBase: string, toPerBase: string): string {
  // to per from = (to per base) ÷ (from per base)
  const from = fraction(fromPerBase);
  const to = fraction(toPerBase);
  const scaled = divideRounded(to.numerator * 10n ** BigInt(12 + from.scale), from.numerator * 10n ** BigInt(to.scale));
  return decimalOf(scaled, 12);
}

function decimalOf(scaled: bigint, scale: number): string {
  const digits = scaled.toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const decimals = digits.slice(digits.length - scale).replace(/0+$/, '');
  return decimals ? `${whole}.${decimals}` : whole;
}
