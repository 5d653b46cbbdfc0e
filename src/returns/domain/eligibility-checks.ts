// The individual rules a return line is checked against. Each returns a Check (or null when
// the rule does not apply to this line) whose message a customer can read without help:
// it says what was checked, with the numbers, and what to do when it fails.
import type { Check } from '../../contracts/returns.js';
import type { ReturnType } from '../../contracts/returns-vocabulary.js';
import type { ReturnPolicy } from '../../contracts/configuration.js';
import { resolveReturnWindowDays } from './return-window.js';
import { addDays, addMonths } from '../../platform/calendar.js';
import type { EligibilityLineInput, OrderLineFacts, ProductFacts } from './eligibility-types.js';

export function pass(code: string, message: string): Check {
  return { code, passed: true, message };
}
export function fail(code: string, message: string): Check {
  return { code, passed: false, message };
}

function describeReturnType(t: ReturnType): string {
  return `${t.replaceAll('_', ' ')} returns`;
}
function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function checkReasonCode(reasonCode: string, activeReasonCodes: readonly string[]): Check {
  return activeReasonCodes.includes(reasonCode)
    ? pass('reason_code_active', `Reason '${reasonCode}' is accepted`)
    : fail(
        'reason_code_active',
        `'${reasonCode}' is not one of the return reasons we currently accept; choose a reason from the list`,
      );
}

export function checkReturnable(product: ProductFacts, returnType: ReturnType): Check {
  if (product.isReturnable) return pass('product_returnable', 'This product is returnable');
  if (returnType === 'warranty' || returnType === 'recall') {
    const why = returnType === 'warranty' ? 'a warranty claim is accepted' : 'it is under recall, so it may come back';
    return pass('product_returnable', `This product is sold as non-returnable, but ${why}`);
  }
  return fail(
    'product_returnable',
    'This product is sold as non-returnable; it can only come back under a warranty claim or a recall',
  );
}

export function checkRegulated(product: ProductFacts, returnType: ReturnType): Check | null {
  if (product.regulatedClass === null) return null;
  const what = `This is a regulated product (class '${product.regulatedClass}')`;
  return ['regulated', 'recall', 'warranty'].includes(returnType)
    ? pass('regulated_workflow', `${what}, handled under the regulated-goods workflow`)
    : fail(
        'regulated_workflow',
        `${what}: regulated goods follow a separate handling workflow, so request it as a regulated return (or as a warranty or recall return)`,
      );
}

interface WindowStart {
  date: string;
  phrase: string; // "delivery on 2026-09-01"
}
/** Windows run from delivery; from shipment when no delivery was recorded. */
export function findWindowStart(orderLine: OrderLineFacts): WindowStart | null {
  if (orderLine.deliveryDate) return { date: orderLine.deliveryDate, phrase: `delivery on ${orderLine.deliveryDate}` };
  if (orderLine.shipDate) return { date: orderLine.shipDate, phrase: `shipment on ${orderLine.shipDate}` };
  return null;
}

const NOT_SHIPPED = 'This order line has not shipped yet, so there is nothing to return';

export interface ReturnWindowContext {
  today: string;
  returnType: ReturnType;
  policy: ReturnPolicy;
  tier: string;
  category: string;
  customerOverrideDays: number | null;
  start: WindowStart | null;
}

export function checkReturnWindow(ctx: ReturnWindowContext): { check: Check; endsOn: string | null } {
  if (ctx.policy.windowExemptReturnTypes.includes(ctx.returnType)) {
    const msg = `${capitalize(describeReturnType(ctx.returnType))} are not limited by the return window`;
    return { check: pass('return_window', msg), endsOn: null };
  }
  if (!ctx.start) return { check: fail('return_window', NOT_SHIPPED), endsOn: null };
  const window = resolveReturnWindowDays(ctx.policy, ctx.tier, ctx.category, ctx.customerOverrideDays);
  const endsOn = addDays(ctx.start.date, window.days);
  // A 0-day window means "no returns", not "returns on the delivery day only".
  if (window.days === 0) {
    const msg = `Returns are not accepted for this product: its return window is 0 days (${window.explanation})`;
    return { check: fail('return_window', msg), endsOn };
  }
  const head = `Return window of ${plural(window.days, 'day')} from ${ctx.start.phrase}`;
  const check =
    ctx.today <= endsOn
      ? pass('return_window', `${head} is open until ${endsOn} (${window.explanation})`)
      : fail('return_window', `${head} ended on ${endsOn} (${window.explanation})`);
  return { check, endsOn };
}

export function computeWarrantyEndsOn(product: ProductFacts, start: WindowStart | null): string | null {
  return product.warrantyMonths > 0 && start ? addMonths(start.date, product.warrantyMonths) : null;
}

export function checkWarranty(today: string, product: ProductFacts, start: WindowStart | null): Check {
  if (product.warrantyMonths <= 0) {
    return fail('warranty_window', 'This product carries no warranty, so a warranty claim is not possible');
  }
  if (!start) return fail('warranty_window', NOT_SHIPPED);
  const endsOn = addMonths(start.date, product.warrantyMonths);
  const head = `${product.warrantyMonths}-month warranty from ${start.phrase}`;
  return today <= endsOn
    ? pass('warranty_window', `${head} runs until ${endsOn}`)
    : fail('warranty_window', `${head} ended on ${endsOn}`);
}

export function computeReturnableQuantity(orderLine: OrderLineFacts): number {
  return Math.max(0, orderLine.quantityShipped - orderLine.quantityCommitted);
}

export function checkQuantity(quantity: number, orderLine: OrderLineFacts): Check {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    return fail('quantity_returnable', `Quantity must be a whole number of at least 1 (got ${quantity})`);
  }
  const returnable = computeReturnableQuantity(orderLine);
  const basis = `shipped ${orderLine.quantityShipped}, already returned or authorized ${orderLine.quantityCommitted}`;
  return quantity <= returnable
    ? pass('quantity_returnable', `Returning ${quantity} of ${returnable} still returnable (${basis})`)
    : fail(
        'quantity_returnable',
        `You asked to return ${quantity} but only ${returnable} remain returnable (${basis})`,
      );
}

function findDuplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const v of values) (seen.has(v) ? dupes : seen).add(v);
  return [...dupes];
}

/** Serialized products: one distinct shipped serial per unit, none already on another open return. */
export function checkSerials(
  line: EligibilityLineInput,
  product: ProductFacts,
  orderLine: OrderLineFacts,
  returnType: ReturnType,
): Check[] {
  if (!product.isSerialized) {
    return line.serials.length === 0
      ? []
      : [
          fail(
            'serials_not_expected',
            'This product is not tracked by serial number, so no serial numbers should be listed',
          ),
        ];
  }
  const checks: Check[] = [];
  checks.push(
    ['serialized', 'warranty', 'recall'].includes(returnType)
      ? pass('serialized_workflow', 'Serialized product: each unit is received and inspected by its serial number')
      : pass(
          'serialized_workflow',
          `Serialized product on a ${returnType.replaceAll('_', ' ')} return: the serialized-equipment workflow applies, so each unit is received and inspected by its serial number`,
        ),
  );
  const distinct = [...new Set(line.serials)];
  const dupes = findDuplicates(line.serials);
  if (dupes.length > 0) {
    checks.push(
      fail('serial_count', `Serial numbers must be listed once each; listed more than once: ${dupes.join(', ')}`),
    );
  } else if (distinct.length !== line.quantity) {
    checks.push(
      fail(
        'serial_count',
        `You are returning ${line.quantity} but listed ${plural(distinct.length, 'serial number')}; list exactly one serial number per unit`,
      ),
    );
  } else {
    checks.push(pass('serial_count', `${plural(distinct.length, 'serial number')} listed, one per unit`));
  }
  const notShipped = distinct.filter((s) => !orderLine.serialsShipped.includes(s));
  checks.push(
    notShipped.length === 0
      ? pass('serials_shipped', 'Every serial number listed was shipped on this order line')
      : fail('serials_shipped', `Serial numbers not shipped on this order line: ${notShipped.join(', ')}`),
  );
  const onOther = distinct.filter((s) => line.serialsOnOtherOpenReturns.includes(s));
  checks.push(
    onOther.length === 0
      ? pass('serials_not_on_open_return', 'None of these serial numbers is already on another open return')
      : fail('serials_not_on_open_return', `Serial numbers already on another open return: ${onOther.join(', ')}`),
  );
  return checks;
}

/** Lots are optional at request time (they are captured at receipt), but must be real if given. */
export function checkLots(line: EligibilityLineInput, product: ProductFacts, orderLine: OrderLineFacts): Check | null {
  if (!product.isLotControlled) return null;
  if (line.lots.length === 0) {
    return pass(
      'lots_shipped',
      'Lot-controlled product: no lot given, so the lot will be recorded when the goods arrive',
    );
  }
  const unknown = [...new Set(line.lots)].filter((l) => !orderLine.lotsShipped.includes(l));
  return unknown.length === 0
    ? pass('lots_shipped', 'Every lot listed was shipped on this order line')
    : fail('lots_shipped', `Lots not shipped on this order line: ${unknown.join(', ')}`);
}
