import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidWebhookSignature, signWebhook } from './signature.js';
import { MAX_RETRY_MS, outcomeOfAttempt, retryDelayMs, isDeliveredStatus } from './retry-schedule.js';
import { subscribersOf, wantsEvent } from './event-matching.js';

describe('webhook signature', () => {
  const body = '{"id":"evt_1","type":"rma.authorized"}';
  it('is v1= the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const hex = createHmac('sha256', 'sec').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('sec', 1700000000, body)).toBe(`v1=${hex}`);
  });
  it('verifies a genuine, fresh request and nothing else', () => {
    const signature = signWebhook('sec', 1000, body);
    expect(isValidWebhookSignature('sec', { signature, timestamp: '1000' }, body, 1100)).toBe(true);
    expect(isValidWebhookSignature('other', { signature, timestamp: '1000' }, body, 1100)).toBe(false);
    expect(isValidWebhookSignature('sec', { signature, timestamp: '1000' }, `${body} `, 1100)).toBe(false);
    expect(isValidWebhookSignature('sec', { signature, timestamp: '1001' }, body, 1100)).toBe(false);
    // Older than five minutes: a replayed capture.
    expect(isValidWebhookSignature('sec', { signature, timestamp: '1000' }, body, 1301)).toBe(false);
    expect(isValidWebhookSignature('sec', { signature: 'v1=00', timestamp: '1000' }, body, 1000)).toBe(false);
  });
});

describe('retry schedule', () => {
  it('doubles from 10 s, with jitter between half and all of it, capped at an hour', () => {
    expect(retryDelayMs(1, 0)).toBe(5_000);
    expect(retryDelayMs(1, 0.999999)).toBeCloseTo(10_000, -1);
    expect(retryDelayMs(3, 0)).toBe(20_000);
    expect(retryDelayMs(30, 0.999999)).toBeLessThanOrEqual(MAX_RETRY_MS);
    expect(retryDelayMs(30, 0)).toBe(MAX_RETRY_MS / 2);
  });
  it('delivers on success, retries until the last try, then dead-letters', () => {
    expect(outcomeOfAttempt(true, 8, 8)).toEqual({ status: 'delivered' });
    expect(outcomeOfAttempt(false, 7, 8, 0)).toEqual({ status: 'pending', retryInMs: retryDelayMs(7, 0) });
    expect(outcomeOfAttempt(false, 8, 8)).toEqual({ status: 'dead' });
  });
  it('counts only 2xx as delivered', () => {
    expect([200, 204, 299].every(isDeliveredStatus)).toBe(true);
    expect([199, 301, 404, 500].some(isDeliveredStatus)).toBe(false);
  });
});

describe('event matching', () => {
  it('matches exact types and the wildcard', () => {
    expect(wantsEvent(['rma.authorized'], 'rma.authorized')).toBe(true);
    expect(wantsEvent(['rma.authorized'], 'rma.rejected')).toBe(false);
    expect(wantsEvent(['*'], 'anything.at.all')).toBe(true);
    const createdAt = '2026-11-26T10:00:00.000Z';
    const subs = [
      { id: 'a', eventTypes: ['rma.authorized'], createdAt },
      { id: 'b', eventTypes: ['*'], createdAt },
      { id: 'c', eventTypes: ['credit_memo.issued'], createdAt },
    ];
    const event = { type: 'rma.authorized', occurredAt: createdAt };
    expect(subscribersOf(subs, event).map((s) => s.id)).toEqual(['a', 'b']);
  });
  it('does not send a new subscriber what happened before it subscribed', () => {
    const subs = [{ id: 'a', eventTypes: ['*'], createdAt: '2026-11-26T10:00:00.000Z' }];
    expect(subscribersOf(subs, { type: 'x.y', occurredAt: '2026-11-26T09:59:59.999Z' })).toEqual([]);
  });
});
