// Random sequences of stock requests — receipts, moves, units leaving; valid and not — applied to
// the balances: no balance ever goes negative, units are conserved (received = on hand + left),
// a refused request changes nothing, a serial is on hand in one place at most, and the balances
// are exactly the sum of the movements written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STOCK_STATUSES, type StockStatus } from '../../contracts/inventory.js';
import {
  applyRequest,
  availableToPromise,
  balanceKey,
  parseBalanceKey,
  unitsOnHand,
  type Balances,
  type MoveRequest,
  type MovementDraft,
  type StockPlace,
} from './stock-ledger.js';
import { isOnHand, nextStatuses, ON_HAND_STATUSES } from './stock-status.js';

const PRODUCTS = ['prd_a', 'prd_b'];
const SITES = ['site_1', 'site_2'];
const LOCATIONS = ['loc_in', 'loc_shelf', 'loc_cage'];
const LINES = ['rml_1', 'rml_2', 'rml_3'];

// Mostly statuses of stock on hand, now and then one that is not (expected, in transit).
const status: fc.Arbitrary<StockStatus> = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...ON_HAND_STATUSES) },
  { weight: 1, arbitrary: fc.constantFrom(...STOCK_STATUSES) },
);
const place: fc.Arbitrary<StockPlace> = fc.record({
  siteId: fc.constantFrom(...SITES),
  locationId: fc.constantFrom(...LOCATIONS),
  status,
});
const quantity = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5) },
);
const tracking = {
  productId: fc.constantFrom(...PRODUCTS),
  lot: fc.constantFrom('', '', '', 'LOT-1'),
  serial: fc.constantFrom('', '', '', '', '', 'SN-1', 'SN-2'),
};

type Op =
  | { kind: 'receive'; request: MoveRequest }
  | { kind: 'move'; request: MoveRequest }
  /**
   * A move of units that are somewhere: picks a non-empty balance, so many moves succeed; mostly
   * to a status allowed next (or out of stock), sometimes anywhere; sometimes all units there.
   */
  | {
      kind: 'moveExisting';
      pick: number;
      to: 'next' | 'leave' | StockPlace;
      quantity: number | 'all';
      anyLine: boolean;
    };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      request: fc.record({
        ...tracking,
        from: fc.constant(null),
        to: fc.oneof(
          {
            weight: 5,
            arbitrary: fc.constantFrom(...SITES).map((siteId) => ({
              siteId,
              locationId: 'loc_in',
              status: 'awaiting_inspection' as const,
            })),
          },
          { weight: 1, arbitrary: place },
        ),
        quantity,
        rmaLineId: fc.constantFrom(...LINES),
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      request: fc.record({
        ...tracking,
        from: fc.option(place, { freq: 8 }),
        to: fc.option(place, { freq: 4 }),
        quantity,
        rmaLineId: fc.option(fc.constantFrom(...LINES), { nil: undefined }),
      }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('moveExisting' as const),
      pick: fc.nat(),
      to: fc.oneof(
        { weight: 6, arbitrary: fc.constant('next' as const) },
        { weight: 2, arbitrary: fc.constant('leave' as const) },
        { weight: 2, arbitrary: place },
      ),
      quantity: fc.oneof(quantity, fc.constant('all' as const)),
      anyLine: fc.boolean(),
    }),
  },
);

function requestOf(balances: Balances, o: Op): MoveRequest | null {
  if (o.kind !== 'moveExisting') return o.request;
  const held = [...balances].filter(([, q]) => q > 0);
  if (held.length === 0) return null;
  const k = parseBalanceKey(held[o.pick % held.length]![0]);
  const from = { siteId: k.siteId, locationId: k.locationId, status: k.status };
  const next = isOnHand(k.status) ? nextStatuses(k.status) : [];
  const to =
    o.to === 'leave'
      ? null
      : o.to === 'next'
        ? {
            siteId: k.siteId,
            locationId: LOCATIONS[o.pick % LOCATIONS.length]!,
            status: next[o.pick % Math.max(next.length, 1)] ?? k.status,
          }
        : // Same site, mostly: a move to another site must be refused.
          { ...o.to, siteId: o.pick % 7 === 0 ? o.to.siteId : k.siteId };
  const allThere = held
    .map(([key, q]) => ({ at: parseBalanceKey(key), q }))
    .filter(({ at }) => balanceKey({ ...at, rmaLineId: '' }) === balanceKey({ ...k, rmaLineId: '' }))
    .reduce((sum, { q }) => sum + q, 0);
  return {
    productId: k.productId,
    from,
    to,
    quantity: o.quantity === 'all' ? (o.anyLine ? allThere : held[o.pick % held.length]![1]) : o.quantity,
    lot: k.lot,
    serial: k.serial,
    rmaLineId: o.anyLine ? undefined : k.rmaLineId,
  };
}

/** The balances the movements add up to, from nothing. */
function sumOf(movements: MovementDraft[]): Map<string, number> {
  const sums = new Map<string, number>();
  const add = (m: MovementDraft, p: StockPlace, delta: number) => {
    const key = balanceKey({ ...p, productId: m.productId, lot: m.lot, serial: m.serial, rmaLineId: m.rmaLineId });
    sums.set(key, (sums.get(key) ?? 0) + delta);
  };
  for (const m of movements) {
    if (m.from) add(m, m.from, -m.quantity);
    if (m.to) add(m, m.to, m.quantity);
  }
  return sums;
}

const nonZero = (b: Balances) => new Map([...b].filter(([, q]) => q !== 0));

describe('stock ledger under random movements (property)', () => {
  it('never goes negative, conserves units, refuses whole, keeps serials single', () => {
    // How many of each kind were applied and refused, so the property is known to reach them all.
    const seen = { receipt: 0, move: 0, issue: 0, split: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 80 }), (ops) => {
        let balances: Balances = new Map();
        let received = 0;
        let left = 0;
        const written: MovementDraft[] = [];
        for (const o of ops) {
          const request = requestOf(balances, o);
          if (!request) continue;
          const before = balances;
          const snapshot = new Map(before);
          const result = applyRequest(balances, request);
          if (!result.ok) {
            seen.refused += 1;
            // Refused whole: nothing changed.
            expect(balances).toBe(before);
            expect(new Map(before)).toEqual(snapshot);
            continue;
          }
          expect(result.movements.reduce((sum, m) => sum + m.quantity, 0)).toBe(request.quantity);
          if (result.movements.length > 1) seen.split += 1;
          for (const m of result.movements) seen[!m.from ? 'receipt' : !m.to ? 'issue' : 'move'] += 1;
          for (const m of result.movements) {
            expect(m.quantity).toBeGreaterThan(0);
            if (!m.from) received += m.quantity;
            if (!m.to) left += m.quantity;
          }
          written.push(...result.movements);
          balances = result.balances;

          for (const quantityHere of balances.values()) expect(quantityHere).toBeGreaterThanOrEqual(0);
          expect(unitsOnHand(balances)).toBe(received - left);
          const serials = new Map<string, number>();
          for (const [key, q] of balances) {
            const k = parseBalanceKey(key);
            const serial = `${k.productId}|${k.serial}`;
            if (k.serial !== '' && q > 0) serials.set(serial, (serials.get(serial) ?? 0) + q);
          }
          for (const q of serials.values()) expect(q).toBe(1);
        }
        // The balances are the movements, summed; and what planners may promise is the saleable units.
        expect(nonZero(balances)).toEqual(nonZero(sumOf(written)));
        for (const productId of PRODUCTS) {
          const saleable = [...balances]
            .map(([key, q]) => ({ k: parseBalanceKey(key), q }))
            .filter(({ k }) => k.productId === productId && k.status === 'saleable')
            .reduce((sum, { q }) => sum + q, 0);
          expect(availableToPromise(balances, productId)).toBe(saleable);
        }
      }),
      { numRuns: 300 },
    );
    expect(Math.min(...Object.values(seen))).toBeGreaterThan(10);
  });

  it('refuses taking more units than a place holds, whatever was asked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 10 }), (held, asked) => {
        const inspection: StockPlace = { siteId: 'site_1', locationId: 'loc_in', status: 'awaiting_inspection' };
        const received = applyRequest(new Map(), {
          productId: 'prd_a',
          from: null,
          to: inspection,
          quantity: held,
          lot: '',
          serial: '',
          rmaLineId: 'rml_1',
        });
        if (!received.ok) throw new Error(received.message);
        const moved = applyRequest(received.balances, {
          productId: 'prd_a',
          from: inspection,
          to: { ...inspection, status: 'saleable' },
          quantity: asked,
          lot: '',
          serial: '',
        });
        expect(moved.ok).toBe(asked <= held);
        if (moved.ok) expect(availableToPromise(moved.balances, 'prd_a')).toBe(asked);
      }),
    );
  });
});
