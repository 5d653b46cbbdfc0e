// What the KPIs need of inspection: per return line, the inspections completed after their SLA
// due time.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function findLateInspections(db: Reader, rmaIds: readonly string[]): Promise<Map<string, number>> {
  const late = new Map<string, number>();
  if (rmaIds.length === 0) return late;
  const rows = await db
    .selectFrom('inspections')
    .select(['rma_line_id', 'completed_at', 'sla_due_at'])
    .where('rma_id', 'in', rmaIds)
    .where('completed_at', 'is not', null)
    .execute();
  for (const row of rows)
    if (row.completed_at! > row.sla_due_at) late.set(row.rma_line_id, (late.get(row.rma_line_id) ?? 0) + 1);
  return late;
}
