import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json.js';
import { chainEvents, findChainBreak, GENESIS_HASH, hashAuditEvent } from './audit-chain.js';

function makeChain(count: number) {
  const events = Array.from({ length: count }, (_, index) => {
    const i = index + 1;
    return {
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
  });
  return chainEvents({ seq: 0, hash: GENESIS_HASH }, events).sealed;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(findChainBreak(makeChain(5))).toBeNull();
  });

  it('continues from a head: two batches chain like one', () => {
    const all = makeChain(6);
    const first = chainEvents({ seq: 0, hash: GENESIS_HASH }, all.slice(0, 2));
    const second = chainEvents(first.head, all.slice(2));
    expect([...first.sealed, ...second.sealed]).toEqual(all);
    expect(second.head).toEqual({ seq: 6, hash: all[5]!.hash });
  });

  it('detects an edited event', () => {
    const chain = makeChain(5);
    chain[2] = { ...chain[2]!, after: JSON.stringify({ qty: 999 }) };
    expect(findChainBreak(chain)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('detects a deleted event at the position that is missing', () => {
    const chain = makeChain(5);
    chain.splice(1, 1);
    expect(findChainBreak(chain)).toEqual({ seq: 2, reason: 'sequence_gap' });
  });

  it('detects two events that swapped places', () => {
    const chain = makeChain(5);
    const [second, third] = [chain[1]!, chain[2]!];
    chain[1] = { ...third, seq: 2 };
    chain[2] = { ...second, seq: 3 };
    expect(findChainBreak(chain)).toEqual({ seq: 2, reason: 'prev_hash_mismatch' });
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
