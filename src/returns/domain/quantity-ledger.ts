// How much of one order line may still be returned. Creating a return reserves quantity;
// rejection, cancellation or expiry releases it (once); every other move keeps it, because
// goods that came back cannot come back twice. The database keeps the same invariant:
// 0 ≤ committed ≤ shipped, committed = Σ quantity of returns still holding it.
import type { RmaStatus } from '../../contracts/returns-vocabulary.js';
import { assertTransition, releasesQuantityOnEntry } from './rma-state-machine.js';

export interface QuantityLedger {
  readonly shipped: number;
  readonly committed: number;
}

export type ReserveResult =
  | { readonly ok: true; readonly ledger: QuantityLedger }
  | { readonly ok: false; readonly ledger: QuantityLedger; readonly available: number; readonly reason: string };

function assertQuantity(qty: number, what: string): void {
  if (!Number.isSafeInteger(qty) || qty < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${qty}`);
}

export function createLedger(shipped: number, committed = 0): QuantityLedger {
  assertQuantity(shipped, 'shipped');
  assertQuantity(committed, 'committed');
  if (committed > shipped) throw new RangeError(`committed ${committed} exceeds shipped ${shipped}`);
  return { shipped, committed };
}

export function getAvailableQuantity(ledger: QuantityLedger): number {
  return ledger.shipped - ledger.committed;
}

/** Reserves qty for a new return; denied (ledger unchanged) when less remains. */
export function reserve(ledger: QuantityLedger, qty: number): ReserveResult {
  if (!Number.isSafeInteger(qty) || qty < 1) {
    return {
      ok: false,
      ledger,
      available: getAvailableQuantity(ledger),
      reason: `quantity must be at least 1, got ${qty}`,
    };
  }
  const available = getAvailableQuantity(ledger);
  if (qty > available) {
    return { ok: false, ledger, available, reason: `asked for ${qty} but only ${available} remain returnable` };
  }
  return { ok: true, ledger: { ...ledger, committed: ledger.committed + qty } };
}

/** Gives qty back. Releasing more than is committed means a return was released twice: a bug, so throw. */
export function release(ledger: QuantityLedger, qty: number): QuantityLedger {
  assertQuantity(qty, 'released quantity');
  if (qty > ledger.committed) {
    throw new RangeError(`cannot release ${qty}: only ${ledger.committed} committed`);
  }
  return { ...ledger, committed: ledger.committed - qty };
}

/**
 * Moves one return of `qty` from `from` to `to` and adjusts the ledger: validates the move
 * (throws InvalidTransitionError) and releases exactly when entering a releasing status.
 */
export function applyTransitionToLedger(
  ledger: QuantityLedger,
  from: RmaStatus,
  to: RmaStatus,
  qty: number,
): QuantityLedger {
  assertTransition(from, to);
  return releasesQuantityOnEntry(to) ? release(ledger, qty) : ledger;
}
