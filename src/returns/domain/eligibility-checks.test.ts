import { describe, it, expect } from 'vitest';
import { evaluateEligibility, type EligibilityInput, type LineEligibility } from './eligibility.js';
import { buildInput, buildLine, buildOrderLine, buildProduct, TEST_POLICY } from './eligibility.test-fixtures.js';
import { checkQuantity, checkReturnWindow, findWindowStart } from './eligibility-checks.js';

function evaluateOne(overrides: Partial<EligibilityInput> = {}): LineEligibility {
  const line = evaluateEligibility(buildInput(overrides)).lines[0];
  if (!line) throw new Error('no line verdict');
  return line;
}
function findCheck(line: LineEligibility, code: string) {
  return line.checks.find((c) => c.code === code);
}

describe('return window', () => {
  const gold = { id: 'cus-1', tier: 'gold', isOnCreditHold: false, returnWindowDays: null };

  it('passes on the last day of the window and says until when', () => {
    const line = evaluateOne({ today: '2026-10-01' });
    expect(findCheck(line, 'return_window')).toEqual({
      code: 'return_window',
      passed: true,
      message: 'Return window of 30 days from delivery on 2026-09-01 is open until 2026-10-01 (standard policy)',
    });
  });

  it('fails the day after, naming the rule that set the window', () => {
    const line = evaluateOne({
      today: '2026-11-01',
      customer: gold,
      lines: [buildLine({ product: buildProduct({ category: 'Networking' }) })],
    });
    expect(findCheck(line, 'return_window')).toEqual({
      code: 'return_window',
      passed: false,
      message: 'Return window of 60 days from delivery on 2026-09-01 ended on 2026-10-31 (gold tier)',
    });
    expect(line.returnWindowEndsOn).toBe('2026-10-31');
  });

  it('uses the customer contract over the policy', () => {
    const line = evaluateOne({ today: '2026-09-20', customer: { ...gold, returnWindowDays: 7 } });
    expect(findCheck(line, 'return_window')?.message).toBe(
      'Return window of 7 days from delivery on 2026-09-01 ended on 2026-09-08 (contracted for your account)',
    );
  });

  it('counts from shipment when no delivery date is known', () => {
    const line = evaluateOne({
      lines: [buildLine({ orderLine: buildOrderLine({ deliveryDate: null, shipDate: '2026-08-20' }) })],
    });
    expect(findCheck(line, 'return_window')?.message).toMatch(/from shipment on 2026-08-20 is open until 2026-09-19/);
  });

  it('fails a line that has not shipped', () => {
    const line = evaluateOne({
      lines: [buildLine({ orderLine: buildOrderLine({ deliveryDate: null, shipDate: null }) })],
    });
    expect(findCheck(line, 'return_window')).toMatchObject({
      passed: false,
      message: expect.stringMatching(/not shipped yet/),
    });
    expect(line.returnWindowEndsOn).toBeNull();
    expect(line.warrantyEndsOn).toBeNull();
  });

  it('treats a 0-day window as no returns at all, even on delivery day', () => {
    const line = evaluateOne({
      today: '2026-09-01',
      lines: [buildLine({ product: buildProduct({ category: 'Pharmaceuticals' }) })],
    });
    expect(findCheck(line, 'return_window')).toMatchObject({
      passed: false,
      message: "Returns are not accepted for this product: its return window is 0 days (category 'Pharmaceuticals')",
    });
  });

  it('exempts the policy’s exempt return types and says so', () => {
    const line = evaluateOne({ returnType: 'recall', today: '2030-01-01' });
    expect(findCheck(line, 'return_window')).toEqual({
      code: 'return_window',
      passed: true,
      message: 'Recall returns are not limited by the return window',
    });
    expect(line.returnWindowEndsOn).toBeNull();
  });

  it('applies the window to a type the policy does not exempt', () => {
    const policy = { ...TEST_POLICY, windowExemptReturnTypes: [] };
    const out = checkReturnWindow({
      today: '2027-01-01',
      returnType: 'recall',
      policy,
      tier: 'silver',
      category: 'X',
      customerOverrideDays: null,
      start: findWindowStart(buildOrderLine()),
    });
    expect(out.check.passed).toBe(false);
    expect(out.endsOn).toBe('2026-10-01');
  });
});

describe('warranty window', () => {
  it('passes inside the warranty and reports its end', () => {
    const line = evaluateOne({ returnType: 'warranty', today: '2027-08-31' });
    expect(findCheck(line, 'warranty_window')).toEqual({
      code: 'warranty_window',
      passed: true,
      message: '12-month warranty from delivery on 2026-09-01 runs until 2027-09-01',
    });
    expect(line.isEligible).toBe(true);
  });

  it('fails after the warranty ended', () => {
    const line = evaluateOne({ returnType: 'warranty', today: '2027-09-02' });
    expect(findCheck(line, 'warranty_window')?.message).toBe(
      '12-month warranty from delivery on 2026-09-01 ended on 2027-09-01',
    );
    expect(line.isEligible).toBe(false);
  });

  it('fails a claim on a product with no warranty', () => {
    const line = evaluateOne({
      returnType: 'warranty',
      lines: [buildLine({ product: buildProduct({ warrantyMonths: 0 }) })],
    });
    expect(findCheck(line, 'warranty_window')).toMatchObject({
      passed: false,
      message: expect.stringMatching(/no warranty/),
    });
    expect(line.warrantyEndsOn).toBeNull();
  });

  it('is only checked on warranty returns', () => {
    expect(findCheck(evaluateOne({ today: '2030-01-01' }), 'warranty_window')).toBeUndefined();
  });
});

describe('quantity', () => {
  it('explains a request for more than remains returnable', () => {
    const line = evaluateOne({
      lines: [buildLine({ quantity: 5, orderLine: buildOrderLine({ quantityCommitted: 7 }) })],
    });
    expect(findCheck(line, 'quantity_returnable')).toEqual({
      code: 'quantity_returnable',
      passed: false,
      message: 'You asked to return 5 but only 3 remain returnable (shipped 10, already returned or authorized 7)',
    });
    expect(line.returnableQuantity).toBe(3);
  });

  it('never reports a negative returnable quantity', () => {
    const ol = buildOrderLine({ quantityShipped: 2, quantityCommitted: 5 });
    expect(evaluateOne({ lines: [buildLine({ orderLine: ol })] }).returnableQuantity).toBe(0);
  });

  it('rejects zero or fractional quantities', () => {
    expect(checkQuantity(0, buildOrderLine()).passed).toBe(false);
    expect(checkQuantity(1.5, buildOrderLine()).message).toMatch(/whole number of at least 1/);
  });
});

describe('serials', () => {
  const serialized = buildProduct({ isSerialized: true });
  const shipped = buildOrderLine({ serialsShipped: ['S1', 'S2', 'S3'] });
  const serialLine = (serials: string[], extra: Parameters<typeof buildLine>[0] = {}) =>
    buildLine({ quantity: 2, serials, product: serialized, orderLine: shipped, ...extra });

  it('passes one shipped serial per unit and notes the serialized workflow on a standard return', () => {
    const line = evaluateOne({ lines: [serialLine(['S1', 'S3'])] });
    expect(line.isEligible).toBe(true);
    expect(findCheck(line, 'serialized_workflow')?.message).toMatch(
      /standard return: the serialized-equipment workflow applies/,
    );
    expect(findCheck(line, 'serial_count')?.message).toBe('2 serial numbers listed, one per unit');
  });

  it('fails a count that does not match the quantity', () => {
    const line = evaluateOne({ lines: [serialLine(['S1'])] });
    expect(findCheck(line, 'serial_count')?.message).toBe(
      'You are returning 2 but listed 1 serial number; list exactly one serial number per unit',
    );
  });

  it('fails a serial listed twice', () => {
    const line = evaluateOne({ lines: [serialLine(['S1', 'S1'])] });
    expect(findCheck(line, 'serial_count')).toMatchObject({
      passed: false,
      message: expect.stringMatching(/more than once: S1$/),
    });
  });

  it('fails serials not shipped on this order line', () => {
    const line = evaluateOne({ lines: [serialLine(['S1', 'X9'])] });
    expect(findCheck(line, 'serials_shipped')).toMatchObject({
      passed: false,
      message: 'Serial numbers not shipped on this order line: X9',
    });
  });

  it('fails serials already on another open return', () => {
    const line = evaluateOne({ lines: [serialLine(['S1', 'S2'], { serialsOnOtherOpenReturns: ['S2'] })] });
    expect(findCheck(line, 'serials_not_on_open_return')).toMatchObject({
      passed: false,
      message: 'Serial numbers already on another open return: S2',
    });
  });

  it('refuses serials for a product that is not serialized', () => {
    const line = evaluateOne({ lines: [buildLine({ serials: ['S1'] })] });
    expect(findCheck(line, 'serials_not_expected')?.passed).toBe(false);
  });
});

describe('lots', () => {
  const lotted = buildProduct({ isLotControlled: true });
  const orderLine = buildOrderLine({ lotsShipped: ['L1', 'L2'] });

  it('accepts no lot at request time and says when it will be captured', () => {
    const line = evaluateOne({ lines: [buildLine({ product: lotted, orderLine })] });
    expect(findCheck(line, 'lots_shipped')).toMatchObject({
      passed: true,
      message: expect.stringMatching(/recorded when the goods arrive/),
    });
  });

  it('accepts shipped lots and rejects others', () => {
    expect(
      findCheck(evaluateOne({ lines: [buildLine({ product: lotted, orderLine, lots: ['L2'] })] }), 'lots_shipped')
        ?.passed,
    ).toBe(true);
    const bad = evaluateOne({ lines: [buildLine({ product: lotted, orderLine, lots: ['L2', 'L7'] })] });
    expect(findCheck(bad, 'lots_shipped')).toMatchObject({
      passed: false,
      message: 'Lots not shipped on this order line: L7',
    });
  });

  it('adds no lot check for products without lot control', () => {
    expect(findCheck(evaluateOne(), 'lots_shipped')).toBeUndefined();
  });
});
