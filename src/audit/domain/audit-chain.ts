// The audit trail is a hash chain: each event's hash covers its content and the previous hash,
// so editing or deleting any stored event breaks every hash after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/canonical-json.js';

export { canonicalJson };

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEventContent {
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string;
  actorName: string;
  requestId: string;
  entityType: string;
  entityId: string;
  streamId: string;
  action: string;
  before: string | null;
  after: string | null;
}

export function hashAuditEvent(prevHash: string, event: ChainedEventContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/** Walks stored events in sequence order and reports the first place the chain does not hold. */
export function findChainBreak(
  events: Array<ChainedEventContent & { prevHash: string; hash: string }>,
  startHash = GENESIS_HASH,
  startSeq = 0,
): ChainBreak | null {
  let expectedPrev = startHash;
  let expectedSeq = startSeq + 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { seq: event.seq, reason: 'sequence_gap' };
    if (event.prevHash !== expectedPrev) return { seq: event.seq, reason: 'prev_hash_mismatch' };
    const { prevHash, hash, ...content } = event;
    if (hashAuditEvent(prevHash, content) !== hash) return { seq: event.seq, reason: 'hash_mismatch' };
    expectedPrev = hash;
    expectedSeq += 1;
  }
  return null;
}
