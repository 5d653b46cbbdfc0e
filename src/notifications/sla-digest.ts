// The scheduled check behind the staff SLA digest (runs under a job lease, so once across
// processes): groups open inspections past their SLA by site, opens a breach episode for each site
// that has none — emitting `inspection_sla.breached` with the longest overdue, which the worker
// turns into one digest per person — and closes the episodes of sites back within their SLA. A
// site that stays in breach gets nothing more; only a new breach after recovery mails again.
import { systemContext } from '../platform/actor.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { findOpenSlaBreaches } from '../inspection/index.js';
import { findRmaNumbers } from '../returns/index.js';
import { episodeChanges, type QueueBreaches } from './domain/sla-episodes.js';
import { INSPECTION_SLA_BREACHED } from './event-messages.js';

/** How many overdue items a digest lists; the link shows the rest. */
const DIGEST_ITEMS = 10;

export async function checkInspectionSlaBreaches(platform: Platform): Promise<{ started: number; ended: number }> {
  // The business clock: SLA due times are business times (tests move it by hours).
  const breaches = await findOpenSlaBreaches(platform.db, platform.clock.now());
  const bySite = new Map<string, typeof breaches>();
  for (const breach of breaches) bySite.set(breach.site_id, [...(bySite.get(breach.site_id) ?? []), breach]);
  const now: QueueBreaches[] = [...bySite].map(([scopeId, items]) => ({ scopeId, breached: items.length }));
  return runInTransaction(platform, systemContext('sla-digest'), async (tx) => {
    const open = await tx.db
      .selectFrom('sla_breach_episodes')
      .select(['id', 'scope_id'])
      .where('queue', '=', 'inspection')
      .where('ended_at', 'is', null)
      .execute();
    const changes = episodeChanges(new Set(open.map((e) => e.scope_id)), now);
    const listed = changes.start.flatMap((q) => (bySite.get(q.scopeId) ?? []).slice(0, DIGEST_ITEMS));
    const rmaNumbers = await findRmaNumbers(
      tx.db,
      listed.map((i) => i.rma_id),
    );
    for (const queue of changes.start) {
      const id = tx.ids.next('sle');
      await tx.db
        .insertInto('sla_breach_episodes')
        .values({
          id,
          queue: 'inspection',
          scope_id: queue.scopeId,
          started_at: tx.now,
          breached_at_start: queue.breached,
          ended_at: null,
        })
        .execute();
      tx.audit({
        entityType: 'sla_breach_episode',
        entityId: id,
        action: 'inspection_sla.breach_started',
        after: { siteId: queue.scopeId, breached: queue.breached },
      });
      tx.emit({
        type: INSPECTION_SLA_BREACHED,
        aggregateType: 'sla_breach_episode',
        aggregateId: id,
        payload: {
          episodeId: id,
          siteId: queue.scopeId,
          breached: queue.breached,
          overdue: (bySite.get(queue.scopeId) ?? []).slice(0, DIGEST_ITEMS).map((i) => ({
            rmaNumber: rmaNumbers.get(i.rma_id) ?? i.rma_id,
            productSku: i.product_sku ?? '',
            quantity: i.quantity,
            dueAt: i.sla_due_at,
          })),
        },
      });
    }
    for (const scopeId of changes.end) {
      const episode = open.find((e) => e.scope_id === scopeId);
      if (!episode) continue;
      await tx.db
        .updateTable('sla_breach_episodes')
        .set({ ended_at: tx.now })
        .where('id', '=', episode.id)
        .where('ended_at', 'is', null)
        .execute();
      tx.audit({
        entityType: 'sla_breach_episode',
        entityId: episode.id,
        action: 'inspection_sla.breach_ended',
        after: { siteId: scopeId },
      });
    }
    return { started: changes.start.length, ended: changes.end.length };
  });
}
