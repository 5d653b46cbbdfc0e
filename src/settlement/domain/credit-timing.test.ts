// Credit timing by tier, and which units of a return line are credited ahead of inspection: every
// timing, then a property — however receipts, earlier credits and timings combine, early credit
// never takes a line past what it authorized (on authorization) or received (on receipt).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditTimingOf, earlyCreditsOf, type LineCreditState } from './credit-timing.js';

const line = (overrides: Partial<LineCreditState> = {}): LineCreditState => ({
  quantity: 5,
  creditedUnits: 0,
  hasAuthorizationCredit: false,
  receiptLines: [],
  ...overrides,
});

describe('creditTimingOf', () => {
  it('gives the tier its timing, and after inspection to every tier not named (or a policy without timing)', () => {
    const policy = { creditTimingByTier: { platinum: 'on_authorization', gold: 'on_receipt' } as const };
    expect(creditTimingOf(policy, 'platinum')).toBe('on_authorization');
    expect(creditTimingOf(policy, 'gold')).toBe('on_receipt');
    expect(creditTimingOf(policy, 'silver')).toBe('after_inspection');
    expect(creditTimingOf({}, 'platinum')).toBe('after_inspection');
  });
});

describe('earlyCreditsOf', () => {
  it('credits nothing ahead of inspection by default', () => {
    expect(
      earlyCreditsOf('after_inspection', line({ receiptLines: [{ id: 'rcl_1', quantity: 5, isCredited: false }] })),
    ).toEqual([]);
  });

  it('on authorization: every authorized unit not yet credited, once', () => {
    expect(earlyCreditsOf('on_authorization', line())).toEqual([{ basis: 'authorization', quantity: 5 }]);
    expect(earlyCreditsOf('on_authorization', line({ creditedUnits: 2 }))).toEqual([
      { basis: 'authorization', quantity: 3 },
    ]);
    expect(earlyCreditsOf('on_authorization', line({ creditedUnits: 5 }))).toEqual([]);
    expect(earlyCreditsOf('on_authorization', line({ creditedUnits: 5, hasAuthorizationCredit: true }))).toEqual([]);
  });

  it('on receipt: each receipt line not yet credited, less units already credited another way', () => {
    const receiptLines = [
      { id: 'rcl_1', quantity: 2, isCredited: true },
      { id: 'rcl_2', quantity: 3, isCredited: false },
    ];
    expect(earlyCreditsOf('on_receipt', line({ receiptLines, creditedUnits: 2 }))).toEqual([
      { basis: 'receipt', receiptLineId: 'rcl_2', quantity: 3 },
    ]);
    // One of the new receipt's units was credited after inspection before the policy changed.
    expect(earlyCreditsOf('on_receipt', line({ receiptLines, creditedUnits: 3 }))).toEqual([
      { basis: 'receipt', receiptLineId: 'rcl_2', quantity: 2 },
    ]);
    expect(earlyCreditsOf('on_receipt', line({ receiptLines, creditedUnits: 5 }))).toEqual([]);
    expect(earlyCreditsOf('on_receipt', line())).toEqual([]);
  });

  it('never credits more than authorized or received, with what is already credited', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('after_inspection', 'on_receipt', 'on_authorization' as const),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 6 }), isCredited: fc.boolean() }), { maxLength: 5 }),
        fc.nat(20),
        (timing, quantity, receipts, credited) => {
          const receiptLines = receipts.map((r, i) => ({ ...r, id: `rcl_${i}` }));
          const received = receiptLines.reduce((sum, r) => sum + r.quantity, 0);
          const state = line({
            quantity,
            receiptLines,
            creditedUnits: Math.min(credited, Math.max(quantity, received)),
          });
          const total = earlyCreditsOf(timing, state).reduce((sum, c) => sum + c.quantity, 0);
          const cap =
            timing === 'on_receipt' ? Math.min(received, quantity) : timing === 'on_authorization' ? quantity : 0;
          expect(total).toBeLessThanOrEqual(Math.max(0, cap - state.creditedUnits));
        },
      ),
    );
  });
});
