import type { RequestContext } from '../platform/actor.js';
import type { Platform } from '../platform/unit-of-work.js';
import { assertCan } from '../identity/index.js';
import { findChainBreak, GENESIS_HASH } from './domain/audit-chain.js';
import { findEventsAfter } from './audit.repository.js';

/** Walks the whole chain in pages, carrying the last hash across pages. */
export async function verifyAuditChain(platform: Platform, ctx: RequestContext) {
  assertCan(ctx.actor, 'audit.verify');
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let eventCount = 0;
  for (;;) {
    const rows = await findEventsAfter(platform.db, lastSeq, 2000);
    if (rows.length === 0) break;
    const events = rows.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      requestId: r.request_id,
      entityType: r.entity_type,
      entityId: r.entity_id,
      streamId: r.stream_id,
      action: r.action,
      before: r.before,
      after: r.after,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    const firstBreak = findChainBreak(events, lastHash, lastSeq);
    if (firstBreak) return { isIntact: false, eventCount: eventCount + events.length, firstBreak };
    eventCount += events.length;
    lastSeq = events[events.length - 1]!.seq;
    lastHash = events[events.length - 1]!.hash;
  }
  const head = await platform.db
    .selectFrom('audit_chain_head')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  // Deleting the newest events leaves an intact but shorter chain; the head row still remembers.
  if (Number(head.seq) !== lastSeq || head.hash !== lastHash) {
    return { isIntact: false, eventCount, firstBreak: { seq: lastSeq + 1, reason: 'truncated' } };
  }
  return { isIntact: true, eventCount, firstBreak: null };
}
