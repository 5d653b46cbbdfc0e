import { join } from 'node:path';
// `npm start`: migrate, load demo data into an empty database, serve API and web app.
import { readConfig } from './config.js';
import { startPlatform } from './platform.js';
import { buildApp } from './app.js';
import { systemContext } from '../platform/actor.js';
import { expireDueAuthorizations } from '../returns/index.js';
import {
  invoiceOverdueDeposits,
  loadReturnFacts,
  runEdiExchange,
  withdrawUnreceivedCredit,
} from '../workflows/index.js';
import { purgeIdempotencyKeys } from '../platform/http/idempotency.js';
import { loadDemoDataIfEmpty } from '../demo/index.js';
import { hasUsers } from '../identity/index.js';
import { startScheduler } from '../platform/jobs/scheduler.js';
import { startOutboxRelay } from '../platform/outbox/relay.js';
import { InProcessEventBus } from '../platform/outbox/transport.js';
import { connectJetStream } from '../platform/outbox/jetstream-transport.js';
import { AggregatorRegistry } from 'prom-client';
import { createAppMetrics } from './app-metrics.js';
import { isClusterPrimary, isClusterWorker, runClusterPrimary } from './cluster.js';
import { startWebhookWorker } from '../webhooks/index.js';
import { checkInspectionSlaBreaches, createSmtpMailer, startNotificationWorker } from '../notifications/index.js';

const config = readConfig();
// BOOMERANG_WORKERS=N: this process migrates, then forks N workers that each run the rest of this file.
if (isClusterPrimary(config)) await runClusterPrimary(config);
const platform = await startPlatform({ databaseUrl: config.databaseUrl });
if (config.loadDemoData && !isClusterWorker()) await loadDemoDataIfEmpty(platform);
if (!isClusterWorker() && !(await hasUsers(platform))) {
  console.log(
    'No users yet: create the first admin with BOOMERANG_PASSWORD=… npm run create-user -- <email> admin "<name>"',
  );
}
const metrics = createAppMetrics(platform);
// A worker's metrics are also summed by the primary (BOOMERANG_METRICS_PORT): it asks over IPC.
// prom-client answers those requests only once an AggregatorRegistry exists in the worker too.
if (isClusterWorker()) {
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([metrics.registry]);
}
const app = await buildApp(platform, {
  logLevel: config.logLevel,
  trustProxy: config.trustProxy,
  easyPostWebhookSecret: config.easyPostWebhookSecret,
  filesDir: join(config.dataDir, 'files'),
  metrics,
  metricsToken: config.metricsToken,
});

// Scheduled work, run once across however many server processes share the database: each job
// runs in the process that takes its lease (platform/jobs). Authorizations lapse with the
// calendar, not with a request (credit given ahead of proof for their units is taken back as they
// do: withdrawUnreceivedCredit); advance replacements whose return did not arrive within the
// policy's days are invoiced; spent idempotency keys are purged. Each is safe to run again.
const HOUR = 60 * 60 * 1000;
const scheduler = startScheduler(
  platform.db,
  [
    {
      name: 'expire-authorizations',
      everyMs: HOUR,
      leaseMs: 10 * 60 * 1000,
      run: () =>
        expireDueAuthorizations(platform, systemContext('expiry-job'), loadReturnFacts, withdrawUnreceivedCredit),
    },
    {
      name: 'invoice-overdue-deposits',
      everyMs: HOUR,
      leaseMs: 10 * 60 * 1000,
      run: () => invoiceOverdueDeposits(platform, systemContext('deposit-job')),
    },
    {
      // Partners' folders read, pending 180s answered, 812s sent, queued documents written.
      name: 'edi-exchange',
      everyMs: config.ediPollMs,
      leaseMs: 5 * 60 * 1000,
      run: () => runEdiExchange(platform),
    },
    {
      // Staff are mailed once per breach episode of a site's inspection queue (notifications).
      name: 'inspection-sla-digest',
      everyMs: 5 * 60 * 1000,
      leaseMs: 5 * 60 * 1000,
      run: () => checkInspectionSlaBreaches(platform),
    },
    {
      name: 'purge-idempotency-keys',
      everyMs: HOUR,
      leaseMs: 10 * 60 * 1000,
      run: () => purgeIdempotencyKeys(platform.db, platform.clock.now()),
    },
  ],
  {
    tickMs: Math.min(30_000, config.ediPollMs),
    onRun: (run) => {
      metrics.countJobRun(run);
      if (run.error) app.log.error({ job: run.name, error: run.error }, 'scheduled job failed');
    },
    onError: (error) => app.log.error({ err: error }, 'scheduler failed'),
  },
);

// Events out: the outbox relayed after commit to NATS JetStream when NATS_URL is set, else
// delivered in-process by the same relay.
const transport = config.natsUrl ? await connectJetStream(config.natsUrl) : new InProcessEventBus();
const relay = startOutboxRelay(platform.db, transport, {
  onError: (error) => app.log.error({ err: error }, 'outbox relay failed'),
  onBatch: (result) => {
    metrics.countRelayBatch(result);
    if (result.error) app.log.warn({ event: result.failedEventId, error: result.error }, 'outbox publish failed');
  },
});
platform.outboxRelay = relay;

// Signed webhooks: fan-out and delivery every second in the one process holding the lease; a slow
// receiver costs that worker time, never a request.
const webhooks = startWebhookWorker(platform.db, platform.ids, {
  onPass: (pass) => metrics.countWebhookPass(pass.delivery),
  onError: (error) => app.log.error({ err: error }, 'webhook worker failed'),
});

// E-mail notifications: fan-out of committed events and SMTP delivery in the one process holding
// the lease. Without SMTP_URL they are recorded as not sent (with that reason), never crash a start.
const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl) : null;
const notifications = startNotificationWorker(
  platform.db,
  platform.ids,
  { from: config.mailFrom, publicUrl: config.publicUrl, mailer },
  { onError: (error) => app.log.error({ err: error }, 'notification worker failed') },
);
if (!config.smtpUrl) app.log.warn('SMTP_URL is not set: e-mail notifications are logged as not sent');

// Drains in-flight requests (app.close waits for them), then stops the background work. Handled
// every time, not once: a worker can get a terminal's Ctrl-C and the primary's SIGTERM both, and a
// second signal must not kill it mid-drain.
let isStopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    void app
      .close()
      .then(() => Promise.all([scheduler.stop(), relay.stop(), webhooks.stop(), notifications.stop()]))
      .then(() => {
        mailer?.close();
        return transport.close();
      })
      .then(() => platform.close())
      .then(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host });
const where = platform.dialect === 'sqlite' ? config.databaseUrl.replace(/^sqlite:/, '') : 'PostgreSQL';
// A plain line for the person who just typed `npm start`, whatever the log level.
console.log(
  `Boomerang is up on http://localhost:${config.port} (database: ${where}; events: ${transport.name}); API docs at /docs`,
);
