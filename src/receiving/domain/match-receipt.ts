// What was counted at the dock, set against what the return expects. Pure: the receiving use case
// gives it the return's lines (with what is still expected of each) and the goods as counted, and
// gets back what is received onto which line and what is an exception. Goods are never lost: every
// counted unit is either received onto a line or becomes an exception that a person resolves.

export type ReceiptExceptionKind =
  /** More units of a product than the return still expects. */
  | 'over_receipt'
  /** A product that is not on the return at all. */
  | 'wrong_item'
  /** A serial number the return does not hold for this product. */
  | 'unknown_serial';

export interface ExpectedLine {
  rmaLineId: string;
  productId: string;
  /** Units the return still expects on this line (authorized minus already received). */
  remaining: number;
  /** Serials the return holds for this line; empty when the product is not serialized. */
  serials: readonly string[];
  /** Serials of this line received by earlier receipts: scanned again, they are an over-receipt. */
  receivedSerials?: readonly string[];
}

export interface CountedGoods {
  productId: string;
  quantity: number;
  /** Serial numbers read from the units; for serialized goods one per unit. */
  serials: readonly string[];
  lots: readonly string[];
  /** The line the receiver chose, when they did; otherwise the first line of the product with units left. */
  rmaLineId?: string | undefined;
  /** As found on arrival, and the lot's expiry: carried through to what is received or excepted. */
  condition?: string | undefined;
  expiry?: string | null | undefined;
}

export interface ReceivedOntoLine {
  rmaLineId: string;
  productId: string;
  quantity: number;
  serials: string[];
  lots: string[];
  condition?: string | undefined;
  expiry?: string | null | undefined;
}

export interface ReceiptException {
  kind: ReceiptExceptionKind;
  productId: string;
  quantity: number;
  serials: string[];
  lots: string[];
  /** Why, in words for the person who resolves it. */
  reason: string;
}

export interface ReceiptMatch {
  received: ReceivedOntoLine[];
  exceptions: ReceiptException[];
}

/**
 * Sets each counted item against the lines, in the order counted. Serialized units match one by
 * one (a serial the line holds is received; any other serial is an exception); unserialized units
 * fill the lines of their product in order, and what is left over is an over-receipt.
 */
export function matchReceipt(lines: readonly ExpectedLine[], counted: readonly CountedGoods[]): ReceiptMatch {
  const left = new Map(lines.map((line) => [line.rmaLineId, line.remaining]));
  const serialsLeft = new Map(
    lines.map((line) => {
      const received = new Set(line.receivedSerials ?? []);
      return [line.rmaLineId, new Set(line.serials.filter((serial) => !received.has(serial)))];
    }),
  );
  const received: ReceivedOntoLine[] = [];
  const exceptions: ReceiptException[] = [];
  // One received entry per counted item and line: each keeps its own condition and expiry.
  const receive = (line: ExpectedLine, item: CountedGoods, quantity: number, serials: string[]) => {
    left.set(line.rmaLineId, (left.get(line.rmaLineId) ?? 0) - quantity);
    received.push({
      rmaLineId: line.rmaLineId,
      productId: line.productId,
      quantity,
      serials,
      lots: [...item.lots],
      condition: item.condition,
      expiry: item.expiry,
    });
  };

  for (const item of counted) {
    const candidates = lines.filter(
      (line) => line.productId === item.productId && (!item.rmaLineId || line.rmaLineId === item.rmaLineId),
    );
    if (candidates.length === 0) {
      exceptions.push({
        kind: 'wrong_item',
        productId: item.productId,
        quantity: item.quantity,
        serials: [...item.serials],
        lots: [...item.lots],
        reason: item.rmaLineId ? 'not the product of the line chosen' : 'this product is not on the return',
      });
      continue;
    }
    if (item.serials.length > 0) {
      for (const serial of item.serials) {
        const line = candidates.find(
          (candidate) => serialsLeft.get(candidate.rmaLineId)?.has(serial) && (left.get(candidate.rmaLineId) ?? 0) > 0,
        );
        if (line) {
          serialsLeft.get(line.rmaLineId)!.delete(serial);
          receive(line, item, 1, [serial]);
        } else {
          const isHeld = candidates.some((candidate) => candidate.serials.includes(serial));
          exceptions.push({
            kind: isHeld ? 'over_receipt' : 'unknown_serial',
            productId: item.productId,
            quantity: 1,
            serials: [serial],
            lots: [...item.lots],
            reason: isHeld ? `serial ${serial} was already received` : `serial ${serial} is not on the return`,
          });
        }
      }
      // Units counted beyond the serials read carry no serial: they are unknown serials too.
      const unserialized = item.quantity - item.serials.length;
      if (unserialized > 0)
        exceptions.push({
          kind: 'unknown_serial',
          productId: item.productId,
          quantity: unserialized,
          serials: [],
          lots: [...item.lots],
          reason: `${unserialized} unit(s) counted without a serial number`,
        });
      continue;
    }
    let quantity = item.quantity;
    for (const line of candidates) {
      const take = Math.min(quantity, Math.max(0, left.get(line.rmaLineId) ?? 0));
      if (take > 0) {
        receive(line, item, take, []);
        quantity -= take;
      }
      if (quantity === 0) break;
    }
    if (quantity > 0)
      exceptions.push({
        kind: 'over_receipt',
        productId: item.productId,
        quantity,
        serials: [],
        lots: [...item.lots],
        reason: `${quantity} unit(s) more than the return still expects`,
      });
  }
  return { received, exceptions };
}
