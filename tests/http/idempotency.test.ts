// Idempotency-Key beyond the simple retry: racing duplicates, requests that never finished, and
// how long responses are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeWorld } from '../support/factories.js';
import { purgeIdempotencyKeys } from '../../src/platform/http/idempotency.js';

describe.each(DIALECTS)('idempotency keys on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  let agentId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
    agentId = (await t.request(agent, { method: 'GET', url: '/api/v1/auth/me' })).json().id;
  });
  afterAll(async () => t?.close());

  const body = (customerId: string, orderLineId: string) => ({
    customerId,
    lines: [{ orderLineId, quantity: 1, reasonCode: 'DEFECTIVE', claimedCondition: 'defective' }],
  });

  it('runs racing duplicates once: the others replay or are told the first is still running', async () => {
    const w = await makeWorld(t.platform);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.request(agent, {
          method: 'POST',
          url: '/api/v1/returns',
          payload: body(w.customer.id, w.orderLine.id),
          headers: { 'idempotency-key': `race-${w.orderLine.id}` },
        }),
      ),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    for (const r of responses.filter((r) => r.statusCode !== 201)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('idempotency_in_progress');
    }
    const rmas = await t.platform.db
      .selectFrom('rma_lines')
      .select('rma_id')
      .where('order_line_id', '=', w.orderLine.id)
      .execute();
    expect(rmas).toHaveLength(1);
  });

  it('never re-runs a request whose work committed before the server stopped, and says what it did', async () => {
    const w = await makeWorld(t.platform);
    const payload = body(w.customer.id, w.orderLine.id);
    const first = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload,
      headers: { 'idempotency-key': 'crashed' },
    });
    expect(first.statusCode).toBe(201);
    const marked = await t.platform.db
      .selectFrom('idempotency_keys')
      .select(['state', 'outcome'])
      .where('principal_id', '=', agentId)
      .where('key', '=', 'crashed')
      .executeTakeFirstOrThrow();
    expect(marked).toEqual({ state: 'completed', outcome: `rma ${first.json<{ id: string }>().id}` });
    // As the row stands when the server stopped after the commit, before storing the answer.
    await t.platform.db
      .updateTable('idempotency_keys')
      .set({ state: 'committed', response_body: null, response_status: null, created_at: '2026-11-26T09:50:00.000Z' })
      .where('principal_id', '=', agentId)
      .where('key', '=', 'crashed')
      .execute();
    const retry = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload,
      headers: { 'idempotency-key': 'crashed' },
    });
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({
      detail: expect.stringMatching(
        /was carried out \(rma rma_.*\), but the server stopped before answering/,
      ) as unknown,
      carriedOut: true,
      outcome: `rma ${first.json<{ id: string }>().id}`,
    });
    const rmas = await t.platform.db
      .selectFrom('rma_lines')
      .select('rma_id')
      .where('order_line_id', '=', w.orderLine.id)
      .execute();
    expect(rmas).toHaveLength(1);
  });

  it('a reservation whose work never committed is still running for a while, then a retry takes it over', async () => {
    const w = await makeWorld(t.platform);
    const payload = body(w.customer.id, w.orderLine.id);
    const send = () =>
      t.request(agent, { method: 'POST', url: '/api/v1/returns', payload, headers: { 'idempotency-key': 'died' } });
    expect((await send()).statusCode).toBe(201);
    // As a reservation stands when its server died before the work committed (the return, here
    // real, stands for work that did not happen): first too fresh to take over, then abandoned.
    const reset = (createdAt: string) =>
      t.platform.db
        .updateTable('idempotency_keys')
        .set({
          state: 'in_progress',
          token: 'dead-process',
          response_body: null,
          response_status: null,
          created_at: createdAt,
        })
        .where('principal_id', '=', agentId)
        .where('key', '=', 'died')
        .execute();
    await reset('2026-11-26T09:59:50.000Z');
    const early = await send();
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      carriedOut: false,
      detail: expect.stringMatching(/still running/) as unknown,
    });
    await reset('2026-11-26T09:50:00.000Z');
    const takenOver = await send();
    expect(takenOver.statusCode, takenOver.body).toBe(201);
    expect(takenOver.headers['idempotent-replayed']).toBeUndefined();
    const row = await t.platform.db
      .selectFrom('idempotency_keys')
      .select(['state', 'token'])
      .where('principal_id', '=', agentId)
      .where('key', '=', 'died')
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('completed');
    expect(row.token).not.toBe('dead-process');
  });

  it('forgets completed responses after the retention period, never unfinished ones', async () => {
    const row = (key: string, state: 'in_progress' | 'completed', completedAt: string | null) => ({
      principal_id: 'usr_purge',
      key,
      method: 'POST',
      path: '/api/v1/returns',
      request_hash: 'x',
      state,
      response_status: state === 'completed' ? 201 : null,
      response_body: null,
      response_headers: null,
      created_at: '2026-11-01T00:00:00.000Z',
      completed_at: completedAt,
    });
    await t.platform.db
      .insertInto('idempotency_keys')
      .values([
        row('old', 'completed', '2026-11-10T00:00:00.000Z'),
        row('recent', 'completed', '2026-11-25T00:00:00.000Z'),
        row('stuck', 'in_progress', null),
      ])
      .execute();
    expect(await purgeIdempotencyKeys(t.platform.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    const left = await t.platform.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('principal_id', '=', 'usr_purge')
      .orderBy('key')
      .execute();
    expect(left.map((r) => r.key)).toEqual(['recent', 'stuck']);
  });
  it('keeps no copy of a secret shown once: a replay is refused and says why, and the database holds no secret', async () => {
    const admin = await t.tokenFor('admin');
    const adminId = (await t.request(admin, { method: 'GET', url: '/api/v1/auth/me' })).json().id;
    const calls = [
      { url: '/api/v1/api-keys', payload: { name: 'carrier webhooks', role: 'cs_agent' }, secret: 'secret' },
      {
        url: '/api/v1/users',
        payload: { email: 'once@example.com', name: 'Once', role: 'finance' },
        secret: 'passwordLink',
      },
    ];
    for (const call of calls) {
      const send = () =>
        t.request(admin, {
          method: 'POST',
          url: call.url,
          payload: call.payload,
          headers: { 'idempotency-key': `once-${call.url}` },
        });
      const first = await send();
      expect(first.statusCode, first.body).toBe(201);
      const secret = JSON.stringify(first.json()[call.secret]);
      const replay = await send();
      expect(replay.statusCode).toBe(409);
      expect(replay.json().detail).toMatch(/shown only once; it cannot be shown again/);
      const stored = await t.platform.db
        .selectFrom('idempotency_keys')
        .select(['response_body', 'response_status'])
        .where('principal_id', '=', adminId)
        .where('key', '=', `once-${call.url}`)
        .executeTakeFirstOrThrow();
      expect(stored.response_status).toBe(201);
      expect(stored.response_body).not.toContain(secret.slice(1, 20));
    }
  });
});
