import { describe, it, expect } from 'vitest';
import { VerdictSchema } from '../../contracts/returns.js';
import { evaluateEligibility, type EligibilityInput, type LineEligibility } from './eligibility.js';
import { buildInput, buildLine, buildOrderLine, buildProduct } from './eligibility.test-fixtures.js';

function evaluateOne(overrides: Partial<EligibilityInput> = {}): LineEligibility {
  const line = evaluateEligibility(buildInput(overrides)).lines[0];
  if (!line) throw new Error('no line verdict');
  return line;
}
function findCheck(line: LineEligibility, code: string) {
  return line.checks.find((c) => c.code === code);
}
function failedCodes(line: LineEligibility): string[] {
  return line.checks.filter((c) => !c.passed).map((c) => c.code);
}

describe('evaluateEligibility: a good request', () => {
  const result = evaluateEligibility(buildInput());

  it('is eligible and lists every check it made, all passed', () => {
    expect(result.isEligible).toBe(true);
    expect(result.customerChecks).toEqual([
      { code: 'customer_not_on_credit_hold', passed: true, message: 'Your account is not on credit hold' },
    ]);
    expect(result.lines[0]?.checks.map((c) => c.code)).toEqual([
      'order_line_found',
      'order_line_unique',
      'reason_code_active',
      'product_returnable',
      'return_window',
      'quantity_returnable',
    ]);
    expect(result.lines[0]?.checks.every((c) => c.passed)).toBe(true);
  });

  it('reports quantities, dates and value', () => {
    expect(result.lines[0]).toMatchObject({
      lineIndex: 0,
      orderLineId: 'ol-1',
      isEligible: true,
      returnableQuantity: 10,
      returnWindowEndsOn: '2026-10-01',
      warrantyEndsOn: '2027-09-01',
      valueMinor: 2 * 1000 + 400, // 2 units + 2/10 of the line's 2000 tax
    });
  });

  it('fits the API verdict schema', () => {
    const shape = VerdictSchema.pick({ isEligible: true, customerChecks: true, lines: true }).strict();
    expect(() => shape.parse(result)).not.toThrow();
  });
});

describe('evaluateEligibility: customer checks', () => {
  it('fails the whole verdict for a customer on credit hold, while still judging the lines', () => {
    const result = evaluateEligibility(
      buildInput({ customer: { id: 'cus-1', tier: 'silver', isOnCreditHold: true, returnWindowDays: null } }),
    );
    expect(result.isEligible).toBe(false);
    expect(result.customerChecks[0]).toMatchObject({ code: 'customer_not_on_credit_hold', passed: false });
    expect(result.customerChecks[0]?.message).toMatch(/credit hold/);
    expect(result.lines[0]?.isEligible).toBe(true);
  });

  it('refuses an empty request', () => {
    const result = evaluateEligibility(buildInput({ lines: [] }));
    expect(result.isEligible).toBe(false);
    expect(result.customerChecks.map((c) => [c.code, c.passed])).toContainEqual(['request_has_lines', false]);
  });

  it('throws on a malformed today, which is a programming error', () => {
    expect(() => evaluateEligibility(buildInput({ today: '15/09/2026' }))).toThrow(RangeError);
  });
});

describe('evaluateEligibility: order lines', () => {
  it('reports a missing order line with a single failing check', () => {
    const line = evaluateOne({ lines: [buildLine({ orderLine: null, product: null })] });
    expect(line).toEqual({
      lineIndex: 0,
      orderLineId: 'ol-1',
      isEligible: false,
      checks: [
        {
          code: 'order_line_not_found',
          passed: false,
          message: "We could not find order line 'ol-1' on any of your orders",
        },
      ],
      returnableQuantity: 0,
      returnWindowEndsOn: null,
      warrantyEndsOn: null,
      valueMinor: 0,
    });
  });

  it("answers another customer's order line exactly like a missing one", () => {
    const foreign = evaluateOne({
      lines: [buildLine({ orderLine: buildOrderLine({ customerId: 'cus-2', orderId: 'ord-secret' }) })],
    });
    const missing = evaluateOne({ lines: [buildLine({ orderLine: null })] });
    expect(foreign).toEqual(missing);
    expect(JSON.stringify(foreign)).not.toMatch(/cus-2|ord-secret/);
  });

  it('fails every line that repeats an order line, naming the lines', () => {
    const result = evaluateEligibility(
      buildInput({ lines: [buildLine(), buildLine({ orderLineId: 'ol-2' }), buildLine()] }),
    );
    expect(result.isEligible).toBe(false);
    expect(result.lines.map((l) => l.isEligible)).toEqual([false, true, false]);
    expect(findCheck(result.lines[0] as LineEligibility, 'order_line_unique')?.message).toBe(
      'The same order line appears on lines 1, 3 of this request; combine them into one line',
    );
    expect(result.lines.map((l) => l.lineIndex)).toEqual([0, 1, 2]);
  });

  it('fails a line whose product cannot be found, still checking quantity', () => {
    const line = evaluateOne({ lines: [buildLine({ product: null })] });
    expect(failedCodes(line)).toEqual(['product_found']);
    expect(findCheck(line, 'quantity_returnable')?.passed).toBe(true);
  });
});

describe('evaluateEligibility: reason codes', () => {
  it('rejects an unknown or inactive reason', () => {
    const line = evaluateOne({ lines: [buildLine({ reasonCode: 'CHANGED_MIND' })] });
    expect(failedCodes(line)).toEqual(['reason_code_active']);
    expect(findCheck(line, 'reason_code_active')?.message).toMatch(/'CHANGED_MIND' is not one of the return reasons/);
  });
});

describe('evaluateEligibility: product returnability', () => {
  const nonReturnable = buildLine({ product: buildProduct({ isReturnable: false }) });

  it.each(['standard', 'stock_rotation', 'serialized', 'regulated'] as const)(
    'fails a non-returnable product on a %s return',
    (returnType) => {
      const line = evaluateOne({ returnType, lines: [nonReturnable] });
      expect(findCheck(line, 'product_returnable')).toMatchObject({ passed: false });
      expect(findCheck(line, 'product_returnable')?.message).toMatch(/warranty claim or a recall/);
    },
  );

  it.each([
    ['warranty', /warranty claim is accepted/],
    ['recall', /under recall/],
  ] as const)('accepts a non-returnable product on a %s return and says why', (returnType, why) => {
    const line = evaluateOne({ returnType, lines: [nonReturnable] });
    expect(findCheck(line, 'product_returnable')?.passed).toBe(true);
    expect(findCheck(line, 'product_returnable')?.message).toMatch(why);
  });
});

describe('evaluateEligibility: regulated products', () => {
  const hazmat = buildLine({ product: buildProduct({ regulatedClass: 'hazmat' }) });

  it('fails a regulated product on a standard return, explaining the separate workflow', () => {
    const line = evaluateOne({ lines: [hazmat] });
    expect(failedCodes(line)).toEqual(['regulated_workflow']);
    expect(findCheck(line, 'regulated_workflow')?.message).toBe(
      "This is a regulated product (class 'hazmat'): regulated goods follow a separate handling workflow, so request it as a regulated return (or as a warranty or recall return)",
    );
  });

  it.each(['regulated', 'recall', 'warranty'] as const)('accepts it on a %s return', (returnType) => {
    expect(findCheck(evaluateOne({ returnType, lines: [hazmat] }), 'regulated_workflow')?.passed).toBe(true);
  });

  it('adds no regulated check for ordinary products', () => {
    expect(findCheck(evaluateOne(), 'regulated_workflow')).toBeUndefined();
  });
});
