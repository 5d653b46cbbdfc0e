import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { evaluateEligibility } from './eligibility.js';
import { buildInput, buildLine, buildOrderLine, buildProduct } from './eligibility.test-fixtures.js';
import { RETURN_TYPES } from '../../contracts/returns-vocabulary.js';
import { VerdictSchema } from '../../contracts/returns.js';

describe('eligibility (property)', () => {
  it('passes the quantity check iff requested ≤ shipped − committed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (shipped, committed, requested) => {
          const input = buildInput({
            lines: [
              buildLine({
                quantity: requested,
                orderLine: buildOrderLine({ quantityShipped: shipped, quantityCommitted: committed }),
              }),
            ],
          });
          const line = evaluateEligibility(input).lines[0];
          const check = line?.checks.find((c) => c.code === 'quantity_returnable');
          expect(check?.passed).toBe(requested <= shipped - committed);
          expect(line?.returnableQuantity).toBe(Math.max(0, shipped - committed));
          // Everything else in the fixture is valid, so the line stands or falls by quantity.
          expect(line?.isEligible).toBe(check?.passed);
        },
      ),
    );
  });

  it('is eligible only if every listed check passed, and always fits the verdict schema', () => {
    const shape = VerdictSchema.pick({ isEligible: true, customerChecks: true, lines: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...RETURN_TYPES),
        fc.boolean(),
        fc.array(
          fc.record({
            orderLineId: fc.constantFrom('ol-1', 'ol-2', 'ol-3'),
            quantity: fc.integer({ min: 1, max: 15 }),
            reasonCode: fc.constantFrom('DEFECTIVE', 'NOPE'),
            delivered: fc.constantFrom('2026-01-01', '2026-09-01', null),
            isReturnable: fc.boolean(),
          }),
          { maxLength: 4 },
        ),
        (returnType, onHold, specs) => {
          const input = buildInput({
            returnType,
            customer: { id: 'cus-1', tier: 'silver', isOnCreditHold: onHold, returnWindowDays: null },
            lines: specs.map((s) =>
              buildLine({
                orderLineId: s.orderLineId,
                quantity: s.quantity,
                reasonCode: s.reasonCode,
                orderLine: buildOrderLine({ deliveryDate: s.delivered }),
                product: buildProduct({ isReturnable: s.isReturnable }),
              }),
            ),
          });
          const result = evaluateEligibility(input);
          expect(() => shape.parse(result)).not.toThrow();
          expect(result.lines).toHaveLength(specs.length);
          const allChecks = [...result.customerChecks, ...result.lines.flatMap((l) => l.checks)];
          expect(result.isEligible).toBe(specs.length > 0 && allChecks.every((c) => c.passed));
          for (const l of result.lines) {
            expect(l.isEligible).toBe(l.checks.every((c) => c.passed));
            for (const c of l.checks) expect(c.message.length).toBeGreaterThan(10);
          }
        },
      ),
    );
  });
});
