// Which order line a partner's return line returns: the partner names its PO and the item, and one
// PO can hold the item on several lines (split shipments, re-orders under a blanket PO).
export type CandidateLine = { orderLineId: string; productId: string; returnable: number };

/**
 * The line with room for the whole quantity that has the most left (the newest order first on a
 * tie, as the caller sorts them); failing that the one with the most left, so eligibility refuses
 * it with the real quantity rather than us refusing it with none.
 */
export function chooseOrderLine(
  candidates: readonly CandidateLine[],
  productIds: readonly string[],
  quantity: number,
): CandidateLine | null {
  const forItem = candidates.filter((c) => productIds.includes(c.productId));
  if (forItem.length === 0) return null;
  const mostLeft = (lines: readonly CandidateLine[]) =>
    lines.reduce((best, line) => (line.returnable > best.returnable ? line : best));
  const fitting = forItem.filter((c) => c.returnable >= quantity);
  return mostLeft(fitting.length > 0 ? fitting : forItem);
}
