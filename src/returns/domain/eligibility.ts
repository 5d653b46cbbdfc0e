// Is this return request allowed? Every rule that applies is reported, passed or failed, so
// the verdict explains itself to the customer and to the agent who reads it later.
import type { Check } from '../../contracts/returns.js';
import {
  checkLots,
  checkQuantity,
  checkReasonCode,
  checkRegulated,
  checkReturnWindow,
  checkReturnable,
  checkSerials,
  checkWarranty,
  computeReturnableQuantity,
  computeWarrantyEndsOn,
  fail,
  findWindowStart,
  pass,
} from './eligibility-checks.js';
import type {
  EligibilityCustomer,
  EligibilityInput,
  EligibilityLineInput,
  EligibilityResult,
  LineEligibility,
} from './eligibility-types.js';
import { computeLineValueMinor } from './line-value.js';
import { parseIsoDate } from '../../platform/calendar.js';

export type * from './eligibility-types.js';

function checkCreditHold(customer: EligibilityCustomer): Check {
  return customer.isOnCreditHold
    ? fail(
        'customer_not_on_credit_hold',
        'Your account is on credit hold, so returns cannot be authorized until the hold is released; please contact your account manager',
      )
    : pass('customer_not_on_credit_hold', 'Your account is not on credit hold');
}

/** Line numbers (1-based, as people count) on which each order line appears. */
function mapOrderLineOccurrences(lines: readonly EligibilityLineInput[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  lines.forEach((line, i) => map.set(line.orderLineId, [...(map.get(line.orderLineId) ?? []), i + 1]));
  return map;
}

function checkUnique(orderLineId: string, occurrences: Map<string, number[]>): Check {
  const where = occurrences.get(orderLineId) ?? [];
  return where.length <= 1
    ? pass('order_line_unique', 'This order line appears once in the request')
    : fail(
        'order_line_unique',
        `The same order line appears on lines ${where.join(', ')} of this request; combine them into one line`,
      );
}

function evaluateLine(
  input: EligibilityInput,
  line: EligibilityLineInput,
  lineIndex: number,
  occurrences: Map<string, number[]>,
): LineEligibility {
  const base = { lineIndex, orderLineId: line.orderLineId, returnWindowEndsOn: null, warrantyEndsOn: null };
  const { orderLine, product } = line;
  // Another customer's order line is reported exactly like a missing one, so the answer
  // reveals nothing about other customers' orders.
  if (!orderLine || orderLine.customerId !== input.customer.id) {
    const message = `We could not find order line '${line.orderLineId}' on any of your orders`;
    return {
      ...base,
      isEligible: false,
      checks: [fail('order_line_not_found', message)],
      returnableQuantity: 0,
      valueMinor: 0,
    };
  }
  const checks: Check[] = [
    pass('order_line_found', 'This order line is on one of your orders'),
    checkUnique(line.orderLineId, occurrences),
    checkReasonCode(line.reasonCode, input.activeReasonCodes),
  ];
  const returnableQuantity = computeReturnableQuantity(orderLine);
  const valueMinor =
    Number.isSafeInteger(line.quantity) && line.quantity > 0
      ? computeLineValueMinor({
          quantity: line.quantity,
          unitPriceMinor: orderLine.unitPriceMinor,
          taxMinor: orderLine.taxMinor,
          quantityShipped: orderLine.quantityShipped,
        })
      : 0;
  const result = { ...base, returnableQuantity, valueMinor };
  if (!product) {
    checks.push(
      fail('product_found', 'We could not find the product on this order line; please contact customer service'),
    );
    checks.push(checkQuantity(line.quantity, orderLine));
    return { ...result, isEligible: false, checks };
  }

  const start = findWindowStart(orderLine);
  const window = checkReturnWindow({
    today: input.today,
    returnType: input.returnType,
    policy: input.policy,
    tier: input.customer.tier,
    category: product.category,
    customerOverrideDays: input.customer.returnWindowDays,
    start,
  });
  checks.push(checkReturnable(product, input.returnType));
  const regulated = checkRegulated(product, input.returnType);
  if (regulated) checks.push(regulated);
  checks.push(window.check);
  if (input.returnType === 'warranty') checks.push(checkWarranty(input.today, product, start));
  checks.push(checkQuantity(line.quantity, orderLine));
  checks.push(...checkSerials(line, product, orderLine, input.returnType));
  const lots = checkLots(line, product, orderLine);
  if (lots) checks.push(lots);

  return {
    ...result,
    isEligible: checks.every((c) => c.passed),
    checks,
    returnWindowEndsOn: window.endsOn,
    warrantyEndsOn: computeWarrantyEndsOn(product, start),
  };
}

export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  parseIsoDate(input.today); // a malformed clock is a bug, not a customer problem: throw
  const customerChecks = [checkCreditHold(input.customer)];
  if (input.lines.length === 0) customerChecks.push(fail('request_has_lines', 'A return needs at least one line'));
  const occurrences = mapOrderLineOccurrences(input.lines);
  const lines = input.lines.map((line, i) => evaluateLine(input, line, i, occurrences));
  return {
    isEligible: customerChecks.every((c) => c.passed) && lines.every((l) => l.isEligible),
    customerChecks,
    lines,
  };
}
