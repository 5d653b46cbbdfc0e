// An exchange's price difference, in numbers. Pure. The other product's price less what the
// returned one was sold at is quoted per line when the exchange is requested, with tax at the rate
// the original order line was taxed at — the ratio the credit memo gives back per unit, the line's
// tax over its invoiced price — so a dearer product is taxed as the sale was and a cheaper one
// gives back tax as a credit would. A line without an original sale has no rate: its difference is
// net. When the exchange ships, the order's difference is invoiced (positive) or credited
// (negative) as quoted; all its lines go one way, so the tax never runs against the net.

export interface SoldAt {
  unitPriceMinor: number;
  quantityInvoiced: number;
  taxMinor: number;
}

/** The tax on a signed difference at the sold line's rate, rounded half up in size, signed like it. */
export function taxOnDifference(differenceMinor: number, sold: SoldAt | null): number {
  if (!sold || differenceMinor === 0) return 0;
  const invoicedMinor = sold.unitPriceMinor * sold.quantityInvoiced;
  if (invoicedMinor <= 0 || sold.taxMinor === 0) return 0;
  const size = Math.round((Math.abs(differenceMinor) * sold.taxMinor) / invoicedMinor);
  return differenceMinor < 0 ? -size : size;
}

export interface LineDifference {
  netMinor: number;
  taxMinor: number;
}

export interface OrderDifference {
  /** Net plus tax: positive the customer pays, negative they are credited. */
  totalMinor: number;
  netMinor: number;
  taxMinor: number;
}

/** The order's difference: its lines' added up. */
export function orderDifference(lines: readonly LineDifference[]): OrderDifference {
  const netMinor = lines.reduce((sum, line) => sum + line.netMinor, 0);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0);
  return { totalMinor: netMinor + taxMinor, netMinor, taxMinor };
}

/**
 * The index of the first line whose difference runs the other way from an earlier one, or -1. An
 * exchange is one invoice or one credit; lines that cost more and lines that cost less are two.
 */
export function firstLineAgainst(lines: readonly LineDifference[]): number {
  let direction = 0;
  for (const [index, line] of lines.entries()) {
    const sign = Math.sign(line.netMinor);
    if (sign === 0) continue;
    if (direction !== 0 && sign !== direction) return index;
    direction = sign;
  }
  return -1;
}
