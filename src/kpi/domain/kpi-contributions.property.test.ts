// The rollups are the sum of the returns' facts however the facts changed along the way: applying
// each change as a delta (after − before) ends where summing the final facts does. And a return
// with several lines counts once under each value its lines have.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contributionKey, contributionsOf, rollupDelta, type Contribution } from './kpi-contributions.js';
import { deriveReturnFacts, MEASURE_COLUMNS, type ReturnRecords } from './return-kpi-facts.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

const lineRecords = fc.record({
  productId: fc.constantFrom('p1', 'p2', 'p3'),
  reasonCode: fc.constantFrom('DEFECTIVE', 'WRONG_ITEM'),
  received: fc.integer({ min: 0, max: 5 }),
  disposed: fc.integer({ min: 0, max: 5 }),
  restock: fc.boolean(),
  value: fc.integer({ min: 0, max: 10_000 }),
  late: fc.integer({ min: 0, max: 2 }),
  writeOff: fc.integer({ min: 0, max: 5_000 }),
});

const returnRecords = (rmaId: string) =>
  fc
    .record({
      created: fc.integer({ min: 0, max: 120 }),
      customerId: fc.constantFrom('c1', 'c2'),
      channel: fc.constantFrom('staff', 'portal', 'edi'),
      closed: fc.boolean(),
      unauthorized: fc.boolean(),
      repeat: fc.boolean(),
      exceptions: fc.integer({ min: 0, max: 3 }),
      lines: fc.array(lineRecords, { minLength: 1, maxLength: 3 }),
    })
    .map((r): ReturnRecords => ({
      rmaId,
      rmaNumber: rmaId.toUpperCase(),
      createdAt: day(r.created),
      legalEntityId: 'le1',
      currency: 'USD',
      customerId: r.customerId,
      channel: r.channel,
      returnType: 'standard',
      status: r.closed ? 'closed' : 'authorized',
      closedAt: r.closed ? day(r.created + 9) : null,
      isUnauthorized: r.unauthorized,
      isRepeat: r.repeat,
      routedSiteId: 's1',
      firstReceiptSiteId: null,
      openExceptions: r.exceptions,
      freightCostMinor: 0,
      settlementDocumentsAt: [],
      lines: r.lines.map((l, i) => ({
        rmaLineId: `${rmaId}-l${i}`,
        productId: l.productId,
        category: l.productId === 'p3' ? 'tools' : 'toys',
        supplierId: 'sup1',
        reasonCode: l.reasonCode,
        unitValueMinor: l.value,
        receivedUnits: l.received,
        firstReceivedAt: l.received > 0 ? day(r.created + 2) : null,
        dispositions:
          l.received > 0
            ? [
                {
                  quantity: Math.min(l.disposed, l.received),
                  decidedAt: day(r.created + 4),
                  action: l.restock ? 'restock' : 'scrap',
                },
              ]
            : [],
        repairedValueMinor: 0,
        repairCostMinor: 0,
        liquidationProceedsMinor: 0,
        writeOffMinor: l.restock ? 0 : l.writeOff,
        claims: [],
        lateInspections: l.late,
      })),
    }));

function sum(contributions: readonly Contribution[]) {
  const out = new Map<string, Record<string, number>>();
  for (const c of contributions) {
    const key = contributionKey(c);
    const entry = out.get(key) ?? Object.fromEntries(MEASURE_COLUMNS.map((m) => [m, 0]));
    for (const m of MEASURE_COLUMNS) entry[m]! += c.measures[m];
    out.set(key, entry);
  }
  // Keys that sum to nothing are rows a delta left at zero: equal to absent.
  for (const [key, entry] of out) if (MEASURE_COLUMNS.every((m) => entry[m] === 0)) out.delete(key);
  return out;
}

describe('KPI rollups', () => {
  it('applying every change as a delta equals summing the final facts', () => {
    const histories = fc.tuple(
      fc.array(returnRecords('rma_a'), { minLength: 1, maxLength: 4 }),
      fc.array(returnRecords('rma_b'), { minLength: 1, maxLength: 4 }),
    );
    fc.assert(
      fc.property(histories, ([a, b]) => {
        const applied: Contribution[] = [];
        for (const history of [a, b]) {
          let before = null;
          for (const records of history) {
            const after = deriveReturnFacts(records);
            applied.push(...rollupDelta(before, after));
            before = after;
          }
        }
        const final = [a, b].flatMap((history) => contributionsOf(deriveReturnFacts(history.at(-1)!)));
        expect(sum(applied)).toEqual(sum(final));
      }),
    );
  });

  it('a return counts once under each of its lines’ values, and its lines’ units add up', () => {
    fc.assert(
      fc.property(returnRecords('rma_c'), (records) => {
        const facts = deriveReturnFacts(records);
        // The month's rows (each is repeated in its year's row).
        const contributions = contributionsOf(facts).filter((c) => c.period === facts.period);
        const products = contributions.filter((c) => c.dimension === 'product');
        expect(products.map((c) => c.value).sort()).toEqual([...new Set(records.lines.map((l) => l.productId))].sort());
        for (const c of products) expect(c.measures.returns).toBe(1);
        const units = products.reduce((n, c) => n + c.measures.received_units, 0);
        const all = contributions.find((c) => c.dimension === 'all')!;
        const year = contributionsOf(facts).find(
          (c) => c.dimension === 'all' && c.period === `Y${facts.period.slice(0, 4)}`,
        )!;
        expect(year.measures).toEqual(all.measures);
        expect(units).toBe(all.measures.received_units);
        expect(all.measures.received_units).toBe(records.lines.reduce((n, l) => n + l.receivedUnits, 0));
      }),
    );
  });
});
