// Signed outgoing webhooks through the API and a real receiver (node:http on a free port):
// admins subscribe URLs to event types; committed events are fanned out to one delivery per
// matching subscription and POSTed with the documented signature; a receiver answering 500 is
// retried with backoff and dead-lettered after its tries; replay sends again; a hanging receiver
// is cut off by the timeout. The passes are called directly (the worker runs them every second).
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/actor.js';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import {
  isValidWebhookSignature,
  runWebhookPass,
  startWebhookWorker,
  webhookDeliveryBacklog,
} from '../../src/webhooks/index.js';
import type { CreatedWebhookSubscription, WebhookDelivery } from '../../src/contracts/webhooks.js';
import type { Page } from '../../src/contracts/common.js';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver whose answer per path the test sets: a status code, or 'hang' (never answers). */
async function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, number | 'hang'>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.get(path) ?? 200;
      if (answer === 'hang') return;
      response.writeHead(answer).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    received,
    answers,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const HOUR = 60 * 60 * 1000;

type ReceiverCheck = (secret: string, headers: IncomingHttpHeaders, rawBody: string, nowSeconds?: number) => boolean;

/** The verification snippet exactly as README.md › Webhooks gives it to receivers. */
async function loadReadmeSnippet(): Promise<ReceiverCheck> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Webhooks'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README.md › Webhooks has no js snippet');
  const file = join(mkdtempSync(join(tmpdir(), 'webhook-snippet-')), 'verify.mjs');
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as { isGenuineBoomerangWebhook: ReceiverCheck };
  return module.isGenuineBoomerangWebhook;
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(DIALECTS)('signed outgoing webhooks on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  const api = (
    token: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers = {},
  ) => t.request(token, { method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  async function subscribe(path: string, eventTypes: string[], extra: object = {}) {
    const response = await api(admin, 'POST', '/webhook-subscriptions', {
      url: receiver.url(path),
      eventTypes,
      description: `test ${path}`,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CreatedWebhookSubscription>();
  }

  async function emit(type: string, aggregateId: string, payload: Record<string, unknown> = {}) {
    await runInTransaction(t.platform, systemContext('test'), (tx) => {
      tx.emit({ type, aggregateType: 'test', aggregateId, payload });
      return Promise.resolve();
    });
  }

  async function deliveriesOf(subscriptionId: string, query = '') {
    const response = await api(admin, 'GET', `/webhook-subscriptions/${subscriptionId}/deliveries${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page<WebhookDelivery>>();
  }

  const pass = (options: { nowMs?: number; timeoutMs?: number } = {}) =>
    runWebhookPass(t.platform.db, t.platform.ids, { timeoutMs: 2_000, ...options });

  async function deactivate(id: string) {
    expect((await api(admin, 'DELETE', `/webhook-subscriptions/${id}`)).statusCode).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.tokenFor('admin');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    receiver?.close();
    await t?.close();
  });

  it('creates a subscription whose secret is shown once, and lists it without the secret', async () => {
    const created = await subscribe('/created', ['rma.authorized', '*']);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created).toMatchObject({ isActive: true, maxAttempts: 8, version: 1 });
    const list = await api(admin, 'GET', '/webhook-subscriptions');
    expect(list.body).not.toContain(created.secret);
    const one = await api(admin, 'GET', `/webhook-subscriptions/${created.id}`);
    expect(one.headers.etag).toBe('"1"');
    expect(one.json()).not.toHaveProperty('secret');
    await deactivate(created.id);
  });

  it('posts each committed event, signed over the exact body, to the subscriptions that want its type', async () => {
    const wanted = await subscribe('/wanted', ['order.shipped']);
    const other = await subscribe('/other', ['order.cancelled']);
    await emit('order.shipped', 'ord_1', { units: 3, note: 'ünïcode ✓' });

    const { fanOut, delivery } = await pass();
    expect(fanOut.deliveries).toBe(1);
    expect(delivery).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.at('/other')).toHaveLength(0);
    const [request] = receiver.at('/wanted');
    const body = JSON.parse(request!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'order.shipped',
      aggregateType: 'test',
      aggregateId: 'ord_1',
      payload: { units: 3, note: 'ünïcode ✓' },
    });
    expect(Object.keys(body)).toEqual(['id', 'type', 'aggregateType', 'aggregateId', 'occurredAt', 'payload']);
    expect(request!.headers['boomerang-event-type']).toBe('order.shipped');
    expect(request!.headers['content-type']).toBe('application/json');
    const signature = String(request!.headers['boomerang-signature']);
    const timestamp = String(request!.headers['boomerang-timestamp']);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(isValidWebhookSignature(wanted.secret, { signature, timestamp }, request!.body, nowSeconds)).toBe(true);
    expect(isValidWebhookSignature(other.secret, { signature, timestamp }, request!.body, nowSeconds)).toBe(false);
    // What a receiver runs: the README's snippet, copied as it is.
    const isGenuine = await loadReadmeSnippet();
    expect(isGenuine(wanted.secret, request!.headers, request!.body)).toBe(true);
    expect(isGenuine(other.secret, request!.headers, request!.body)).toBe(false);
    expect(isGenuine(wanted.secret, request!.headers, request!.body.replace('3', '4'))).toBe(false);
    expect(isGenuine(wanted.secret, request!.headers, request!.body, nowSeconds + 301)).toBe(false);

    const log = await deliveriesOf(wanted.id);
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      id: request!.headers['boomerang-webhook-id'],
      status: 'delivered',
      attempts: 1,
    });
    expect(log.items[0]!.attemptLog[0]).toMatchObject({ statusCode: 200, error: null });
    expect(log.items[0]!.attemptLog[0]!.durationMs).toBeGreaterThanOrEqual(0);

    // Nothing is sent twice: the event is marked, the delivery done.
    expect((await pass()).delivery.attempted).toBe(0);
    await deactivate(wanted.id);
    await deactivate(other.id);
  });

  it('fans out an event that commits after later events were handled (no time cursor)', async () => {
    const sub = await subscribe('/late', ['late.event']);
    const subscribedAt = t.clock.now().toISOString();
    t.clock.set(new Date(Date.parse(subscribedAt) + HOUR).toISOString());
    await emit('late.event', 'agg_new');
    await pass();
    // A transaction that began earlier and commits now: its timestamp is older than what was handled.
    await t.platform.db
      .insertInto('outbox_events')
      .values({
        id: 'evt_late_commit',
        event_type: 'late.event',
        aggregate_type: 'test',
        aggregate_id: 'agg_old',
        payload: '{}',
        occurred_at: subscribedAt,
        published_at: null,
      })
      .execute();
    await pass();
    expect(receiver.at('/late').map((r) => (JSON.parse(r.body) as { aggregateId: string }).aggregateId)).toEqual([
      'agg_new',
      'agg_old',
    ]);
    // What happened before the subscription existed is not sent to it.
    await t.platform.db
      .insertInto('outbox_events')
      .values({
        id: 'evt_before_subscribing',
        event_type: 'late.event',
        aggregate_type: 'test',
        aggregate_id: 'agg_history',
        payload: '{}',
        occurred_at: '2000-01-01T00:00:00.000Z',
        published_at: null,
      })
      .execute();
    expect((await pass()).fanOut).toEqual({ events: 1, deliveries: 0 });
    await deactivate(sub.id);
  });

  it('retries a receiver answering 500 with backoff, dead-letters it after its tries, and replays it', async () => {
    receiver.answers.set('/failing', 500);
    const sub = await subscribe('/failing', ['claim.rejected'], { maxAttempts: 3 });
    await emit('claim.rejected', 'sc_1');
    const start = Date.now();

    expect((await pass({ nowMs: start })).delivery).toMatchObject({ attempted: 1, failed: 1 });
    // Not due yet: the first retry waits 5–10 s.
    expect((await pass({ nowMs: start })).delivery.attempted).toBe(0);
    const [pending] = (await deliveriesOf(sub.id)).items;
    const retryInMs = Date.parse(pending!.nextAttemptAt!) - start;
    expect(retryInMs).toBeGreaterThanOrEqual(5_000);
    expect(retryInMs).toBeLessThanOrEqual(11_000);

    expect((await pass({ nowMs: start + HOUR })).delivery).toMatchObject({ attempted: 1, failed: 1 });
    expect((await pass({ nowMs: start + 3 * HOUR })).delivery).toMatchObject({ attempted: 1, dead: 1 });
    expect((await pass({ nowMs: start + 10 * HOUR })).delivery.attempted).toBe(0);
    expect(receiver.at('/failing')).toHaveLength(3);

    const dead = await deliveriesOf(sub.id, '?status=dead');
    expect(dead.total).toBe(1);
    expect(dead.items[0]).toMatchObject({ status: 'dead', attempts: 3, lastStatusCode: 500, nextAttemptAt: null });
    expect(dead.items[0]!.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    expect((await deliveriesOf(sub.id, '?status=pending')).total).toBe(0);
    expect((await webhookDeliveryBacklog(t.platform.db)).dead).toBe(1);

    receiver.answers.set('/failing', 204);
    const replayed = await api(admin, 'POST', `/webhook-deliveries/${dead.items[0]!.id}/replay`);
    expect(replayed.statusCode, replayed.body).toBe(200);
    expect(replayed.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await pass()).delivery).toMatchObject({ attempted: 1, delivered: 1 });
    const [delivered] = (await deliveriesOf(sub.id)).items;
    expect(delivered).toMatchObject({ status: 'delivered', lastStatusCode: 204 });
    expect(delivered!.attemptLog).toHaveLength(4);
    // The same delivery, the same body: receivers deduplicate by Boomerang-Webhook-Id.
    const bodies = receiver.at('/failing').map((r) => r.body);
    expect(new Set(bodies).size).toBe(1);
    await deactivate(sub.id);
  });

  it('cuts off a receiver that hangs, and records the timeout', async () => {
    receiver.answers.set('/hanging', 'hang');
    const sub = await subscribe('/hanging', ['dock.booked']);
    await emit('dock.booked', 'apt_1');
    const started = Date.now();
    const { delivery } = await pass({ timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(delivery).toMatchObject({ attempted: 1, failed: 1 });
    const [entry] = (await deliveriesOf(sub.id)).items;
    expect(entry).toMatchObject({ status: 'pending', lastStatusCode: null });
    expect(entry!.lastError).toMatch(/timed out/);
    await deactivate(sub.id);
  });

  it('sends nothing for a deactivated subscription; edits need the current ETag', async () => {
    const sub = await subscribe('/edited', ['stock.moved']);
    expectProblem(await api(admin, 'PATCH', `/webhook-subscriptions/${sub.id}`, { isActive: false }), 428);
    expectProblem(
      await api(admin, 'PATCH', `/webhook-subscriptions/${sub.id}`, { isActive: false }, { 'if-match': '"7"' }),
      412,
    );
    const patched = await api(
      admin,
      'PATCH',
      `/webhook-subscriptions/${sub.id}`,
      { isActive: false, eventTypes: ['stock.moved', 'stock.counted'] },
      { 'if-match': '"1"' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.json()).toMatchObject({ isActive: false, eventTypes: ['stock.moved', 'stock.counted'] });
    await emit('stock.moved', 'mov_1');
    expect((await pass()).fanOut.deliveries).toBe(0);
    expect(receiver.at('/edited')).toHaveLength(0);
  });

  it('the worker, holding the lease, delivers within a second; a hanging receiver slows no request', async () => {
    receiver.answers.set('/slow', 'hang');
    const slow = await subscribe('/slow', ['return.noted']);
    const fast = await subscribe('/fast', ['return.noted']);
    const worker = startWebhookWorker(t.platform.db, t.platform.ids, { pollMs: 50, timeoutMs: 1_500 });
    try {
      await emit('return.noted', 'rma_9');
      await waitFor('the slow receiver to be called', () => receiver.at('/slow').length > 0);
      // The worker is stuck on the slow receiver now; requests do not wait for it.
      const started = Date.now();
      expect((await api(admin, 'GET', '/webhook-subscriptions')).statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(500);
      await waitFor('the fast receiver to be called', () => receiver.at('/fast').length > 0);
    } finally {
      await worker.stop();
    }
    await deactivate(slow.id);
    await deactivate(fast.id);
  });

  it('is for admins only, and refuses bad input with problem+json', async () => {
    const manager = await t.tokenFor('cs_manager');
    expectProblem(await api(manager, 'GET', '/webhook-subscriptions'), 403, 'forbidden');
    expectProblem(
      await api(manager, 'POST', '/webhook-subscriptions', { url: receiver.url('/x'), eventTypes: ['*'] }),
      403,
      'forbidden',
    );
    const post = (body: object) => api(admin, 'POST', '/webhook-subscriptions', body);
    expectProblem(await post({ url: 'not a url', eventTypes: ['*'] }), 400, 'validation_failed');
    expectProblem(await post({ url: 'ftp://example.com/x', eventTypes: ['*'] }), 400, 'validation_failed');
    expectProblem(await post({ url: receiver.url('/x'), eventTypes: [] }), 400, 'validation_failed');
    expectProblem(await post({ url: receiver.url('/x'), eventTypes: ['Bad Type!'] }), 400, 'validation_failed');
    expectProblem(await post({ url: receiver.url('/x'), eventTypes: ['*'], secret: 'mine' }), 400, 'validation_failed');
    expectProblem(await api(admin, 'GET', '/webhook-subscriptions/whs_nope'), 404, 'not_found');
    const sub = await subscribe('/fuzzed', ['fuzz.event']);
    const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string()), fc.object());
    const body = fc.dictionary(
      fc.constantFrom('url', 'eventTypes', 'description', 'maxAttempts', 'isActive', 'secret'),
      junk,
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        for (const response of [
          await api(admin, 'POST', '/webhook-subscriptions', payload),
          await api(admin, 'PATCH', `/webhook-subscriptions/${sub.id}`, payload, { 'if-match': '"1"' }),
        ])
          expect(response.statusCode, response.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expectProblem(await api(admin, 'POST', '/webhook-deliveries/whd_nope/replay'), 404, 'not_found');
  });
});
