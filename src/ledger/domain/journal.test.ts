import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES, type AccountRole } from '../../contracts/ledger.js';
import { balance, hasEnded, periodOf, reversalOf, type BalancedLine, type DraftLine } from './journal.js';

const ok = (lines: DraftLine[]) => {
  const checked = balance(lines);
  if (!checked.ok) throw new Error(`expected a balanced entry: ${checked.message}`);
  return checked;
};

const sumOf = (
  lines: ReadonlyArray<Pick<BalancedLine, 'debitMinor' | 'creditMinor'>>,
  side: 'debitMinor' | 'creditMinor',
) => lines.reduce((sum, line) => sum + line[side], 0);

describe('balance', () => {
  it('turns signed draft lines into one-sided lines: positive debits, negative credits', () => {
    expect(
      ok([
        { role: 'returns_awaiting_inspection', amountMinor: 12_000, memo: 'received' },
        { role: 'cost_of_goods_sold', amountMinor: -12_000, memo: 'received' },
      ]),
    ).toEqual({
      ok: true,
      totalMinor: 12_000,
      lines: [
        { role: 'returns_awaiting_inspection', debitMinor: 12_000, creditMinor: 0, memo: 'received' },
        { role: 'cost_of_goods_sold', debitMinor: 0, creditMinor: 12_000, memo: 'received' },
      ],
    });
  });

  it('refuses an entry whose debits and credits differ, saying by how much', () => {
    const checked = balance([
      { role: 'inventory', amountMinor: 100, memo: 'x' },
      { role: 'returns_in_repair', amountMinor: -99, memo: 'x' },
    ]);
    expect(checked).toEqual({ ok: false, message: 'the entry does not balance: debits 100, credits 99' });
    expect(balance([{ role: 'inventory', amountMinor: 1, memo: 'one side' }]).ok).toBe(false);
    expect(balance([{ role: 'inventory', amountMinor: -1, memo: 'one side' }]).ok).toBe(false);
  });

  it('refuses amounts that are not a whole number of minor units', () => {
    for (const bad of [0.5, 100.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53]) {
      const checked = balance([
        { role: 'inventory', amountMinor: bad, memo: 'x' },
        { role: 'returns_in_repair', amountMinor: -100, memo: 'x' },
      ]);
      expect(checked.ok, String(bad)).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(/^inventory: .* is not a whole number of minor units$/);
    }
    // Even when the halves would balance.
    expect(
      balance([
        { role: 'inventory', amountMinor: 0.5, memo: 'x' },
        { role: 'returns_in_repair', amountMinor: -0.5, memo: 'x' },
      ]).ok,
    ).toBe(false);
  });

  it('drops zero lines: a unit that cost nothing moves nothing', () => {
    expect(
      ok([
        { role: 'inventory', amountMinor: 0, memo: 'free sample' },
        { role: 'returns_awaiting_inspection', amountMinor: -0, memo: 'free sample' },
      ]),
    ).toEqual({ ok: true, totalMinor: 0, lines: [] });
    expect(ok([]).lines).toEqual([]);
    const kept = ok([
      { role: 'scrap_write_off', amountMinor: 0, memo: 'nothing' },
      { role: 'inventory', amountMinor: 500, memo: 'restock' },
      { role: 'returns_awaiting_inspection', amountMinor: -500, memo: 'restock' },
    ]);
    expect(kept.lines.map((line) => line.role)).toEqual(['inventory', 'returns_awaiting_inspection']);
  });

  it('merges lines of one role and memo, and drops those that cancel out', () => {
    const checked = ok([
      { role: 'inventory', amountMinor: 100, memo: 'restock' },
      { role: 'returns_awaiting_inspection', amountMinor: -100, memo: 'restock' },
      { role: 'inventory', amountMinor: 250, memo: 'restock' },
      { role: 'returns_awaiting_inspection', amountMinor: -250, memo: 'restock' },
      // Another memo stays its own line, even on the same account.
      { role: 'inventory', amountMinor: 40, memo: 'other' },
      { role: 'returns_in_repair', amountMinor: -40, memo: 'other' },
      // There and back again on one memo: nothing left to post.
      { role: 'returns_quarantined', amountMinor: 70, memo: 'round trip' },
      { role: 'returns_quarantined', amountMinor: -70, memo: 'round trip' },
    ]);
    expect(checked.totalMinor).toBe(390);
    expect(checked.lines).toEqual([
      { role: 'inventory', debitMinor: 350, creditMinor: 0, memo: 'restock' },
      { role: 'inventory', debitMinor: 40, creditMinor: 0, memo: 'other' },
      { role: 'returns_awaiting_inspection', debitMinor: 0, creditMinor: 350, memo: 'restock' },
      { role: 'returns_in_repair', debitMinor: 0, creditMinor: 40, memo: 'other' },
    ]);
  });

  it('nets a debit and a credit of one role and memo into the side that is left', () => {
    const checked = ok([
      { role: 'inventory_write_down', amountMinor: 6000, memo: 'sold' },
      { role: 'returns_secondary_channel', amountMinor: -6000, memo: 'sold' },
      { role: 'liquidation_receivable', amountMinor: 9000, memo: 'sold' },
      { role: 'inventory_write_down', amountMinor: -9000, memo: 'sold' },
    ]);
    // Sold for more than it was carried at: the write-down account ends on the credit side.
    expect(checked.lines).toEqual([
      { role: 'liquidation_receivable', debitMinor: 9000, creditMinor: 0, memo: 'sold' },
      { role: 'inventory_write_down', debitMinor: 0, creditMinor: 3000, memo: 'sold' },
      { role: 'returns_secondary_channel', debitMinor: 0, creditMinor: 6000, memo: 'sold' },
    ]);
    expect(checked.totalMinor).toBe(9000);
  });

  it('lists debits first, each side in the order drafted', () => {
    const checked = ok([
      { role: 'cost_of_goods_sold', amountMinor: -30, memo: 'a' },
      { role: 'inventory', amountMinor: 10, memo: 'a' },
      { role: 'repair_costs_payable', amountMinor: -5, memo: 'b' },
      { role: 'returns_in_repair', amountMinor: 20, memo: 'a' },
      { role: 'repair_costs', amountMinor: 5, memo: 'b' },
    ]);
    expect(checked.lines.map((line) => [line.role, line.debitMinor, line.creditMinor])).toEqual([
      ['inventory', 10, 0],
      ['returns_in_repair', 20, 0],
      ['repair_costs', 5, 0],
      ['cost_of_goods_sold', 0, 30],
      ['repair_costs_payable', 0, 5],
    ]);
  });

  it('does not change the draft it was given', () => {
    const draft: DraftLine[] = [
      { role: 'inventory', amountMinor: 10, memo: 'a' },
      { role: 'inventory', amountMinor: 15, memo: 'a' },
      { role: 'cost_of_goods_sold', amountMinor: -25, memo: 'a' },
    ];
    const copy = structuredClone(draft);
    ok(draft);
    expect(draft).toEqual(copy);
  });

  const role = fc.constantFrom(...ACCOUNT_ROLES);
  const memo = fc.constantFrom('received', 'restock', 'scrap', 'repair cost', '');
  const amount = fc.integer({ min: 0, max: 1_000_000_000 });
  const pair = (debitRole: fc.Arbitrary<AccountRole>, creditRole: fc.Arbitrary<AccountRole>) =>
    fc
      .record({ debit: debitRole, credit: creditRole, amount, debitMemo: memo, creditMemo: memo })
      .map(({ debit, credit, amount: value, debitMemo, creditMemo }): DraftLine[] => [
        { role: debit, amountMinor: value, memo: debitMemo },
        { role: credit, amountMinor: -value, memo: creditMemo },
      ]);

  it('property: any list of balanced pairs balances, debits = credits = total, every (role, memo) nets the same', () => {
    fc.assert(
      fc.property(
        fc
          .array(pair(role, role), { maxLength: 30 })
          .chain((pairs) => fc.shuffledSubarray(pairs.flat(), { minLength: pairs.length * 2 })),
        (lines) => {
          const checked = ok(lines);
          expect(sumOf(checked.lines, 'debitMinor')).toBe(checked.totalMinor);
          expect(sumOf(checked.lines, 'creditMinor')).toBe(checked.totalMinor);
          for (const line of checked.lines) {
            expect(Number.isSafeInteger(line.debitMinor) && Number.isSafeInteger(line.creditMinor)).toBe(true);
            // One side only, positive: what the table's CHECKs ask of every line.
            expect(line.debitMinor >= 0 && line.creditMinor >= 0).toBe(true);
            expect(line.debitMinor === 0).not.toBe(line.creditMinor === 0);
          }
          const net = (rows: Array<{ role: string; memo: string; amount: number }>) => {
            const sums = new Map<string, number>();
            for (const row of rows)
              sums.set(`${row.role}|${row.memo}`, (sums.get(`${row.role}|${row.memo}`) ?? 0) + row.amount);
            return new Map([...sums].filter(([, value]) => value !== 0));
          };
          expect(net(checked.lines.map((l) => ({ ...l, amount: l.debitMinor - l.creditMinor })))).toEqual(
            net(lines.map((l) => ({ ...l, amount: l.amountMinor }))),
          );
          // Each (role, memo) appears once, debits before credits.
          const keys = checked.lines.map((l) => `${l.role}|${l.memo}`);
          expect(new Set(keys).size).toBe(keys.length);
          const firstCredit = checked.lines.findIndex((l) => l.creditMinor > 0);
          if (firstCredit >= 0) expect(checked.lines.slice(firstCredit).every((l) => l.creditMinor > 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: pairs from disjoint debit and credit accounts total exactly the amounts drafted', () => {
    const debitRoles = ACCOUNT_ROLES.filter((_, i) => i % 2 === 0);
    const creditRoles = ACCOUNT_ROLES.filter((_, i) => i % 2 === 1);
    fc.assert(
      fc.property(
        fc.array(pair(fc.constantFrom(...debitRoles), fc.constantFrom(...creditRoles)), { maxLength: 30 }),
        (pairs) => {
          const total = pairs.reduce((sum, [debit]) => sum + debit!.amountMinor, 0);
          const checked = ok(pairs.flat());
          expect(checked.totalMinor).toBe(total);
          expect(sumOf(checked.lines, 'debitMinor')).toBe(total);
          expect(sumOf(checked.lines, 'creditMinor')).toBe(total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: one minor unit more on any line and the entry is refused', () => {
    fc.assert(
      fc.property(
        fc.array(pair(role, role), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom(1, -1),
        (pairs, at, delta) => {
          const lines = pairs.flat();
          const index = at % lines.length;
          lines[index] = { ...lines[index]!, amountMinor: lines[index]!.amountMinor + delta };
          expect(balance(lines).ok).toBe(false);
        },
      ),
    );
  });
});

describe('reversalOf', () => {
  const lines = [
    { accountId: 'acc_1', debitMinor: 12_000, creditMinor: 0, memo: 'received' },
    { accountId: 'acc_2', debitMinor: 0, creditMinor: 12_000, memo: 'received' },
  ];

  it('swaps each side and keeps everything else, in order', () => {
    expect(reversalOf(lines)).toEqual([
      { accountId: 'acc_1', debitMinor: 0, creditMinor: 12_000, memo: 'received' },
      { accountId: 'acc_2', debitMinor: 12_000, creditMinor: 0, memo: 'received' },
    ]);
  });

  it('reversed twice is the original, and the original is not touched', () => {
    const copy = structuredClone(lines);
    expect(reversalOf(reversalOf(lines))).toEqual(lines);
    expect(lines).toEqual(copy);
    expect(reversalOf([])).toEqual([]);
  });

  it('property: an entry and its reversal net to zero on every account', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            accountId: fc.constantFrom('a', 'b', 'c'),
            debitMinor: fc.nat(1_000_000),
            creditMinor: fc.nat(1_000_000),
          }),
        ),
        (entry) => {
          const both = [...entry, ...reversalOf(entry)];
          for (const account of ['a', 'b', 'c']) {
            const mine = both.filter((line) => line.accountId === account);
            expect(sumOf(mine, 'debitMinor')).toBe(sumOf(mine, 'creditMinor'));
          }
        },
      ),
    );
  });
});

describe('periods', () => {
  it('the period of a date is its calendar month', () => {
    expect(periodOf('2026-11-26')).toBe('2026-11');
    expect(periodOf('2026-01-01')).toBe('2026-01');
    expect(periodOf('2025-12-31')).toBe('2025-12');
  });

  it('a period has ended once the day given is in a later month', () => {
    expect(hasEnded('2026-10', '2026-11-01')).toBe(true);
    expect(hasEnded('2025-12', '2026-01-01')).toBe(true);
    expect(hasEnded('2026-11', '2026-11-30')).toBe(false);
    expect(hasEnded('2026-11', '2026-11-01')).toBe(false);
    expect(hasEnded('2026-12', '2026-11-26')).toBe(false);
  });
});
