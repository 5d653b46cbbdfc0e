// Claim aging and the supplier reimbursement cycle, from the claims' dates. Pure: the queries
// hand the rows in, the report comes out.
import { AGING_BUCKETS } from '../../contracts/recovery.js';
import type { ClaimStatus } from '../../contracts/recovery.js';

export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = [
  'submitted',
  'acknowledged',
  'accepted',
  'partially_accepted',
];

export const isOpenClaim = (status: ClaimStatus) => OPEN_CLAIM_STATUSES.includes(status);

/** Whole days between two ISO dates or timestamps (by calendar date, UTC). */
export function daysBetween(from: string, to: string): number {
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000);
}

export function agingBucketOf(ageDays: number): AgingBucket {
  if (ageDays <= 30) return '0-30';
  if (ageDays <= 60) return '31-60';
  if (ageDays <= 90) return '61-90';
  return '90+';
}

/** How long a claim has been (open) or was (closed) waiting: submission to today, payment or rejection. */
export function claimAgeDays(
  claim: { status: ClaimStatus; submitted_at: string; paid_at: string | null; decided_at: string | null },
  today: string,
): number {
  const end = claim.status === 'paid' ? claim.paid_at : claim.status === 'rejected' ? claim.decided_at : null;
  return Math.max(0, daysBetween(claim.submitted_at, end ?? today));
}

export interface ClaimForAging {
  supplier_id: string;
  supplier_name: string | null;
  currency: string;
  status: ClaimStatus;
  submitted_at: string;
  decided_at: string | null;
  paid_at: string | null;
  claimed_minor: number;
  accepted_minor: number | null;
  paid_minor: number | null;
}

export interface AgingRow {
  supplierId: string;
  supplierName: string | null;
  currency: string;
  buckets: Record<AgingBucket, { count: number; amountMinor: number }>;
  openCount: number;
  openAmountMinor: number;
  paidCount: number;
  averageDaysToPay: number | null;
  medianDaysToPay: number | null;
}

/** What is still expected from an open claim: the accepted amount once the supplier answered. */
const outstandingOf = (claim: ClaimForAging) => claim.accepted_minor ?? claim.claimed_minor;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One row per supplier and currency, ordered by what is open, largest first. */
export function ageClaims(claims: readonly ClaimForAging[], today: string): AgingRow[] {
  const rows = new Map<string, AgingRow & { daysToPay: number[] }>();
  for (const claim of claims) {
    const key = `${claim.supplier_id}\u0000${claim.currency}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        supplierId: claim.supplier_id,
        supplierName: claim.supplier_name,
        currency: claim.currency,
        buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, { count: 0, amountMinor: 0 }])) as AgingRow['buckets'],
        openCount: 0,
        openAmountMinor: 0,
        paidCount: 0,
        averageDaysToPay: null,
        medianDaysToPay: null,
        daysToPay: [],
      };
      rows.set(key, row);
    }
    if (isOpenClaim(claim.status)) {
      const bucket = row.buckets[agingBucketOf(claimAgeDays(claim, today))];
      bucket.count += 1;
      bucket.amountMinor += outstandingOf(claim);
      row.openCount += 1;
      row.openAmountMinor += outstandingOf(claim);
    } else if (claim.status === 'paid' && claim.paid_at) {
      row.daysToPay.push(daysBetween(claim.submitted_at, claim.paid_at));
    }
  }
  return [...rows.values()]
    .map(({ daysToPay, ...row }) => ({
      ...row,
      paidCount: daysToPay.length,
      averageDaysToPay:
        daysToPay.length === 0
          ? null
          : Math.round((daysToPay.reduce((sum, d) => sum + d, 0) / daysToPay.length) * 10) / 10,
      medianDaysToPay: median(daysToPay),
    }))
    .sort(
      (a, b) =>
        b.openAmountMinor - a.openAmountMinor ||
        (a.supplierName ?? a.supplierId).localeCompare(b.supplierName ?? b.supplierId),
    );
}
