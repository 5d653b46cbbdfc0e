import { describe, it, expect } from 'vitest';
import { InvalidTransitionError } from './rma-state-machine.js';
import { applyTransitionToLedger, createLedger, getAvailableQuantity, release, reserve } from './quantity-ledger.js';

describe('quantity ledger', () => {
  it('reserves while quantity remains and denies beyond it, leaving the ledger unchanged', () => {
    const first = reserve(createLedger(10), 7);
    expect(first).toEqual({ ok: true, ledger: { shipped: 10, committed: 7 } });
    const denied = reserve(first.ledger, 4);
    expect(denied).toEqual({
      ok: false,
      ledger: { shipped: 10, committed: 7 },
      available: 3,
      reason: 'asked for 4 but only 3 remain returnable',
    });
    expect(reserve(first.ledger, 3)).toMatchObject({ ok: true, ledger: { committed: 10 } });
  });

  it('denies non-positive or fractional reservations', () => {
    expect(reserve(createLedger(5), 0).ok).toBe(false);
    expect(reserve(createLedger(5), 1.5).ok).toBe(false);
  });

  it('releases, and refuses to release more than is committed', () => {
    expect(release(createLedger(10, 6), 4)).toEqual({ shipped: 10, committed: 2 });
    expect(() => release(createLedger(10, 2), 3)).toThrow(/cannot release 3: only 2 committed/);
  });

  it('validates its starting point', () => {
    expect(() => createLedger(3, 4)).toThrow(RangeError);
    expect(() => createLedger(-1)).toThrow(RangeError);
    expect(getAvailableQuantity(createLedger(9, 4))).toBe(5);
  });

  it('releases only on entry to rejected, cancelled or expired', () => {
    const ledger = createLedger(10, 5);
    expect(applyTransitionToLedger(ledger, 'requested', 'authorized', 5)).toBe(ledger);
    expect(applyTransitionToLedger(ledger, 'authorized', 'expired', 5).committed).toBe(0);
    expect(applyTransitionToLedger(ledger, 'pending_approval', 'rejected', 2).committed).toBe(3);
    expect(applyTransitionToLedger(ledger, 'cancelled', 'closed', 5)).toBe(ledger);
    expect(applyTransitionToLedger(ledger, 'authorized', 'closed', 5)).toBe(ledger);
  });

  it('refuses an illegal move before touching quantity', () => {
    expect(() => applyTransitionToLedger(createLedger(10, 5), 'closed', 'cancelled', 5)).toThrow(
      InvalidTransitionError,
    );
  });
});
