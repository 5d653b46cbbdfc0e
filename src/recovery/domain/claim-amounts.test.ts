import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBps, claimLineAmount } from './claim-amounts.js';

const terms = (vendorRestockingFeeBps: number, warrantyRecoveryBps: number) => ({
  vendorRestockingFeeBps,
  warrantyRecoveryBps,
});

describe('applyBps', () => {
  it('takes basis points of a value, rounding half up to whole minor units', () => {
    expect(applyBps(10_000, 8500)).toBe(8500);
    expect(applyBps(12_000, 8500)).toBe(10_200);
    // 0.5 rounds up, 0.4999 down.
    expect(applyBps(1, 5000)).toBe(1);
    expect(applyBps(1, 4999)).toBe(0);
    expect(applyBps(3, 5000)).toBe(2);
    expect(applyBps(999, 1)).toBe(0);
    expect(applyBps(5000, 1)).toBe(1);
    expect(applyBps(0, 7500)).toBe(0);
    expect(applyBps(7777, 0)).toBe(0);
    expect(applyBps(7777, 10_000)).toBe(7777);
  });

  it('is exact for values whose product with the rate exceeds a double’s integers', () => {
    const big = Number.MAX_SAFE_INTEGER - 1; // 9007199254740990
    expect(applyBps(big, 10_000)).toBe(big);
    // 9007199254740990 × 3333 / 10000 = 3002099511605171.967 (a double would lose the fraction): up.
    expect(applyBps(big, 3333)).toBe(3_002_099_511_605_172);
    expect(applyBps(big, 3333)).toBe(Number((BigInt(big) * 3333n + 5000n) / 10_000n));
  });

  it('never exceeds the value and never goes below zero for rates within 0–100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 10_000 }), (value, bps) => {
        const result = applyBps(value, bps);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(value);
        // Within half a minor unit of the exact amount.
        expect(Math.abs(result * 10_000 - value * bps)).toBeLessThanOrEqual(5000);
      }),
    );
  });
});

describe('claimLineAmount', () => {
  it('claims goods returned under the return terms at cost less the restocking fee', () => {
    expect(claimLineAmount('return_to_vendor', 6000, 2, terms(1500, 9000))).toEqual({
      termsBps: 8500,
      claimedMinor: 10_200,
      explanation: "2 × 6000 = 12000 less the supplier's restocking fee 15 % (−1800)",
    });
  });

  it('says so when the supplier charges no restocking fee', () => {
    const amount = claimLineAmount('return_to_vendor', 4321, 3, terms(0, 5000));
    expect(amount).toMatchObject({ termsBps: 10_000, claimedMinor: 12_963 });
    expect(amount.explanation).toBe("3 × 4321 = 12963, returned under the supplier's terms with no restocking fee");
  });

  it('claims goods failed under warranty at the warranty recovery rate, whatever the restocking fee', () => {
    expect(claimLineAmount('warranty', 6000, 1, terms(2000, 9000))).toEqual({
      termsBps: 9000,
      claimedMinor: 5400,
      explanation: '1 × 6000 = 6000 at the warranty recovery rate 90 %',
    });
    expect(claimLineAmount('warranty', 999, 1, terms(0, 1250))).toMatchObject({ termsBps: 1250, claimedMinor: 125 });
  });

  it('rounds once per line, half up, not per unit', () => {
    // 3 × 333 = 999 at 50 % = 499.5 → 500 (per unit it would be 3 × 167 = 501).
    expect(claimLineAmount('warranty', 333, 3, terms(0, 5000)).claimedMinor).toBe(500);
    expect(claimLineAmount('return_to_vendor', 333, 3, terms(5000, 0)).claimedMinor).toBe(500);
  });

  it('keeps terms outside 0–100 % (or fractional) within them', () => {
    expect(claimLineAmount('return_to_vendor', 1000, 1, terms(12_000, 0))).toMatchObject({
      termsBps: 0,
      claimedMinor: 0,
    });
    expect(claimLineAmount('return_to_vendor', 1000, 1, terms(-500, 0))).toMatchObject({
      termsBps: 10_000,
      claimedMinor: 1000,
    });
    expect(claimLineAmount('warranty', 1000, 1, terms(0, 20_000))).toMatchObject({
      termsBps: 10_000,
      claimedMinor: 1000,
    });
    expect(claimLineAmount('warranty', 1000, 1, terms(0, 2500.9))).toMatchObject({ termsBps: 2500, claimedMinor: 250 });
  });

  it('never claims more than the goods cost, nor less than nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('return_to_vendor' as const, 'warranty' as const),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (basis, unitCost, quantity, fee, warranty) => {
          const amount = claimLineAmount(basis, unitCost, quantity, terms(fee, warranty));
          expect(amount.claimedMinor).toBeGreaterThanOrEqual(0);
          expect(amount.claimedMinor).toBeLessThanOrEqual(unitCost * quantity);
          expect(amount.termsBps).toBe(basis === 'warranty' ? warranty : 10_000 - fee);
          expect(amount.claimedMinor).toBe(applyBps(unitCost * quantity, amount.termsBps));
        },
      ),
    );
  });
});
