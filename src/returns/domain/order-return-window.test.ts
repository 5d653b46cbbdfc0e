import { describe, expect, it } from 'vitest';
import type { ReturnPolicy } from '../../contracts/configuration.js';
import { findReturnableUntil, type OrderLineWindowFacts } from './order-return-window.js';

const policy = {
  defaultReturnWindowDays: 30,
  windows: [{ tier: 'gold', category: 'Networking', days: 60 }],
} as unknown as ReturnPolicy;
const gold = { tier: 'gold', returnWindowDays: null };
const line = (overrides: Partial<OrderLineWindowFacts> = {}): OrderLineWindowFacts => ({
  quantityShipped: 2,
  quantityCommitted: 0,
  deliveryDate: '2026-11-01',
  shipDate: '2026-10-30',
  product: { category: 'Power Tools', isReturnable: true },
  ...overrides,
});

describe('until when an order can be returned', () => {
  it('is the latest window end over its lines, by each line’s own window', () => {
    const networking = { category: 'Networking', isReturnable: true };
    expect(findReturnableUntil(policy, gold, [line(), line({ product: networking })])).toBe('2026-12-31');
  });

  it('runs from shipment when no delivery was recorded, and a contracted window wins', () => {
    expect(findReturnableUntil(policy, { tier: 'gold', returnWindowDays: 10 }, [line({ deliveryDate: null })])).toBe(
      '2026-11-09',
    );
  });

  it('leaves out lines that are returned already, not returnable, unknown, unshipped or have a 0-day window', () => {
    expect(
      findReturnableUntil(policy, gold, [
        line({ quantityCommitted: 2 }),
        line({ product: { category: 'Power Tools', isReturnable: false } }),
        line({ product: null }),
        line({ deliveryDate: null, shipDate: null }),
      ]),
    ).toBeNull();
    expect(findReturnableUntil(policy, { tier: 'gold', returnWindowDays: 0 }, [line()])).toBeNull();
  });
});
