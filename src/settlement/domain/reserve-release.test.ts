// Releasing the reserve held for units credited ahead of inspection: borne out, contradicted (the
// deduction by the grade found charged back, capped at what the fee left), and a property — a line
// inspected in any partition of its units releases and charges back exactly its credit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { releaseOf, shareOfUnits, type EarlyLine } from './reserve-release.js';

const POLICY = { damageDeductionBpsByGrade: { A: 0, B: 1500, C: 4000, D: 7000, X: 10_000 } };
// Three units at 100.00 with 0.80 of tax each and a 15 % restocking fee, credited on receipt.
const LINE: EarlyLine = {
  quantity: 3,
  unitPriceMinor: 10_000,
  priceMinor: 30_000,
  taxMinor: 100,
  restockingFeeMinor: 4_500,
};

describe('releaseOf', () => {
  it('releases the units’ whole share when inspection bears the claim out', () => {
    expect(releaseOf(LINE, 0, 2, { claimVerdict: 'confirmed', grade: 'A' }, POLICY)).toEqual({
      quantity: 2,
      priceMinor: 20_000,
      taxMinor: 67,
      restockingFeeMinor: 3_000,
      chargedBackMinor: 0,
      releasedMinor: 17_067,
      explanation: 'units 1–2 of 3 inspected; claim borne out; 17067 released from the reserve',
    });
  });

  it('charges back the grade’s deduction when inspection contradicts the claim', () => {
    expect(releaseOf(LINE, 2, 1, { claimVerdict: 'contradicted', grade: 'C' }, POLICY)).toEqual({
      quantity: 1,
      priceMinor: 10_000,
      taxMinor: 33,
      restockingFeeMinor: 1_500,
      chargedBackMinor: 4_000,
      releasedMinor: 4_533,
      explanation:
        'unit 3 of 3 inspected; claim contradicted (found grade C): deduction 40 % −4000 charged back; 4533 released from the reserve',
    });
    // Grade X: the deduction takes what the fee left of the price, never the tax.
    expect(releaseOf(LINE, 0, 3, { claimVerdict: 'contradicted', grade: 'X' }, POLICY)).toMatchObject({
      chargedBackMinor: 25_500,
      releasedMinor: 100,
    });
    expect(releaseOf(LINE, 0, 1, { claimVerdict: 'not_assessed', grade: null }, POLICY)).toMatchObject({
      chargedBackMinor: 0,
      explanation: 'unit 1 of 3 inspected; claim not assessed; 8533 released from the reserve',
    });
  });

  it('refuses units that are not the line’s', () => {
    expect(() => releaseOf(LINE, 2, 2, { claimVerdict: 'confirmed', grade: 'A' }, POLICY)).toThrow(/not units/);
    expect(() => releaseOf(LINE, 0, 0, { claimVerdict: 'confirmed', grade: 'A' }, POLICY)).toThrow(/not units/);
  });

  it('parts of a line inspected in any order of findings add up to exactly its credit', () => {
    const grade = fc.constantFrom('A', 'B', 'C', 'D', 'X' as const);
    const verdict = fc.constantFrom('confirmed', 'contradicted', 'not_assessed', null);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.record({ units: fc.integer({ min: 1, max: 7 }), verdict, grade }), { minLength: 1, maxLength: 10 }),
        (quantity, unitPrice, tax, feeBps, parts) => {
          const priceMinor = unitPrice * quantity;
          const line = {
            quantity,
            unitPriceMinor: unitPrice,
            priceMinor,
            taxMinor: tax,
            restockingFeeMinor: Math.round((priceMinor * feeBps) / 10_000),
          };
          let before = 0;
          let taken = 0;
          for (const part of parts) {
            const units = Math.min(part.units, quantity - before);
            if (units <= 0) break;
            const release = releaseOf(line, before, units, { claimVerdict: part.verdict, grade: part.grade }, POLICY);
            expect(release.chargedBackMinor).toBeGreaterThanOrEqual(0);
            expect(release.releasedMinor).toBeGreaterThanOrEqual(release.taxMinor);
            taken += release.releasedMinor + release.chargedBackMinor;
            before += units;
          }
          const share = (amount: number) => shareOfUnits(amount, 0, before, quantity);
          expect(taken).toBe(share(priceMinor) + share(tax) - share(line.restockingFeeMinor));
        },
      ),
    );
  });
});
