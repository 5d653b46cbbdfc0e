// Random lives of several returns against one order line: whatever order creations,
// approvals, rejections, cancellations, expiries and completions happen in, the
// committed quantity stays within [0, shipped] and equals what the live returns hold.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { RmaStatus } from '../../contracts/returns-vocabulary.js';
import { canTransition, holdsQuantity, InvalidTransitionError } from './rma-state-machine.js';
import {
  applyTransitionToLedger,
  createLedger,
  getAvailableQuantity,
  reserve,
  type QuantityLedger,
} from './quantity-ledger.js';

const MOVES = {
  route: 'pending_approval',
  approve: 'authorized',
  reject: 'rejected',
  cancel: 'cancelled',
  expire: 'expired',
  close: 'closed',
} as const satisfies Record<string, RmaStatus>;

type Operation = { kind: 'create'; qty: number } | { kind: 'move'; move: keyof typeof MOVES; pick: number };

// Intake moves are weighted up so that many runs exercise competing reservations.
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), qty: fc.integer({ min: 1, max: 12 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      move: fc.constantFrom(...(Object.keys(MOVES) as Array<keyof typeof MOVES>)),
      pick: fc.nat(),
    }),
  },
);

interface ModelRma {
  qty: number;
  status: RmaStatus;
  /** Independent record of whether this return still holds its quantity. */
  holding: boolean;
  closedFrom: RmaStatus | null;
}

function assertInvariants(ledger: QuantityLedger, rmas: ModelRma[]): void {
  expect(ledger.committed).toBeGreaterThanOrEqual(0);
  expect(ledger.committed).toBeLessThanOrEqual(ledger.shipped);
  const held = rmas.filter((r) => r.holding).reduce((sum, r) => sum + r.qty, 0);
  expect(ledger.committed).toBe(held);
  for (const r of rmas) {
    // A status alone tells whether quantity is held, except 'closed', which depends on the way in.
    if (r.status !== 'closed') expect(r.holding).toBe(holdsQuantity(r.status));
    else expect(r.holding).toBe(r.closedFrom === 'authorized');
  }
}

describe('quantity ledger under random return lifecycles (property)', () => {
  it('never over-commits, never goes negative, and matches the returns holding quantity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.array(operation, { maxLength: 60 }), (shipped, ops) => {
        let ledger = createLedger(shipped);
        const rmas: ModelRma[] = [];
        for (const op of ops) {
          if (op.kind === 'create') {
            const availableBefore = getAvailableQuantity(ledger);
            const result = reserve(ledger, op.qty);
            expect(result.ok).toBe(op.qty <= availableBefore);
            if (result.ok) rmas.push({ qty: op.qty, status: 'requested', holding: true, closedFrom: null });
            ledger = result.ledger;
          } else if (rmas.length > 0) {
            const rma = rmas[op.pick % rmas.length] as ModelRma;
            const to = MOVES[op.move];
            if (canTransition(rma.status, to)) {
              ledger = applyTransitionToLedger(ledger, rma.status, to, rma.qty);
              if (to === 'rejected' || to === 'cancelled' || to === 'expired') rma.holding = false;
              if (to === 'closed') rma.closedFrom = rma.status;
              rma.status = to;
            } else {
              const before = ledger;
              expect(() => applyTransitionToLedger(ledger, rma.status, to, rma.qty)).toThrow(InvalidTransitionError);
              expect(ledger).toBe(before);
            }
          }
          assertInvariants(ledger, rmas);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('frees exactly the quantity of the returns that ended without goods (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            qty: fc.integer({ min: 1, max: 5 }),
            end: fc.constantFrom(...(['rejected', 'cancelled', 'expired', 'completed'] as const)),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (plans) => {
          const shipped = plans.reduce((s, p) => s + p.qty, 0);
          let ledger = createLedger(shipped);
          for (const p of plans) ledger = (reserve(ledger, p.qty) as { ledger: QuantityLedger }).ledger;
          expect(getAvailableQuantity(ledger)).toBe(0);
          const path: Record<(typeof plans)[number]['end'], RmaStatus[]> = {
            rejected: ['requested', 'rejected', 'closed'],
            cancelled: ['requested', 'authorized', 'cancelled', 'closed'],
            expired: ['requested', 'authorized', 'expired', 'closed'],
            completed: ['requested', 'authorized', 'closed'],
          };
          for (const p of plans) {
            const steps = path[p.end];
            for (let i = 1; i < steps.length; i++) {
              ledger = applyTransitionToLedger(ledger, steps[i - 1] as RmaStatus, steps[i] as RmaStatus, p.qty);
            }
          }
          const freed = plans.filter((p) => p.end !== 'completed').reduce((s, p) => s + p.qty, 0);
          expect(getAvailableQuantity(ledger)).toBe(freed);
        },
      ),
    );
  });
});
