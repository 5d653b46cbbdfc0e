// What the KPIs need of returns: each RMA's cohort, dimensions and status, its lines, where it is
// routed, and whether its customer had another return in the 90 days before it (a repeat).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

const REPEAT_WINDOW_MS = 90 * 86_400_000;

export interface ReturnForKpi {
  id: string;
  rmaNumber: string;
  createdAt: string;
  legalEntityId: string;
  customerId: string;
  channel: string;
  returnType: string;
  status: string;
  closedAt: string | null;
  isUnauthorized: boolean;
  isRepeat: boolean;
  routedSiteId: string | null;
  lines: Array<{ id: string; productId: string; reasonCode: string }>;
}

export async function findReturnsForKpi(db: Reader, rmaIds: readonly string[]): Promise<ReturnForKpi[]> {
  if (rmaIds.length === 0) return [];
  const [rmas, lines, routes] = await Promise.all([
    db
      .selectFrom('rmas')
      .select([
        'id',
        'rma_number',
        'created_at',
        'updated_at',
        'legal_entity_id',
        'customer_id',
        'return_type',
        'status',
        'is_unauthorized',
      ])
      .where('id', 'in', rmaIds)
      .execute(),
    db
      .selectFrom('rma_lines')
      .select(['id', 'rma_id', 'product_id', 'reason_code'])
      .where('rma_id', 'in', rmaIds)
      .orderBy('rma_id')
      .orderBy('line_number')
      .execute(),
    db
      .selectFrom('routing_instructions')
      .select(['rma_id', 'site_id'])
      .where('rma_id', 'in', rmaIds)
      .where('is_current', '=', 1)
      .execute(),
  ]);
  const repeats = await findRepeats(db, rmas);
  const siteOf = new Map(routes.map((r) => [r.rma_id, r.site_id]));
  const linesOf = new Map<string, ReturnForKpi['lines']>();
  for (const line of lines) {
    const list = linesOf.get(line.rma_id) ?? [];
    list.push({ id: line.id, productId: line.product_id, reasonCode: line.reason_code });
    linesOf.set(line.rma_id, list);
  }
  return rmas.map((r) => ({
    id: r.id,
    rmaNumber: r.rma_number,
    createdAt: r.created_at,
    legalEntityId: r.legal_entity_id,
    customerId: r.customer_id,
    channel: r.is_unauthorized === 1 ? 'arrival' : 'staff',
    returnType: r.return_type,
    status: r.status,
    // A closed RMA never changes again, so its last change is when it was closed.
    closedAt: r.status === 'closed' ? r.updated_at : null,
    isUnauthorized: r.is_unauthorized === 1,
    isRepeat: repeats.has(r.id),
    routedSiteId: siteOf.get(r.id) ?? null,
    lines: linesOf.get(r.id) ?? [],
  }));
}

/**
 * The RMAs whose customer had another RMA created in the 90 days before them. Read per customer
 * over the span the batch covers (rmas_customer_idx), then decided here.
 */
async function findRepeats(
  db: Reader,
  rmas: ReadonlyArray<{ id: string; customer_id: string; created_at: string }>,
): Promise<Set<string>> {
  const repeats = new Set<string>();
  if (rmas.length === 0) return repeats;
  const times = rmas.map((r) => Date.parse(r.created_at));
  const from = new Date(Math.min(...times) - REPEAT_WINDOW_MS).toISOString();
  const to = rmas.reduce((max, r) => (r.created_at > max ? r.created_at : max), '');
  const earlier = await db
    .selectFrom('rmas')
    .select(['id', 'customer_id', 'created_at'])
    .where('customer_id', 'in', [...new Set(rmas.map((r) => r.customer_id))])
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .execute();
  const byCustomer = new Map<string, Array<{ id: string; at: number }>>();
  for (const row of earlier) {
    const list = byCustomer.get(row.customer_id) ?? [];
    list.push({ id: row.id, at: Date.parse(row.created_at) });
    byCustomer.set(row.customer_id, list);
  }
  for (const rma of rmas) {
    const at = Date.parse(rma.created_at);
    const others = byCustomer.get(rma.customer_id) ?? [];
    if (others.some((o) => o.id !== rma.id && o.at < at && o.at >= at - REPEAT_WINDOW_MS)) repeats.add(rma.id);
  }
  return repeats;
}

/** RMA ids in id order after `afterId`: a keyset walk over every return (the KPI check, rebuilds). */
export async function listRmaIdsAfter(db: Reader, afterId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('rmas').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}
