// What operators see: Prometheus /metrics (latency by route pattern, never the raw URL; the outbox
// backlog; the pool on PostgreSQL; relay and job counters), /ready apart from /health, and the
// request id on every response. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createMetrics } from '../../src/platform/http/metrics.js';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { expectProblem } from './support/problems.js';

/** The sample lines of one metric, e.g. `http_request_duration_seconds_count{…} 3`. */
const samplesOf = (text: string, name: string) => text.split('\n').filter((line) => line.startsWith(name));

describe.each(DIALECTS)('metrics and readiness on %s', (dialect) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    token = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  it('counts requests under their route pattern, method and status class', async () => {
    for (let i = 0; i < 3; i++)
      expect((await t.request(token, { method: 'GET', url: `/api/v1/returns/rma_missing${i}` })).statusCode).toBe(404);
    expect((await t.request(token, { method: 'GET', url: '/api/v1/returns' })).statusCode).toBe(200);

    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const counts = samplesOf(res.body, 'http_request_duration_seconds_count');
    const byId = counts.find((line) => line.includes('route="/api/v1/returns/:id"'));
    expect(byId).toContain('method="GET"');
    expect(byId).toContain('status_class="4xx"');
    expect(byId).toMatch(/ 3$/);
    expect(counts.find((line) => line.includes('route="/api/v1/returns"'))).toContain('status_class="2xx"');
    expect(res.body).not.toContain('rma_missing');
  });

  it('reports the outbox backlog and its age, the process, and the pool on PostgreSQL only', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(samplesOf(body, 'boomerang_outbox_backlog_events ')).toHaveLength(1);
    expect(samplesOf(body, 'boomerang_outbox_oldest_event_age_seconds ')).toHaveLength(1);
    expect(samplesOf(body, 'process_cpu_user_seconds_total')).toHaveLength(1);
    const pool = samplesOf(body, 'boomerang_db_pool_connections ');
    if (dialect === 'postgres') expect(Number(pool[0]?.split(' ')[1])).toBeGreaterThan(0);
    else expect(pool).toEqual([]);
  });

  it('counts relay batches and job runs that main.ts reports; a configured token guards /metrics', async () => {
    const metrics = createMetrics(t.platform);
    const app = await buildApp(t.platform, {
      logLevel: 'silent',
      webRoot: '/nonexistent',
      metrics,
      metricsToken: 's3cret',
    });
    try {
      metrics.countRelayBatch({ published: 5, failedEventId: null, error: null });
      metrics.countRelayBatch({ published: 2, failedEventId: 'evt_1', error: 'broker away' });
      metrics.countJobRun({ name: 'purge-idempotency-keys', holder: 'h', error: null });
      metrics.countJobRun({ name: 'purge-idempotency-keys', holder: 'h', error: 'database away' });

      expectProblem(await app.inject({ method: 'GET', url: '/metrics' }), 401, 'unauthenticated');
      const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expectProblem(wrong, 401, 'unauthenticated');
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer s3cret' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('boomerang_outbox_published_total 7');
      expect(res.body).toContain('boomerang_outbox_publish_failures_total 1');
      expect(res.body).toContain('boomerang_job_runs_total{job="purge-idempotency-keys"} 2');
      expect(res.body).toContain('boomerang_job_failures_total{job="purge-idempotency-keys"} 1');
    } finally {
      await app.close();
    }
  });

  it('answers /ready with the database and the outbox backlog, /health as before', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      database: dialect,
      outbox: { waiting: expect.any(Number) as number, oldestAgeSeconds: expect.any(Number) as number },
    });
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', database: dialect });
  });

  it('returns the request id the logs carry on every response, errors included', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/ready' });
    const missing = await t.request(token, { method: 'GET', url: '/api/v1/returns/rma_nope' });
    expect(ok.headers['x-request-id']).toMatch(/^req_/);
    expect(missing.headers['x-request-id']).toMatch(/^req_/);
    expect(missing.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
  });
});
