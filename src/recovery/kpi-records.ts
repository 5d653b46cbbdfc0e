// What the KPIs need of supplier recovery: per return line, the claims its units are on — what
// was claimed and accepted, when submitted and when the supplier's credit note came.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export interface ClaimLineForKpi {
  claimId: string;
  quantity: number;
  claimedMinor: number;
  acceptedMinor: number | null;
  submittedAt: string;
  paidAt: string | null;
}

export async function findClaimsForKpi(db: Reader, rmaIds: readonly string[]): Promise<Map<string, ClaimLineForKpi[]>> {
  const byLine = new Map<string, ClaimLineForKpi[]>();
  if (rmaIds.length === 0) return byLine;
  const rows = await db
    .selectFrom('supplier_claim_lines as l')
    .innerJoin('supplier_claims as c', 'c.id', 'l.claim_id')
    .select([
      'l.rma_line_id',
      'l.claim_id',
      'l.quantity',
      'l.claimed_minor',
      'l.accepted_minor',
      'c.status',
      'c.submitted_at',
      'c.paid_at',
    ])
    .where('l.rma_id', 'in', rmaIds)
    .orderBy('l.claim_id')
    .execute();
  for (const row of rows) {
    const list = byLine.get(row.rma_line_id) ?? [];
    list.push({
      claimId: row.claim_id,
      quantity: row.quantity,
      claimedMinor: row.claimed_minor,
      acceptedMinor: row.status === 'rejected' ? 0 : row.accepted_minor,
      submittedAt: row.submitted_at,
      paidAt: row.paid_at,
    });
    byLine.set(row.rma_line_id, list);
  }
  return byLine;
}

/** The returns a claim's lines concern (claim events name the claim, not the returns). */
export async function findRmaIdsOfClaims(db: Reader, claimIds: readonly string[]): Promise<string[]> {
  if (claimIds.length === 0) return [];
  const rows = await db
    .selectFrom('supplier_claim_lines')
    .select('rma_id')
    .distinct()
    .where('claim_id', 'in', claimIds)
    .execute();
  return rows.map((r) => r.rma_id);
}
