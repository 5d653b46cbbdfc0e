import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES, type AccountRole } from '../../contracts/ledger.js';
import { ON_HAND_STATUSES } from '../../contracts/inventory.js';
import { balance } from './journal.js';
import { ACCOUNT_OF_STATUS, movementLines } from './stock-accounts.js';

type Status = (typeof ON_HAND_STATUSES)[number];

// Written out by hand rather than read from the module: the chart the postings must use.
const EXPECTED: Record<Status, AccountRole> = {
  awaiting_inspection: 'returns_awaiting_inspection',
  saleable: 'inventory',
  allocated_to_replacement: 'inventory',
  in_repair: 'returns_in_repair',
  in_refurbishment: 'returns_in_repair',
  quarantined: 'returns_quarantined',
  on_vendor_return: 'returns_on_vendor_return',
  secondary_channel: 'returns_secondary_channel',
  scrapped: 'scrap_write_off',
};

const label = (status: Status) => status.replace(/_/g, ' ');

describe('ACCOUNT_OF_STATUS', () => {
  it('names an account role for every on-hand status', () => {
    expect(Object.keys(ACCOUNT_OF_STATUS).sort()).toEqual([...ON_HAND_STATUSES].sort());
    expect(ACCOUNT_OF_STATUS).toEqual(EXPECTED);
    for (const role of Object.values(ACCOUNT_OF_STATUS)) expect(ACCOUNT_ROLES).toContain(role);
  });
});

describe('movementLines', () => {
  it('every status pair: the value moves from the account of the status left to the one reached', () => {
    for (const from of ON_HAND_STATUSES)
      for (const to of ON_HAND_STATUSES) {
        const lines = movementLines({ fromStatus: from, toStatus: to, valueMinor: 4_200 }, 'inventory_write_down');
        if (EXPECTED[from] === EXPECTED[to]) {
          // Same account (saleable ↔ allocated, repair ↔ refurbishment, a move of place): nothing to post.
          expect(lines, `${from} → ${to}`).toEqual([]);
          continue;
        }
        const memo = `${label(from)} → ${label(to)}`;
        expect(lines, `${from} → ${to}`).toEqual([
          { role: EXPECTED[to], amountMinor: 4_200, memo },
          { role: EXPECTED[from], amountMinor: -4_200, memo },
        ]);
        expect(balance(lines)).toMatchObject({ ok: true, totalMinor: 4_200 });
      }
  });

  it('a receipt brings the cost back from cost of goods sold into returns awaiting inspection', () => {
    expect(
      movementLines({ fromStatus: null, toStatus: 'awaiting_inspection', valueMinor: 12_000 }, 'inventory_write_down'),
    ).toEqual([
      { role: 'returns_awaiting_inspection', amountMinor: 12_000, memo: 'received: awaiting inspection' },
      { role: 'cost_of_goods_sold', amountMinor: -12_000, memo: 'received: awaiting inspection' },
    ]);
    // The exit account plays no part in a receipt.
    expect(
      movementLines({ fromStatus: null, toStatus: 'awaiting_inspection', valueMinor: 12_000 }, 'vendor_receivable'),
    ).toEqual(
      movementLines({ fromStatus: null, toStatus: 'awaiting_inspection', valueMinor: 12_000 }, 'cost_of_goods_sold'),
    );
  });

  it('units leaving stock go to the exit account the posting names', () => {
    const exits: Array<[Status, AccountRole]> = [
      ['on_vendor_return', 'vendor_receivable'],
      ['secondary_channel', 'inventory_write_down'],
      ['quarantined', 'cost_of_goods_sold'],
      ['saleable', 'inventory_write_down'],
      ['awaiting_inspection', 'inventory_write_down'],
    ];
    for (const [from, exit] of exits) {
      const memo = `${label(from)} → out`;
      expect(movementLines({ fromStatus: from, toStatus: null, valueMinor: 6_000 }, exit)).toEqual([
        { role: exit, amountMinor: 6_000, memo },
        { role: EXPECTED[from], amountMinor: -6_000, memo },
      ]);
    }
    // Leaving for the account the units are already in (nothing to move).
    expect(movementLines({ fromStatus: 'saleable', toStatus: null, valueMinor: 6_000 }, 'inventory')).toEqual([]);
  });

  it('scrapped units leave at no value: they were written off when they were scrapped', () => {
    for (const exit of ACCOUNT_ROLES)
      expect(movementLines({ fromStatus: 'scrapped', toStatus: null, valueMinor: 6_000 }, exit)).toEqual([]);
    // Scrapping itself is the write-off.
    expect(
      movementLines({ fromStatus: 'in_repair', toStatus: 'scrapped', valueMinor: 6_000 }, 'vendor_receivable'),
    ).toEqual([
      { role: 'scrap_write_off', amountMinor: 6_000, memo: 'in repair → scrapped' },
      { role: 'returns_in_repair', amountMinor: -6_000, memo: 'in repair → scrapped' },
    ]);
  });

  it('a unit carried at nothing posts lines that balance() drops', () => {
    const lines = movementLines(
      { fromStatus: 'awaiting_inspection', toStatus: 'saleable', valueMinor: 0 },
      'inventory',
    );
    expect(balance(lines)).toEqual({ ok: true, totalMinor: 0, lines: [] });
  });

  it('property: a unit’s path through stock, in and out, nets every returns account to zero', () => {
    const path = fc.array(fc.constantFrom(...ON_HAND_STATUSES), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        path,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(...ACCOUNT_ROLES),
        (statuses, value, exit) => {
          const hops: Array<[Status | null, Status | null]> = [];
          let at: Status | null = null;
          for (const status of statuses) {
            hops.push([at, status]);
            at = status;
          }
          hops.push([at, null]);
          const lines = hops.flatMap(([fromStatus, toStatus]) =>
            movementLines({ fromStatus, toStatus, valueMinor: value }, exit),
          );
          const checked = balance(lines);
          expect(checked.ok).toBe(true);
          const byRole = new Map<AccountRole, number>();
          for (const line of lines) byRole.set(line.role, (byRole.get(line.role) ?? 0) + line.amountMinor);
          const returnsAccounts = new Set(
            Object.values(EXPECTED).filter((role) => role === 'inventory' || role.startsWith('returns_')),
          );
          // Gone from stock: nothing left in any returns-inventory account (unless it is the exit itself).
          for (const role of returnsAccounts) if (role !== exit) expect(byRole.get(role) ?? 0, role).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
