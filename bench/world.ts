// The data the benchmark runs against, built through the same factories as the HTTP tests:
// one legal entity and site, a few gold-tier customers, one product, and enough delivered order
// lines that every measured "create a return" request gets a line of its own.
import type { Platform } from '../src/platform/unit-of-work.js';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeSite } from '../tests/support/factories.js';

export interface BenchLine {
  orderLineId: string;
  customerId: string;
}

/** The bench product's GTIN-13 (check digit 4): receipt scans carry it as AI 01. */
export const BENCH_GTIN = '4006381333931';

export async function buildWorld(
  platform: Platform,
  options: { lines: number; customers?: number; linesPerOrder?: number },
): Promise<BenchLine[]> {
  const entity = await makeLegalEntity(platform);
  await makeSite(platform, entity.id);
  const product = await makeProduct(platform, { gtin: BENCH_GTIN });
  const customers = [];
  for (let i = 0; i < (options.customers ?? 20); i++)
    customers.push(await makeCustomer(platform, entity.id, { tier: 'gold' }));
  const perOrder = options.linesPerOrder ?? 40;
  const lines: BenchLine[] = [];
  for (let o = 0; lines.length < options.lines; o++) {
    const customer = customers[o % customers.length]!;
    const count = Math.min(perOrder, options.lines - lines.length);
    const order = await makeOrder(platform, {
      customerId: customer.id,
      legalEntityId: entity.id,
      lines: Array.from({ length: count }, () => ({
        productId: product.id,
        quantityShipped: 10,
        unitPriceMinor: 10000,
        taxMinor: 0,
      })),
    });
    for (const line of order.lines) lines.push({ orderLineId: line.id, customerId: customer.id });
  }
  return lines;
}

/** A return request for two units on one line: eligible, and below the auto-approval limit. */
export function returnBody(line: BenchLine) {
  return {
    customerId: line.customerId,
    returnType: 'standard',
    note: 'benchmark',
    lines: [
      { orderLineId: line.orderLineId, quantity: 2, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
    ],
  };
}
