// Recomputes the audit chain from the stored events and reports the first place it does not hold,
// and how many committed events are still waiting for the sealer.
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import { findChainBreak, GENESIS_HASH, type ChainBreak } from './audit-chain.js';
import { toChainedContent } from './audit-log.js';

const PAGE = 2000;

export interface AuditVerification {
  isIntact: boolean;
  /** Sealed events checked, in chain order. */
  sealedCount: number;
  firstBreak: ChainBreak | null;
  /** What the chain head says; keep a copy outside the database to detect a rewritten tail. */
  head: { seq: number; hash: string };
  /** Committed events the sealer has not chained yet (normally none, or a few from the last second). */
  unsealed: { count: number; oldestOccurredAt: string | null };
}

export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerification> {
  // The head first: events sealed while we walk are beyond it and are not judged.
  const storedHead = await db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const head = { seq: Number(storedHead.seq), hash: storedHead.hash };
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let firstBreak: ChainBreak | null = null;
  while (lastSeq < head.seq && !firstBreak) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain_seq', '>', lastSeq)
      .where('chain_seq', '<=', head.seq)
      .orderBy('chain_seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    const events = rows.map((r) => ({
      ...toChainedContent(r),
      seq: Number(r.chain_seq),
      prevHash: r.prev_hash ?? '',
      hash: r.hash ?? '',
    }));
    firstBreak = findChainBreak(events, lastHash, lastSeq);
    const last = events[events.length - 1]!;
    lastSeq = last.seq;
    lastHash = last.hash;
  }
  // Events missing from the end leave an intact but shorter chain; the head still remembers.
  if (!firstBreak && (lastSeq !== head.seq || lastHash !== head.hash)) {
    firstBreak = { seq: lastSeq + 1, reason: 'truncated' };
  }
  const unsealed = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('occurred_at').as('oldest')])
    .where('chain_seq', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    isIntact: firstBreak === null,
    sealedCount: firstBreak ? Math.max(0, firstBreak.seq - 1) : head.seq,
    firstBreak,
    head,
    unsealed: { count: Number(unsealed.n), oldestOccurredAt: unsealed.oldest ?? null },
  };
}
