// Receiving's codes in the words the warehouse uses.
import type { ReceiptExceptionView } from '../../../../src/contracts/receiving.js';

export const EXCEPTION_KIND_LABELS: Record<ReceiptExceptionView['kind'], string> = {
  over_receipt: 'More than the return expects',
  wrong_item: 'Product not on the return',
  unknown_serial: 'Serial number not on the return',
  short_delivery: 'Fewer than announced',
};

export const RESOLUTION_LABELS: Record<NonNullable<ReceiptExceptionView['resolution']>, string> = {
  accepted_onto_return: 'Accept onto the return',
  unauthorized_return: 'Open an unauthorized return for the customer',
  refused: 'Refuse and send back',
};

/** What was decided, as the queue and the return's receiving screen show it. */
export const RESOLVED_LABELS: Record<NonNullable<ReceiptExceptionView['resolution']>, string> = {
  accepted_onto_return: 'Accepted onto the return',
  unauthorized_return: 'Unauthorized return opened',
  refused: 'Refused, sent back',
};

export function productLabel(exception: Pick<ReceiptExceptionView, 'productSku' | 'productName'>): string {
  if (!exception.productSku) return exception.productName ?? 'Unknown product';
  return exception.productName ? `${exception.productSku} · ${exception.productName}` : exception.productSku;
}

const GROUP_SEPARATOR = String.fromCharCode(0x1d);

/** A scan as people read it: the invisible group separator (GS, 0x1D) shown as ␝. */
export function readableScan(scan: string): string {
  return scan.split(GROUP_SEPARATOR).join('␝');
}
