// Until when anything on an order may still be returned: the latest return window end of its lines
// that have something left to return. Pure; the caller looks up policy, customer and products.
import type { ReturnPolicy } from '../../contracts/configuration.js';
import { addDays } from '../../platform/calendar.js';
import { resolveReturnWindowDays } from './return-window.js';

export interface OrderLineWindowFacts {
  quantityShipped: number;
  quantityCommitted: number;
  deliveryDate: string | null;
  shipDate: string | null;
  /** null when the product is unknown. */
  product: { category: string; isReturnable: boolean } | null;
}

/** Null when no line can come back under the return window (warranty claims are not counted). */
export function findReturnableUntil(
  policy: ReturnPolicy,
  customer: { tier: string; returnWindowDays: number | null },
  lines: readonly OrderLineWindowFacts[],
): string | null {
  let latest: string | null = null;
  for (const line of lines) {
    // Windows run from delivery; from shipment when no delivery was recorded (as eligibility does).
    const start = line.deliveryDate ?? line.shipDate;
    if (!start || !line.product?.isReturnable) continue;
    if (line.quantityShipped - line.quantityCommitted <= 0) continue;
    const { days } = resolveReturnWindowDays(policy, customer.tier, line.product.category, customer.returnWindowDays);
    if (days === 0) continue;
    const endsOn = addDays(start, days);
    if (latest === null || endsOn > latest) latest = endsOn;
  }
  return latest;
}
