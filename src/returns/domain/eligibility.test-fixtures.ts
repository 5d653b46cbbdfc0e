// Test fixtures for eligibility: one valid request that each test bends in one way.
// Kept out of the *.test.ts files so the unit and property tests build inputs alike.
import type { ReturnPolicy } from '../../contracts/configuration.js';
import type { EligibilityInput, EligibilityLineInput, OrderLineFacts, ProductFacts } from './eligibility-types.js';

export const TEST_POLICY: ReturnPolicy = {
  defaultReturnWindowDays: 30,
  windows: [
    { tier: 'gold', category: '*', days: 60 },
    { tier: '*', category: 'Pharmaceuticals', days: 0 },
  ],
  authorizationValidDays: 30,
  windowExemptReturnTypes: ['warranty', 'recall'],
};

export function buildOrderLine(overrides: Partial<OrderLineFacts> = {}): OrderLineFacts {
  return {
    orderId: 'ord-1',
    customerId: 'cus-1',
    quantityShipped: 10,
    quantityCommitted: 0,
    unitPriceMinor: 1000,
    taxMinor: 2000,
    deliveryDate: '2026-09-01',
    shipDate: '2026-08-29',
    serialsShipped: [],
    lotsShipped: [],
    ...overrides,
  };
}

export function buildProduct(overrides: Partial<ProductFacts> = {}): ProductFacts {
  return {
    category: 'Networking',
    isReturnable: true,
    isSerialized: false,
    isLotControlled: false,
    regulatedClass: null,
    warrantyMonths: 12,
    ...overrides,
  };
}

export function buildLine(overrides: Partial<EligibilityLineInput> = {}): EligibilityLineInput {
  return {
    orderLineId: 'ol-1',
    quantity: 2,
    serials: [],
    lots: [],
    reasonCode: 'DEFECTIVE',
    orderLine: buildOrderLine(),
    product: buildProduct(),
    serialsOnOtherOpenReturns: [],
    ...overrides,
  };
}

export function buildInput(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    today: '2026-09-15',
    returnType: 'standard',
    policy: TEST_POLICY,
    customer: { id: 'cus-1', tier: 'silver', isOnCreditHold: false, returnWindowDays: null },
    activeReasonCodes: ['DEFECTIVE', 'OVERSTOCK'],
    lines: [buildLine()],
    ...overrides,
  };
}
