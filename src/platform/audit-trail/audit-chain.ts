// The audit chain: each sealed event's hash covers its content, its position and the previous
// hash, so editing, deleting, inserting or reordering a sealed event breaks the chain there.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: the event as written, and its position in the chain (`seq`). */
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

export type SealedEvent = ChainedEventContent & { prevHash: string; hash: string };

export function hashAuditEvent(prevHash: string, event: ChainedEventContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex');
}

/** Chains events after `head`, in the order given; returns them sealed and the new head. */
export function chainEvents(
  head: { seq: number; hash: string },
  events: Array<Omit<ChainedEventContent, 'seq'>>,
): { sealed: SealedEvent[]; head: { seq: number; hash: string } } {
  let prevHash = head.hash;
  let seq = head.seq;
  const sealed = events.map((event) => {
    seq += 1;
    // Exactly the fields the hash covers, whatever else the caller's objects carry.
    const content: ChainedEventContent = {
      seq,
      id: event.id,
      occurredAt: event.occurredAt,
      actorId: event.actorId,
      actorName: event.actorName,
      requestId: event.requestId,
      entityType: event.entityType,
      entityId: event.entityId,
      streamId: event.streamId,
      action: event.action,
      before: event.before,
      after: event.after,
    };
    const hash = hashAuditEvent(prevHash, content);
    const result = { ...content, prevHash, hash };
    prevHash = hash;
    return result;
  });
  return { sealed, head: { seq, hash: prevHash } };
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'truncated';
}

/** Walks sealed events in chain order and reports the first place the chain does not hold. */
export function findChainBreak(events: SealedEvent[], startHash = GENESIS_HASH, startSeq = 0): ChainBreak | null {
  let expectedPrev = startHash;
  let expectedSeq = startSeq + 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { seq: expectedSeq, reason: 'sequence_gap' };
    if (event.prevHash !== expectedPrev) return { seq: event.seq, reason: 'prev_hash_mismatch' };
    const { prevHash, hash, ...content } = event;
    if (hashAuditEvent(prevHash, content) !== hash) return { seq: event.seq, reason: 'hash_mismatch' };
    expectedPrev = hash;
    expectedSeq += 1;
  }
  return null;
}
