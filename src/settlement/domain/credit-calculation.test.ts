// What a return's inspected units are credited: every branch of creditFor under the default policy,
// then properties over random lines, prices, policies and partitions of the shipped units — the
// tax shares of partial credits add up to exactly the line's tax, never more is credited than was
// invoiced, and the fee and deduction together never take more than the price.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SettlementPolicy } from '../../contracts/configuration.js';
import { creditFor, needsFinanceApproval, type CreditLine, type UnitsToCredit } from './credit-calculation.js';

/** The policy a fresh installation starts with (configuration's default settlement_policy). */
const POLICY: SettlementPolicy = {
  creditedReturnTypes: ['standard', 'serialized', 'regulated', 'stock_rotation', 'recall'],
  restockingFeeBpsByFault: { customer: 1500, distributor: 0, supplier: 0, carrier: 0, none: 0 },
  damageDeductionBpsByGrade: { A: 0, B: 1500, C: 4000, D: 7000, X: 10_000 },
  financeApprovalAboveMinor: { USD: 100_000, EUR: 100_000, GBP: 80_000, JPY: 15_000_000 },
  defaultFinanceApprovalAboveMinor: 100_000,
};

/** Three units of a line of ten at 100.00, tax 80.00 on the line, nobody's fault, not judged. */
const units = (overrides: Partial<UnitsToCredit> = {}): UnitsToCredit => ({
  quantity: 3,
  unitPriceMinor: 10_000,
  invoiced: { quantity: 10, taxMinor: 8_000 },
  alreadyCredited: 0,
  fault: 'none',
  claimVerdict: null,
  grade: null,
  ...overrides,
});

function credited(input: UnitsToCredit, policy: SettlementPolicy = POLICY): CreditLine {
  const decision = creditFor(input, policy);
  if (!decision.ok) throw new Error(`expected a credit, got: ${decision.reason}`);
  return decision.line;
}

describe('creditFor', () => {
  it('credits the price and the units’ share of the tax when nobody is at fault', () => {
    expect(credited(units())).toEqual({
      quantity: 3,
      priceMinor: 30_000,
      taxMinor: 2_400,
      restockingFeeMinor: 0,
      deductionMinor: 0,
      totalMinor: 32_400,
      explanation: '3 × 10000 = 30000; tax 2400',
    });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s units: nothing to credit', (quantity) => {
    expect(creditFor(units({ quantity }), POLICY)).toEqual({ ok: false, reason: 'nothing to credit' });
  });

  it('refuses more units than are left of the invoiced line, and says how many are left', () => {
    expect(creditFor(units({ quantity: 4, alreadyCredited: 7 }), POLICY)).toEqual({
      ok: false,
      reason: 'only 3 of the 10 invoiced units are left to credit',
    });
    expect(creditFor(units({ quantity: 1, alreadyCredited: 10 }), POLICY)).toEqual({
      ok: false,
      reason: 'only 0 of the 10 invoiced units are left to credit',
    });
    // Never a negative count, even if more were somehow credited than invoiced.
    expect(creditFor(units({ quantity: 1, alreadyCredited: 12 }), POLICY)).toEqual({
      ok: false,
      reason: 'only 0 of the 10 invoiced units are left to credit',
    });
    // Exactly what is left is fine.
    expect(credited(units({ quantity: 3, alreadyCredited: 7 })).quantity).toBe(3);
  });

  it('charges the restocking fee of the fault: 15 % when it is the customer’s', () => {
    expect(credited(units({ fault: 'customer' }))).toMatchObject({
      priceMinor: 30_000,
      taxMinor: 2_400,
      restockingFeeMinor: 4_500,
      deductionMinor: 0,
      totalMinor: 27_900,
      explanation: "3 × 10000 = 30000; tax 2400; restocking fee 15 % (customer's fault) −4500",
    });
    for (const fault of ['distributor', 'supplier', 'carrier', 'none'] as const)
      expect(credited(units({ fault })).restockingFeeMinor, fault).toBe(0);
  });

  it('deducts by the grade found when inspection contradicts the claim', () => {
    expect(credited(units({ claimVerdict: 'contradicted', grade: 'C' }))).toMatchObject({
      restockingFeeMinor: 0,
      deductionMinor: 12_000,
      totalMinor: 20_400,
      explanation: '3 × 10000 = 30000; tax 2400; deduction 40 % (claim contradicted, found grade C) −12000',
    });
    const byGrade = (['A', 'B', 'C', 'D', 'X'] as const).map(
      (grade) => credited(units({ claimVerdict: 'contradicted', grade })).deductionMinor,
    );
    expect(byGrade).toEqual([0, 4_500, 12_000, 21_000, 30_000]);
  });

  it('deducts nothing unless the claim is contradicted, or when no grade was recorded', () => {
    for (const claimVerdict of ['confirmed', 'not_assessed', null] as const)
      expect(credited(units({ claimVerdict, grade: 'X' })).deductionMinor, String(claimVerdict)).toBe(0);
    expect(credited(units({ claimVerdict: 'contradicted', grade: null })).deductionMinor).toBe(0);
  });

  it('charges fee and deduction together, and never more than the price: the tax is always given back', () => {
    expect(credited(units({ fault: 'customer', claimVerdict: 'contradicted', grade: 'C' }))).toMatchObject({
      restockingFeeMinor: 4_500,
      deductionMinor: 12_000,
      totalMinor: 15_900,
    });
    // 15 % fee and a 100 % deduction: the deduction is capped at the 85 % the fee left.
    expect(credited(units({ fault: 'customer', claimVerdict: 'contradicted', grade: 'X' }))).toMatchObject({
      priceMinor: 30_000,
      restockingFeeMinor: 4_500,
      deductionMinor: 25_500,
      totalMinor: 2_400,
    });
  });

  it('rounds the fee and the deduction half up to the minor unit', () => {
    // 15 % of 3 × 333 = 999 is 149.85 → 150; 15 % (grade B) likewise.
    const line = credited(units({ unitPriceMinor: 333, fault: 'customer', claimVerdict: 'contradicted', grade: 'B' }));
    expect(line).toMatchObject({ priceMinor: 999, restockingFeeMinor: 150, deductionMinor: 150 });
  });

  it('shares the tax cumulatively: parts of a line add up to its tax', () => {
    const line = { quantity: 3, taxMinor: 100 };
    const shares = [0, 1, 2].map((k) => credited(units({ quantity: 1, invoiced: line, alreadyCredited: k })).taxMinor);
    expect(shares).toEqual([33, 34, 33]);
    expect(credited(units({ quantity: 3, invoiced: line })).taxMinor).toBe(100);
  });

  it('after a void, shares the tax from what is still credited, never past the line’s tax', () => {
    // One unit of three, tax 1: shares 0, 1, 0. The first unit's memo was void and the second's
    // (tax 1) stands: the next unit gets 0, not the second unit's 1 again.
    const line = { quantity: 3, taxMinor: 1 };
    expect(credited(units({ quantity: 1, invoiced: line, alreadyCredited: 1 })).taxMinor).toBe(1);
    expect(
      credited(units({ quantity: 1, invoiced: line, alreadyCredited: 1, alreadyCreditedTaxMinor: 1 })).taxMinor,
    ).toBe(0);
    // The last units always take exactly what is left of the tax.
    expect(
      credited(units({ quantity: 2, invoiced: line, alreadyCredited: 1, alreadyCreditedTaxMinor: 0 })).taxMinor,
    ).toBe(1);
    // Nothing is left to give back: nothing, never a negative share.
    expect(
      credited(
        units({ quantity: 1, invoiced: { quantity: 10, taxMinor: 5 }, alreadyCredited: 1, alreadyCreditedTaxMinor: 5 }),
      ).taxMinor,
    ).toBe(0);
  });
});

describe('needsFinanceApproval', () => {
  it('compares the total with the limit of its currency, above it only', () => {
    expect(needsFinanceApproval(100_000, 'USD', POLICY)).toBe(false);
    expect(needsFinanceApproval(100_001, 'USD', POLICY)).toBe(true);
    expect(needsFinanceApproval(80_000, 'GBP', POLICY)).toBe(false);
    expect(needsFinanceApproval(80_001, 'GBP', POLICY)).toBe(true);
    expect(needsFinanceApproval(15_000_000, 'JPY', POLICY)).toBe(false);
    expect(needsFinanceApproval(15_000_001, 'JPY', POLICY)).toBe(true);
  });

  it('uses the default limit for a currency the policy does not name', () => {
    expect(needsFinanceApproval(100_000, 'CHF', POLICY)).toBe(false);
    expect(needsFinanceApproval(100_001, 'CHF', POLICY)).toBe(true);
    const strict = { ...POLICY, defaultFinanceApprovalAboveMinor: 0 };
    expect(needsFinanceApproval(1, 'CHF', strict)).toBe(true);
    expect(needsFinanceApproval(0, 'CHF', strict)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const bps = fc.integer({ min: 0, max: 10_000 });
const arbPolicy: fc.Arbitrary<SettlementPolicy> = fc.record({
  creditedReturnTypes: fc.constant(POLICY.creditedReturnTypes),
  restockingFeeBpsByFault: fc.record({ customer: bps, distributor: bps, supplier: bps, carrier: bps, none: bps }),
  damageDeductionBpsByGrade: fc.record({ A: bps, B: bps, C: bps, D: bps, X: bps }),
  financeApprovalAboveMinor: fc.constant(POLICY.financeApprovalAboveMinor),
  defaultFinanceApprovalAboveMinor: fc.constant(POLICY.defaultFinanceApprovalAboveMinor),
});
const arbJudgement = fc.record({
  fault: fc.constantFrom('customer', 'distributor', 'supplier', 'carrier', 'none' as const),
  claimVerdict: fc.constantFrom('confirmed', 'contradicted', 'not_assessed', null),
  grade: fc.constantFrom('A', 'B', 'C', 'D', 'X', null),
});

/** A line of 1–60 units, its price and tax, and the shipped units cut into parts, in a random order. */
const arbLineInParts = fc
  .record({
    shipped: fc.integer({ min: 1, max: 60 }),
    unitPriceMinor: fc.integer({ min: 0, max: 5_000_000 }),
    taxMinor: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 50_000_000 })),
    seed: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 60 }),
  })
  .map(({ shipped, seed, ...rest }) => {
    const parts: number[] = [];
    let left = shipped;
    for (const size of seed) {
      if (left === 0) break;
      const part = Math.min(size, left);
      parts.push(part);
      left -= part;
    }
    if (left > 0) parts.push(left);
    return { shipped, parts, ...rest };
  });

describe('creditFor, as properties', () => {
  it('the tax shares of a line credited in any parts sum to exactly its tax; each part is within bounds', () => {
    fc.assert(
      fc.property(
        arbLineInParts,
        arbPolicy,
        fc.array(arbJudgement, { minLength: 60, maxLength: 60 }),
        (line, policy, judgements) => {
          const invoiced = { quantity: line.shipped, taxMinor: line.taxMinor };
          let alreadyCredited = 0;
          let tax = 0;
          let price = 0;
          let total = 0;
          line.parts.forEach((quantity, i) => {
            const part = credited(
              { quantity, unitPriceMinor: line.unitPriceMinor, invoiced, alreadyCredited, ...judgements[i]! },
              policy,
            );
            expect(part.quantity).toBe(quantity);
            expect(part.priceMinor).toBe(quantity * line.unitPriceMinor);
            expect(part.taxMinor).toBeGreaterThanOrEqual(0);
            expect(part.restockingFeeMinor).toBeGreaterThanOrEqual(0);
            expect(part.deductionMinor).toBeGreaterThanOrEqual(0);
            expect(part.restockingFeeMinor + part.deductionMinor).toBeLessThanOrEqual(part.priceMinor);
            expect(part.totalMinor).toBe(
              part.priceMinor + part.taxMinor - part.restockingFeeMinor - part.deductionMinor,
            );
            expect(part.totalMinor).toBeGreaterThanOrEqual(part.taxMinor);
            alreadyCredited += quantity;
            tax += part.taxMinor;
            price += part.priceMinor;
            total += part.totalMinor;
            // After each part the tax credited is exactly the credited units' share of it.
            expect(tax).toBe(Math.round((line.taxMinor * alreadyCredited) / line.shipped));
          });
          expect(tax).toBe(line.taxMinor);
          expect(price).toBe(line.unitPriceMinor * line.shipped);
          expect(total).toBeLessThanOrEqual(price + line.taxMinor);
          // The line is credited in full: one more unit is refused.
          const more = creditFor(
            { quantity: 1, unitPriceMinor: line.unitPriceMinor, invoiced, alreadyCredited, ...judgements[0]! },
            policy,
          );
          expect(more.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never credits more units than invoiced, nor more tax than the line’s, whatever was credited before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -2, max: 60 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        arbJudgement,
        arbPolicy,
        (shipped, already, quantity, taxMinor, alreadyTax, judgement, policy) => {
          const alreadyCreditedTaxMinor = alreadyTax === undefined ? undefined : Math.min(alreadyTax, taxMinor);
          const decision = creditFor(
            {
              quantity,
              unitPriceMinor: 1_999,
              invoiced: { quantity: shipped, taxMinor },
              alreadyCredited: already,
              ...(alreadyCreditedTaxMinor === undefined ? {} : { alreadyCreditedTaxMinor }),
              ...judgement,
            },
            policy,
          );
          expect(decision.ok).toBe(quantity > 0 && already + quantity <= shipped);
          if (!decision.ok) return;
          const before = alreadyCreditedTaxMinor ?? Math.round((taxMinor * already) / shipped);
          expect(decision.line.taxMinor).toBeGreaterThanOrEqual(0);
          expect(before + decision.line.taxMinor).toBeLessThanOrEqual(taxMinor);
          if (already + quantity === shipped) expect(before + decision.line.taxMinor).toBe(taxMinor);
          expect(decision.line.restockingFeeMinor + decision.line.deductionMinor).toBeLessThanOrEqual(
            decision.line.priceMinor,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
