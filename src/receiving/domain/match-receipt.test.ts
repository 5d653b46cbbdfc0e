import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchReceipt, type CountedGoods, type ExpectedLine } from './match-receipt.js';

const drill: ExpectedLine = { rmaLineId: 'l1', productId: 'drill', remaining: 2, serials: [] };
const scanner: ExpectedLine = { rmaLineId: 'l2', productId: 'scanner', remaining: 2, serials: ['S1', 'S2'] };

describe('matchReceipt', () => {
  it('receives what the return expects, and leaves the rest expected', () => {
    const match = matchReceipt([drill, scanner], [{ productId: 'drill', quantity: 1, serials: [], lots: ['L7'] }]);
    expect(match).toEqual({
      received: [{ rmaLineId: 'l1', productId: 'drill', quantity: 1, serials: [], lots: ['L7'] }],
      exceptions: [],
    });
  });

  it('makes the surplus an over-receipt, a foreign product a wrong item, an unheld serial an unknown serial', () => {
    const match = matchReceipt(
      [drill, scanner],
      [
        { productId: 'drill', quantity: 3, serials: [], lots: [] },
        { productId: 'hammer', quantity: 1, serials: [], lots: [] },
        { productId: 'scanner', quantity: 2, serials: ['S2', 'S9'], lots: [] },
      ],
    );
    expect(match.received).toMatchObject([
      { rmaLineId: 'l1', productId: 'drill', quantity: 2, serials: [], lots: [] },
      { rmaLineId: 'l2', productId: 'scanner', quantity: 1, serials: ['S2'], lots: [] },
    ]);
    expect(match.exceptions.map((e) => [e.kind, e.productId, e.quantity, e.serials])).toEqual([
      ['over_receipt', 'drill', 1, []],
      ['wrong_item', 'hammer', 1, []],
      ['unknown_serial', 'scanner', 1, ['S9']],
    ]);
  });

  it('a serial received twice is an over-receipt the second time', () => {
    const match = matchReceipt(
      [scanner],
      [
        { productId: 'scanner', quantity: 1, serials: ['S1'], lots: [] },
        { productId: 'scanner', quantity: 1, serials: ['S1'], lots: [] },
      ],
    );
    expect(match.received).toHaveLength(1);
    expect(match.exceptions).toEqual([expect.objectContaining({ kind: 'over_receipt', serials: ['S1'] })]);
  });

  it('a serial an earlier receipt took is an over-receipt when scanned again, while the line still expects others', () => {
    const match = matchReceipt(
      [{ ...scanner, remaining: 1, receivedSerials: ['S1'] }],
      [{ productId: 'scanner', quantity: 1, serials: ['S1'], lots: [] }],
    );
    expect(match.received).toEqual([]);
    expect(match.exceptions).toEqual([
      expect.objectContaining({ kind: 'over_receipt', serials: ['S1'], reason: 'serial S1 was already received' }),
    ]);
  });

  it('conserves units and never receives more than a line expects (any counts)', () => {
    const lineArb = fc.record({
      rmaLineId: fc.constantFrom('a', 'b', 'c'),
      productId: fc.constantFrom('p', 'q'),
      remaining: fc.integer({ min: 0, max: 5 }),
      serials: fc.constant([] as string[]),
    });
    const countedArb = fc.record({
      productId: fc.constantFrom('p', 'q', 'r'),
      quantity: fc.integer({ min: 1, max: 6 }),
      serials: fc.constant([] as string[]),
      lots: fc.constant([] as string[]),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(lineArb, { selector: (line) => line.rmaLineId, maxLength: 3 }),
        fc.array(countedArb, { maxLength: 6 }),
        (lines: ExpectedLine[], counted: CountedGoods[]) => {
          const { received, exceptions } = matchReceipt(lines, counted);
          const total = (items: Array<{ quantity: number }>) => items.reduce((s, i) => s + i.quantity, 0);
          expect(total(received) + total(exceptions)).toBe(total(counted));
          for (const line of lines) {
            const onLine = received.filter((r) => r.rmaLineId === line.rmaLineId);
            expect(total(onLine)).toBeLessThanOrEqual(line.remaining);
          }
        },
      ),
    );
  });
});
