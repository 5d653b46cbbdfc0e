import { describe, it, expect } from 'vitest';
import { RMA_STATUSES, type RmaStatus } from '../../contracts/returns-vocabulary.js';
import {
  RMA_TRANSITIONS,
  InvalidTransitionError,
  assertTransition,
  canTransition,
  holdsQuantity,
  isOpenStatus,
  isTerminalStatus,
  listAllowedTransitions,
  releasesQuantityOnEntry,
} from './rma-state-machine.js';

// The whole table, written out once more so that any edit to the machine is deliberate.
const EXPECTED: Record<RmaStatus, RmaStatus[]> = {
  requested: ['pending_approval', 'authorized', 'rejected', 'cancelled'],
  pending_approval: ['authorized', 'rejected', 'cancelled'],
  authorized: ['cancelled', 'expired', 'closed'],
  rejected: ['closed'],
  cancelled: ['closed'],
  expired: ['closed'],
  closed: [],
};

describe('RMA_TRANSITIONS', () => {
  it('has an entry for every status and nothing else', () => {
    expect(Object.keys(RMA_TRANSITIONS).sort()).toEqual([...RMA_STATUSES].sort());
  });

  it.each(RMA_STATUSES.map((s) => [s]))('allows exactly the documented moves from %s', (from) => {
    expect([...listAllowedTransitions(from)]).toEqual(EXPECTED[from]);
  });

  it('agrees with canTransition for every pair', () => {
    for (const from of RMA_STATUSES) {
      for (const to of RMA_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(EXPECTED[from].includes(to));
      }
    }
  });

  it('cannot be mutated at run time', () => {
    expect(Object.isFrozen(RMA_TRANSITIONS)).toBe(true);
  });

  it('never lets a status move to itself', () => {
    for (const s of RMA_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('covers the authorization only: no status says where the goods are', () => {
    expect(RMA_STATUSES).toEqual([
      'requested',
      'pending_approval',
      'authorized',
      'rejected',
      'cancelled',
      'expired',
      'closed',
    ]);
  });

  it('reaches closed from every status', () => {
    for (const start of RMA_STATUSES) {
      const seen = new Set<RmaStatus>([start]);
      const queue: RmaStatus[] = [start];
      while (queue.length > 0) {
        const s = queue.shift() as RmaStatus;
        for (const n of RMA_TRANSITIONS[s]) {
          if (seen.has(n)) continue;
          seen.add(n);
          queue.push(n);
        }
      }
      expect(seen.has('closed'), `closed reachable from ${start}`).toBe(true);
    }
  });
});

describe('assertTransition', () => {
  it('accepts an allowed move silently', () => {
    expect(() => assertTransition('requested', 'authorized')).not.toThrow();
  });

  it('explains a forbidden move with the allowed alternatives', () => {
    let caught: unknown;
    try {
      assertTransition('authorized', 'pending_approval');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidTransitionError);
    expect(caught).toBeInstanceOf(Error);
    const err = caught as InvalidTransitionError;
    expect(err.message).toBe(
      "cannot move a return from 'authorized' to 'pending_approval'; allowed: cancelled, expired, closed",
    );
    expect(err.from).toBe('authorized');
    expect(err.to).toBe('pending_approval');
    expect(err.allowed).toEqual(['cancelled', 'expired', 'closed']);
    expect(err.name).toBe('InvalidTransitionError');
  });

  it('says when the status is final', () => {
    expect(() => assertTransition('closed', 'requested')).toThrow(
      "cannot move a return from 'closed' to 'requested'; allowed: none ('closed' is final)",
    );
  });

  it('gives the caller its own copy of the allowed list', () => {
    const err = new InvalidTransitionError('requested', 'closed');
    err.allowed.push('closed');
    expect(canTransition('requested', 'closed')).toBe(false);
  });
});

describe('status predicates', () => {
  it('only closed is terminal', () => {
    expect(RMA_STATUSES.filter(isTerminalStatus)).toEqual(['closed']);
  });

  it('holds quantity in every status except rejected, cancelled and expired', () => {
    expect(RMA_STATUSES.filter((s) => !holdsQuantity(s))).toEqual(['rejected', 'cancelled', 'expired']);
    expect(holdsQuantity('closed')).toBe(true);
  });

  it('releases quantity exactly on entry to rejected, cancelled or expired', () => {
    expect(RMA_STATUSES.filter(releasesQuantityOnEntry)).toEqual(['rejected', 'cancelled', 'expired']);
  });

  it('never releases twice: a releasing status can only go on to closed, which releases nothing', () => {
    for (const s of RMA_STATUSES.filter(releasesQuantityOnEntry)) {
      for (const next of listAllowedTransitions(s)) expect(releasesQuantityOnEntry(next)).toBe(false);
    }
  });

  it('treats the RMA as open until it is closed or ended without goods', () => {
    expect(RMA_STATUSES.filter(isOpenStatus)).toEqual(['requested', 'pending_approval', 'authorized']);
  });
});
