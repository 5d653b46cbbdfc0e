// What the KPIs need of settlement: when each return's settlement documents were issued — credit
// memos issued (or since applied) and replacements shipped.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findSettlementTimes(db: Reader, rmaIds: readonly string[]): Promise<Map<string, string[]>> {
  const times = new Map<string, string[]>();
  if (rmaIds.length === 0) return times;
  const [memos, replacements] = await Promise.all([
    db
      .selectFrom('credit_memos')
      .select(['rma_id', 'issued_at'])
      .where('rma_id', 'in', rmaIds)
      .where('status', 'in', ['issued', 'applied'])
      .execute(),
    db
      .selectFrom('replacement_orders')
      .select(['rma_id', 'shipped_at'])
      .where('rma_id', 'in', rmaIds)
      .where('status', '=', 'shipped')
      .execute(),
  ]);
  const add = (rmaId: string, at: string | null) => {
    if (!at) return;
    const list = times.get(rmaId) ?? [];
    list.push(at);
    times.set(rmaId, list);
  };
  for (const m of memos) add(m.rma_id, m.issued_at);
  for (const r of replacements) add(r.rma_id, r.shipped_at);
  return times;
}
