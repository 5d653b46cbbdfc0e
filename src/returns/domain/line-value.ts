// The value of a return line: what the customer paid for the units coming back, tax
// included pro rata. Integer minor units throughout; BigInt for the intermediate product
// because quantity × price × tax can exceed 2^53 long before the result does.

/** Divides and rounds half away from zero (half-up for the non-negative amounts we expect). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

export interface LineValueInput {
  quantity: number;
  unitPriceMinor: number;
  /** Tax charged on the whole order line, for all units shipped. */
  taxMinor: number;
  quantityShipped: number;
}

/** quantity × unit price + taxMinor × quantity / quantityShipped, rounded half-up. */
export function computeLineValueMinor(input: LineValueInput): number {
  const { quantity, unitPriceMinor, taxMinor, quantityShipped } = input;
  for (const [name, v] of Object.entries(input)) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`${name} must be a whole number, got ${v}`);
  }
  const goods = BigInt(quantity) * BigInt(unitPriceMinor);
  // Nothing shipped means no tax was charged per unit; the quantity check rejects the line anyway.
  const tax =
    quantityShipped === 0 ? 0n : divideRoundHalfUp(BigInt(taxMinor) * BigInt(quantity), BigInt(quantityShipped));
  const total = goods + tax;
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`line value ${total} minor units is too large to represent exactly`);
  }
  return Number(total);
}
