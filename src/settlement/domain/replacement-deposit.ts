// An advance replacement's deposit, in numbers. Pure. The deposit is what the replaced units were
// invoiced at in the original sale — their price and their share of the line's tax — so a return
// that never arrives is invoiced at exactly what the customer paid for the goods it kept.
// It is fixed when the advance replacement is requested — what the customer is told they will be
// charged — and charged as fixed when it ships, for the units still awaited then.
// Released in parts as units arrive, each part takes the cumulative share
// round(F·(k+u)/N) − round(F·k/N) of the amount F the books hold for N units, so the parts of a
// deposit add up to it exactly whatever order they come in; what is invoiced is what is left.

export interface DepositOfUnits {
  priceMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** The deposit for `units` units of an invoiced line: price and their share of its tax. */
export function depositFor(
  units: number,
  line: { unitPriceMinor: number; quantityInvoiced: number; taxMinor: number },
): DepositOfUnits {
  if (units <= 0) return { priceMinor: 0, taxMinor: 0, totalMinor: 0 };
  const priceMinor = units * line.unitPriceMinor;
  const taxMinor = line.quantityInvoiced > 0 ? Math.round((line.taxMinor * units) / line.quantityInvoiced) : 0;
  return { priceMinor, taxMinor, totalMinor: priceMinor + taxMinor };
}

/**
 * What is charged at shipping of a deposit fixed at the request for `fixed.units` units: all of it,
 * or, when some of them arrived before it shipped, the share of the `units` still awaited — the
 * request's price per unit and its tax shared out by units, never more than was fixed.
 */
export function depositStillAwaited(
  fixed: { units: number; totalMinor: number; taxMinor: number },
  units: number,
): DepositOfUnits {
  const covered = Math.min(units, fixed.units);
  if (covered <= 0) return { priceMinor: 0, taxMinor: 0, totalMinor: 0 };
  const shareOf = (amount: number) => Math.round((amount * covered) / fixed.units);
  const taxMinor = shareOf(fixed.taxMinor);
  const priceMinor = shareOf(fixed.totalMinor - fixed.taxMinor);
  return { priceMinor, taxMinor, totalMinor: priceMinor + taxMinor };
}

/** The part of `heldMinor` (held for `depositUnits`) that `units` more units release after `releasedUnits`. */
export function releasedShare(heldMinor: number, depositUnits: number, releasedUnits: number, units: number): number {
  if (depositUnits <= 0 || units <= 0) return 0;
  const upTo = (k: number) => Math.round((heldMinor * k) / depositUnits);
  return upTo(Math.min(depositUnits, releasedUnits + units)) - upTo(releasedUnits);
}

/**
 * An invoiced remainder split into the sale and the tax on it, in the proportion the deposit was
 * charged in (the original sale's): the tax is rounded, the sale takes the rest.
 */
export function splitInvoice(
  amountMinor: number,
  deposit: { totalMinor: number; taxMinor: number },
): { salesMinor: number; taxMinor: number } {
  const taxMinor = deposit.totalMinor > 0 ? Math.round((amountMinor * deposit.taxMinor) / deposit.totalMinor) : 0;
  return { salesMinor: amountMinor - taxMinor, taxMinor };
}

/** The last day the return may arrive before the deposit is invoiced. */
export function depositDueOn(shippedOn: string, days: number): string {
  const date = new Date(`${shippedOn}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
