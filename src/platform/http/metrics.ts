// Prometheus metrics: request latency by route, the database pool, the outbox backlog, the relay and
// the scheduled jobs, and the process's own. One registry per app, never prom-client's global one:
// tests start many apps in one process, and a metric registered twice in one registry is an error.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Platform } from '../unit-of-work.js';
import type { PoolStats } from '../db/database.js';
import { outboxBacklog, type RelayBatchResult } from '../outbox/relay.js';
import type { JobRun } from '../jobs/scheduler.js';
import { PUBLIC } from './request-context.js';
import { sendProblem } from './problem.js';

export interface Metrics {
  registry: Registry;
  observeRequest(labels: { method: string; route: string; statusCode: number }, seconds: number): void;
  countRelayBatch(result: RelayBatchResult): void;
  countJobRun(run: JobRun): void;
  /** A webhook worker pass: attempts that delivered, failed (to be retried) or went dead. */
  countWebhookPass(delivery: { delivered: number; failed: number; dead: number }): void;
}

export function createMetrics(platform: Platform): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status class',
    labelNames: ['method', 'route', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  registerPoolGauges(registry, platform);
  registerOutboxGauges(registry, platform);
  const published = new Counter({
    name: 'boomerang_outbox_published_total',
    help: 'Outbox events the relay published',
    registers: [registry],
  });
  const publishFailures = new Counter({
    name: 'boomerang_outbox_publish_failures_total',
    help: 'Relay batches that stopped at a failed publish (retried with backoff)',
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'boomerang_job_runs_total',
    help: 'Scheduled job runs in this process',
    labelNames: ['job'],
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: 'boomerang_job_failures_total',
    help: 'Scheduled job runs in this process that failed',
    labelNames: ['job'],
    registers: [registry],
  });
  const webhookAttempts = new Counter({
    name: 'boomerang_webhook_attempts_total',
    help: 'Webhook delivery attempts in this process, by outcome (failed ones are retried; dead ones gave up)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  return {
    registry,
    observeRequest: ({ method, route, statusCode }, seconds) =>
      requestDuration.observe({ method, route, status_class: `${Math.floor(statusCode / 100)}xx` }, seconds),
    countRelayBatch: (result) => {
      published.inc(result.published);
      if (result.error) publishFailures.inc();
    },
    countJobRun: (run) => {
      jobRuns.inc({ job: run.name });
      if (run.error) jobFailures.inc({ job: run.name });
    },
    countWebhookPass: ({ delivered, failed, dead }) => {
      webhookAttempts.inc({ outcome: 'delivered' }, delivered);
      webhookAttempts.inc({ outcome: 'failed' }, failed);
      webhookAttempts.inc({ outcome: 'dead' }, dead);
    },
  };
}

/** PostgreSQL's pool as it stands at each scrape; SQLite has one connection and reports nothing. */
function registerPoolGauges(registry: Registry, platform: Platform): void {
  const poolStats = platform.poolStats;
  if (!poolStats) return;
  const gauge = (name: string, help: string, read: (stats: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(poolStats()));
      },
    });
  gauge('boomerang_db_pool_connections', 'Open database connections', (s) => s.total);
  gauge('boomerang_db_pool_idle_connections', 'Open database connections not in use', (s) => s.idle);
  gauge('boomerang_db_pool_waiting_requests', 'Queries waiting for a database connection', (s) => s.waiting);
}

/** Read from the database at each scrape (every process sees the same table, so any can answer). */
function registerOutboxGauges(registry: Registry, platform: Platform): void {
  // One query serves both gauges of a scrape. If the database is away the last values stay:
  // the scrape still answers, and boomerang's /ready says the database is the problem.
  let pending: Promise<void> | null = null;
  const backlog = new Gauge({
    name: 'boomerang_outbox_backlog_events',
    help: 'Outbox events not yet published',
    registers: [registry],
    collect: () => refresh(),
  });
  const oldestAge = new Gauge({
    name: 'boomerang_outbox_oldest_event_age_seconds',
    help: 'Age of the oldest unpublished outbox event (0 when none waits)',
    registers: [registry],
    collect: () => refresh(),
  });
  const refresh = () =>
    (pending ??= outboxBacklog(platform.db)
      .then(({ waiting, oldestAgeSeconds }) => {
        backlog.set(waiting);
        oldestAge.set(oldestAgeSeconds);
      })
      .catch(() => undefined)
      .finally(() => {
        pending = null;
      }));
}

/**
 * Records every request's latency under its route pattern (`/api/v1/returns/:id`, never the raw
 * URL: ids would make a series per record), and serves `GET /metrics` — open like /health, or
 * behind `Authorization: Bearer <token>` when a token is configured (BOOMERANG_METRICS_TOKEN).
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, options: { token?: string | undefined }) {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', statusCode: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get('/metrics', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    if (options.token && !hasBearer(request.headers.authorization, options.token)) {
      void reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, request, 'unauthenticated', 'send Authorization: Bearer <BOOMERANG_METRICS_TOKEN>');
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

function hasBearer(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
