import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, signUnsubscribeToken } from './unsubscribe-token.js';
import { MAX_ATTEMPTS, outcomeOfSending, retryDelayMs } from './retry-schedule.js';
import { episodeChanges } from './sla-episodes.js';
import { isOptional, TOPIC_OF } from './topics.js';

describe('unsubscribe token', () => {
  const claim = { recipientKey: 'customer:cus_1', topic: 'return_progress' as const };

  it('reads back what it signed', () => {
    const token = signUnsubscribeToken('key', claim);
    expect(token).toMatch(/^u1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(readUnsubscribeToken('key', token)).toEqual(claim);
  });

  it('refuses a token signed with another key, altered, cut off or padded', () => {
    const token = signUnsubscribeToken('key', claim);
    expect(readUnsubscribeToken('other key', token)).toBeNull();
    const [version, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ r: 'customer:cus_2', t: 'return_progress' })).toString('base64url');
    expect(readUnsubscribeToken('key', `${version}.${forged}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken('key', token.slice(0, -2))).toBeNull();
    expect(readUnsubscribeToken('key', `${token}.x`)).toBeNull();
    expect(readUnsubscribeToken('key', '')).toBeNull();
    expect(readUnsubscribeToken('key', 'garbage')).toBeNull();
  });

  it('never unsubscribes from transactional messages, even with a genuine signature', () => {
    const token = signUnsubscribeToken('key', { recipientKey: 'customer:cus_1', topic: 'transactional' as never });
    expect(readUnsubscribeToken('key', token)).toBeNull();
  });
});

describe('topics', () => {
  it('keeps the decision, the instructions and the credit transactional; receipt and the digest optional', () => {
    expect(
      Object.entries(TOPIC_OF)
        .filter(([, topic]) => isOptional(topic))
        .map(([template]) => template)
        .sort(),
    ).toEqual(['goods_received', 'inspection_sla_digest']);
  });
});

describe('retry schedule', () => {
  it('retries temporary refusals with a doubling delay, capped at an hour', () => {
    expect(retryDelayMs(1, 0)).toBe(30_000);
    expect(retryDelayMs(2, 0)).toBe(60_000);
    expect(retryDelayMs(20, 0.999999)).toBeLessThanOrEqual(3_600_000);
  });
  it('sends, retries a 4xx or a lost connection, fails a 5xx at once and gives up after the last try', () => {
    expect(outcomeOfSending({ ok: true }, 1)).toEqual({ status: 'sent' });
    expect(outcomeOfSending({ ok: false, responseCode: 451 }, 1, 0)).toEqual({ status: 'pending', retryInMs: 30_000 });
    expect(outcomeOfSending({ ok: false, responseCode: undefined }, 1, 0).status).toBe('pending');
    expect(outcomeOfSending({ ok: false, responseCode: 550 }, 1)).toEqual({ status: 'failed' });
    expect(outcomeOfSending({ ok: false, responseCode: 451 }, MAX_ATTEMPTS)).toEqual({ status: 'failed' });
  });
});

describe('SLA breach episodes', () => {
  it('starts an episode when a queue breaches, nothing while it stays breached, ends it on recovery', () => {
    expect(episodeChanges(new Set(), [{ scopeId: 'a', breached: 2 }])).toEqual({
      start: [{ scopeId: 'a', breached: 2 }],
      end: [],
    });
    expect(episodeChanges(new Set(['a']), [{ scopeId: 'a', breached: 5 }])).toEqual({ start: [], end: [] });
    expect(episodeChanges(new Set(['a']), [])).toEqual({ start: [], end: ['a'] });
    expect(
      episodeChanges(new Set(['a']), [
        { scopeId: 'a', breached: 0 },
        { scopeId: 'b', breached: 1 },
      ]),
    ).toEqual({ start: [{ scopeId: 'b', breached: 1 }], end: ['a'] });
  });
});
