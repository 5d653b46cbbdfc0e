import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  findChainBreak,
  GENESIS_HASH,
  hashAuditEvent,
  type ChainedEventContent,
} from './audit-chain.js';

function makeChain(count: number) {
  const events: Array<ChainedEventContent & { prevHash: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const content: ChainedEventContent = {
      seq: i,
      id: `aud_${i}`,
      occurredAt: `2026-11-26T10:00:0${i % 10}.000Z`,
      actorId: 'usr_1',
      actorName: 'Ann',
      requestId: `req_${i}`,
      entityType: 'rma',
      entityId: 'rma_1',
      streamId: 'rma_1',
      action: 'rma.created',
      before: null,
      after: JSON.stringify({ qty: i }),
    };
    const hash = hashAuditEvent(prev, content);
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(findChainBreak(makeChain(5))).toBeNull();
  });

  it('detects an edited event', () => {
    const chain = makeChain(5);
    chain[2] = { ...chain[2]!, after: JSON.stringify({ qty: 999 }) };
    expect(findChainBreak(chain)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('detects a deleted event', () => {
    const chain = makeChain(5);
    chain.splice(1, 1);
    expect(findChainBreak(chain)).toEqual({ seq: 3, reason: 'sequence_gap' });
  });

  it('detects a rehashed event whose successor still points at the old hash', () => {
    const chain = makeChain(4);
    const edited = { ...chain[1]!, actorName: 'Mallory' };
    const { prevHash, hash: _old, ...content } = edited;
    chain[1] = { ...edited, hash: hashAuditEvent(prevHash, content) };
    expect(findChainBreak(chain)).toEqual({ seq: 3, reason: 'prev_hash_mismatch' });
  });

  it('hashes independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});
