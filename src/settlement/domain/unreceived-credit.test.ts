import { describe, expect, it } from 'vitest';
import {
  takeBacksOf,
  unreceivedUnitsOf,
  withdrawnShareOf,
  type CreditedLine,
  type CreditedMemo,
} from './unreceived-credit.js';

const line = (overrides: Partial<CreditedLine> & Pick<CreditedLine, 'id'>): CreditedLine => ({
  rmaLineId: 'rl1',
  basis: 'authorization',
  quantity: 5,
  provenUnits: 0,
  withdrawnUnits: 0,
  ...overrides,
});
const memo = (id: string, status: CreditedMemo['status'], lines: CreditedLine[]): CreditedMemo => ({
  id,
  status,
  lines,
});
const received = (entries: Array<[string, number]> = []) => new Map(entries);

describe('unreceivedUnitsOf', () => {
  it('takes back every unit credited on authorization when nothing arrived', () => {
    const memos = [memo('m1', 'issued', [line({ id: 'l1' }), line({ id: 'l2', rmaLineId: 'rl2', quantity: 2 })])];
    expect(unreceivedUnitsOf(memos, received())).toEqual(
      new Map([
        ['l1', 5],
        ['l2', 2],
      ]),
    );
  });

  it('on a partial receipt takes back only the units that did not arrive', () => {
    const memos = [memo('m1', 'issued', [line({ id: 'l1', provenUnits: 2 })])];
    expect(unreceivedUnitsOf(memos, received([['rl1', 2]]))).toEqual(new Map([['l1', 3]]));
  });

  it('never takes back credit on receipt or after inspection: those units arrived', () => {
    const memos = [
      memo('m1', 'issued', [line({ id: 'l1', basis: 'receipt', quantity: 2 })]),
      memo('m2', 'draft', [line({ id: 'l2', basis: 'inspection', quantity: 1 })]),
    ];
    expect(unreceivedUnitsOf(memos, received([['rl1', 3]]))).toEqual(new Map());
  });

  it('ignores void memos and units already withdrawn', () => {
    const memos = [
      memo('m0', 'void', [line({ id: 'l0' })]),
      memo('m1', 'applied', [line({ id: 'l1', withdrawnUnits: 3 })]),
    ];
    expect(unreceivedUnitsOf(memos, received([['rl1', 2]]))).toEqual(new Map());
  });

  it('takes back from a draft before an applied memo', () => {
    const memos = [
      memo('applied', 'applied', [line({ id: 'a', quantity: 2 })]),
      memo('draft', 'draft', [line({ id: 'd', quantity: 3 })]),
    ];
    // 5 credited, 3 arrived: the 2 that did not are taken from the draft.
    expect(unreceivedUnitsOf(memos, received([['rl1', 3]]))).toEqual(new Map([['d', 2]]));
  });
});

describe('takeBacksOf', () => {
  it('voids a memo none of whose units arrived, unless it was applied', () => {
    const lines = [line({ id: 'l1' })];
    const units = new Map([['l1', 5]]);
    for (const status of ['draft', 'approved', 'issued'] as const)
      expect(takeBacksOf([memo('m1', status, lines)], units)).toEqual([{ memoId: 'm1', action: 'void' }]);
    expect(takeBacksOf([memo('m1', 'applied', lines)], units)).toEqual([
      { memoId: 'm1', action: 'withdraw', lines: [{ lineId: 'l1', units: 5, unitsBefore: 0 }] },
    ]);
  });

  it('withdraws the last units of a line when some arrived, keeping the memo', () => {
    const memos = [memo('m1', 'issued', [line({ id: 'l1', provenUnits: 2 })])];
    expect(takeBacksOf(memos, new Map([['l1', 3]]))).toEqual([
      { memoId: 'm1', action: 'withdraw', lines: [{ lineId: 'l1', units: 3, unitsBefore: 2 }] },
    ]);
  });

  it('keeps a memo that also credits other units, withdrawing only the lines that did not arrive', () => {
    const memos = [
      memo('m1', 'draft', [line({ id: 'l1' }), line({ id: 'l2', rmaLineId: 'rl2', basis: 'receipt', quantity: 1 })]),
    ];
    expect(takeBacksOf(memos, new Map([['l1', 5]]))).toEqual([
      { memoId: 'm1', action: 'withdraw', lines: [{ lineId: 'l1', units: 5, unitsBefore: 0 }] },
    ]);
  });

  it('leaves memos with nothing to take back alone', () => {
    expect(takeBacksOf([memo('m1', 'issued', [line({ id: 'l1' })])], new Map())).toEqual([]);
  });
});

describe('withdrawnShareOf', () => {
  const early = { quantity: 3, priceMinor: 30_000, taxMinor: 2_400, restockingFeeMinor: 4_500 };

  it('is the units’ cumulative share, so withdrawn and inspected parts add up to the line', () => {
    const tail = withdrawnShareOf(early, 1, 2, 'cancelled');
    expect(tail).toMatchObject({ priceMinor: 20_000, taxMinor: 1_600, restockingFeeMinor: 3_000, totalMinor: 18_600 });
    expect(tail.explanation).toBe('units 2–3 of 3 never received (return cancelled); 18600 withdrawn');
    const uneven = { quantity: 3, priceMinor: 100, taxMinor: 10, restockingFeeMinor: 1 };
    const head = shareOf(uneven, 0, 1);
    const rest = withdrawnShareOf(uneven, 1, 2, 'expired');
    expect(head.price + rest.priceMinor).toBe(100);
    expect(head.tax + rest.taxMinor).toBe(10);
  });

  it('refuses units the line does not have', () => {
    expect(() => withdrawnShareOf(early, 2, 2, 'expired')).toThrow(/not units of a line of 3/);
  });
});

function shareOf(line: { quantity: number; priceMinor: number; taxMinor: number }, before: number, units: number) {
  const part = (amount: number) =>
    Math.round((amount * (before + units)) / line.quantity) - Math.round((amount * before) / line.quantity);
  return { price: part(line.priceMinor), tax: part(line.taxMinor) };
}
