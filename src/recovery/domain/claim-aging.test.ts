import { describe, expect, it } from 'vitest';
import {
  ageClaims,
  agingBucketOf,
  claimAgeDays,
  daysBetween,
  isOpenClaim,
  median,
  type ClaimForAging,
} from './claim-aging.js';

const TODAY = '2026-11-26';

let n = 0;
const claim = (overrides: Partial<ClaimForAging> = {}): ClaimForAging => ({
  supplier_id: 'sup_a',
  supplier_name: 'Acme Tools',
  currency: 'USD',
  status: 'submitted',
  submitted_at: `2026-11-${String(20 - (n++ % 5)).padStart(2, '0')}T10:00:00.000Z`,
  decided_at: null,
  paid_at: null,
  claimed_minor: 1000,
  accepted_minor: null,
  paid_minor: null,
  ...overrides,
});

const empty = { count: 0, amountMinor: 0 };

describe('daysBetween', () => {
  it('counts calendar days (UTC) between dates or timestamps, whatever the time of day', () => {
    expect(daysBetween('2026-11-26', '2026-11-26')).toBe(0);
    expect(daysBetween('2026-11-25T23:59:59.999Z', '2026-11-26T00:00:00.000Z')).toBe(1);
    expect(daysBetween('2026-11-26T00:00:00.000Z', '2026-11-26T23:59:59.999Z')).toBe(0);
    expect(daysBetween('2026-10-27', '2026-11-26')).toBe(30);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    // Across a daylight-saving change (no effect in UTC).
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-11-26', '2026-11-20')).toBe(-6);
  });
});

describe('agingBucketOf', () => {
  it('puts days into 0-30, 31-60, 61-90 and 90+', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(agingBucketOf)).toEqual([
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
    ]);
  });
});

describe('isOpenClaim', () => {
  it('is open until paid or rejected', () => {
    expect(['submitted', 'acknowledged', 'accepted', 'partially_accepted'].every((s) => isOpenClaim(s as never))).toBe(
      true,
    );
    expect(isOpenClaim('paid')).toBe(false);
    expect(isOpenClaim('rejected')).toBe(false);
  });
});

describe('claimAgeDays', () => {
  const submitted_at = '2026-10-01T08:00:00.000Z';
  it('runs to today while the claim is open', () => {
    for (const status of ['submitted', 'acknowledged', 'accepted', 'partially_accepted'] as const)
      expect(claimAgeDays({ status, submitted_at, paid_at: null, decided_at: '2026-10-10T00:00:00Z' }, TODAY)).toBe(56);
  });
  it('stops at the payment, or at the rejection', () => {
    expect(
      claimAgeDays(
        { status: 'paid', submitted_at, decided_at: '2026-10-10T00:00:00Z', paid_at: '2026-10-21T15:00:00Z' },
        TODAY,
      ),
    ).toBe(20);
    expect(
      claimAgeDays({ status: 'rejected', submitted_at, decided_at: '2026-10-04T00:00:00Z', paid_at: null }, TODAY),
    ).toBe(3);
  });
  it('is never negative (a clock set back, a claim dated ahead)', () => {
    expect(
      claimAgeDays(
        { status: 'submitted', submitted_at: '2026-12-01T00:00:00Z', paid_at: null, decided_at: null },
        TODAY,
      ),
    ).toBe(0);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones; none of nothing', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 1, 4, 3])).toBe(3.5);
  });
});

describe('ageClaims', () => {
  it('is empty without claims', () => {
    expect(ageClaims([], TODAY)).toEqual([]);
  });

  it('buckets open claims by age at what is still expected: the accepted amount once answered', () => {
    const rows = ageClaims(
      [
        claim({ submitted_at: '2026-11-26T09:00:00Z', claimed_minor: 100 }),
        claim({ submitted_at: '2026-10-27T09:00:00Z', claimed_minor: 200, status: 'acknowledged' }),
        claim({ submitted_at: '2026-10-26T09:00:00Z', claimed_minor: 400, status: 'accepted', accepted_minor: 400 }),
        claim({
          submitted_at: '2026-09-26T09:00:00Z',
          claimed_minor: 800,
          status: 'partially_accepted',
          accepted_minor: 300,
        }),
        claim({ submitted_at: '2026-08-01T09:00:00Z', claimed_minor: 1600 }),
        // Closed ones are not open: a rejection counts nowhere, a payment in the cycle.
        claim({ submitted_at: '2026-08-01T09:00:00Z', claimed_minor: 5000, status: 'rejected', accepted_minor: 0 }),
      ],
      TODAY,
    );
    expect(rows).toEqual([
      {
        supplierId: 'sup_a',
        supplierName: 'Acme Tools',
        currency: 'USD',
        buckets: {
          '0-30': { count: 2, amountMinor: 300 },
          '31-60': { count: 1, amountMinor: 400 },
          '61-90': { count: 1, amountMinor: 300 },
          '90+': { count: 1, amountMinor: 1600 },
        },
        openCount: 5,
        openAmountMinor: 2600,
        paidCount: 0,
        averageDaysToPay: null,
        medianDaysToPay: null,
      },
    ]);
  });

  it('times the reimbursement cycle over paid claims: average to a tenth of a day, median', () => {
    const paid = (submitted: string, paidAt: string) =>
      claim({
        status: 'paid',
        submitted_at: submitted,
        decided_at: submitted,
        paid_at: paidAt,
        accepted_minor: 1000,
        paid_minor: 1000,
      });
    const [row] = ageClaims(
      [
        paid('2026-11-01T10:00:00Z', '2026-11-11T09:00:00Z'),
        paid('2026-11-01T10:00:00Z', '2026-11-02T23:00:00Z'),
        paid('2026-11-01T10:00:00Z', '2026-11-21T10:00:00Z'),
        paid('2026-11-01T10:00:00Z', '2026-11-01T18:00:00Z'),
      ],
      TODAY,
    );
    // 10, 1, 20 and 0 days.
    expect(row).toMatchObject({
      openCount: 0,
      openAmountMinor: 0,
      buckets: { '0-30': empty, '31-60': empty, '61-90': empty, '90+': empty },
      paidCount: 4,
      averageDaysToPay: 7.8,
      medianDaysToPay: 5.5,
    });
    const [third] = ageClaims(
      [paid('2026-11-01', '2026-11-02'), paid('2026-11-01', '2026-11-02'), paid('2026-11-01', '2026-11-03')],
      TODAY,
    );
    expect(third!.averageDaysToPay).toBe(1.3);
  });

  it('keeps one row per supplier and currency, largest open amount first, then by name', () => {
    const rows = ageClaims(
      [
        claim({ supplier_id: 'sup_b', supplier_name: 'Bolt Co', claimed_minor: 500 }),
        claim({ supplier_id: 'sup_a', supplier_name: 'Acme Tools', claimed_minor: 500 }),
        claim({ supplier_id: 'sup_a', supplier_name: 'Acme Tools', currency: 'EUR', claimed_minor: 900 }),
        claim({ supplier_id: 'sup_c', supplier_name: null, claimed_minor: 100, status: 'rejected' }),
        claim({ supplier_id: 'sup_b', supplier_name: 'Bolt Co', claimed_minor: 250, status: 'acknowledged' }),
      ],
      TODAY,
    );
    expect(rows.map((r) => [r.supplierId, r.currency, r.openAmountMinor, r.openCount])).toEqual([
      ['sup_a', 'EUR', 900, 1],
      ['sup_b', 'USD', 750, 2],
      ['sup_a', 'USD', 500, 1],
      // A supplier with only closed claims still has its row, and sorts by id without a name.
      ['sup_c', 'USD', 0, 0],
    ]);
  });

  it('counts every open claim exactly once, and its amount once', () => {
    const claims = Array.from({ length: 60 }, (_, i) =>
      claim({
        submitted_at: `2026-${String(6 + (i % 6)).padStart(2, '0')}-0${1 + (i % 9)}T00:00:00Z`,
        claimed_minor: 100 + i,
        status: (['submitted', 'acknowledged', 'accepted', 'partially_accepted', 'paid', 'rejected'] as const)[i % 6],
        accepted_minor: i % 6 === 2 ? 100 + i : i % 6 === 3 ? 50 : null,
        paid_at: i % 6 === 4 ? '2026-11-20T00:00:00Z' : null,
      }),
    );
    const [row] = ageClaims(claims, TODAY);
    const open = claims.filter((c) => isOpenClaim(c.status));
    const buckets = Object.values(row!.buckets);
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(open.length);
    expect(row!.openCount).toBe(open.length);
    expect(buckets.reduce((sum, b) => sum + b.amountMinor, 0)).toBe(row!.openAmountMinor);
    expect(row!.openAmountMinor).toBe(open.reduce((sum, c) => sum + (c.accepted_minor ?? c.claimed_minor), 0));
    expect(row!.paidCount).toBe(claims.filter((c) => c.status === 'paid').length);
  });
});
