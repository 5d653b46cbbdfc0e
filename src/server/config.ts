// Configuration from the environment, read once at start-up.
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  loadDemoData: boolean;
  logLevel: string;
  /**
   * Which proxies in front of the server to believe about the client's address (the sign-in
   * throttle counts per source address): `true`, or the proxies' addresses/CIDRs. Off by default.
   */
  trustProxy: boolean | string[];
  /** EASYPOST_WEBHOOK_SECRET: EasyPost's tracking webhook is verified with it (absent: the webhook answers 503). */
  easyPostWebhookSecret: string | undefined;
  /** NATS_URL: events go to NATS JetStream there; absent, the same relay delivers them in-process. */
  natsUrl: string | undefined;
  /** BOOMERANG_WORKERS: server processes (node:cluster) sharing the port; more than one needs PostgreSQL. */
  workers: number;
  /** BOOMERANG_METRICS_TOKEN: GET /metrics wants it as a bearer token; absent, /metrics is open like /health. */
  metricsToken: string | undefined;
  /**
   * BOOMERANG_METRICS_PORT (with BOOMERANG_WORKERS > 1): the primary serves the sum of every
   * worker's metrics there — /metrics on the main port answers for whichever worker took it.
   */
  metricsPort: number | undefined;
  /** BOOMERANG_EDI_POLL_MS: how often partners' inbound folders are read and queued documents written (default 30 s). */
  ediPollMs: number;
  /** SMTP_URL (smtp://user:pass@host:587 or smtps://…): e-mail notifications go out there; absent, they are logged as not sent. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the sender of e-mail notifications. */
  mailFrom: string;
  /** BOOMERANG_PUBLIC_URL: where people reach the web app — links in e-mails (return pages, unsubscribe) point there. */
  publicUrl: string;
}

function parseTrustProxy(value: string | undefined): boolean | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.BOOMERANG_DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'boomerang.sqlite')}`;
  const workers = parseWorkers(env.BOOMERANG_WORKERS, databaseUrl);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    loadDemoData: (env.BOOMERANG_DEMO_DATA ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(env.BOOMERANG_TRUST_PROXY),
    easyPostWebhookSecret: env.EASYPOST_WEBHOOK_SECRET || undefined,
    natsUrl: env.NATS_URL || undefined,
    workers,
    metricsToken: env.BOOMERANG_METRICS_TOKEN || undefined,
    metricsPort: parseMetricsPort(env.BOOMERANG_METRICS_PORT),
    ediPollMs: parseEdiPollMs(env.BOOMERANG_EDI_POLL_MS),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || 'Boomerang Returns <returns@localhost>',
    publicUrl: (env.BOOMERANG_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}

/**
 * SQLite is one file written by one process at a time: several servers on it would queue on its
 * write lock and hold each other's statements, so SQLite mode stays one process and says so.
 */
function parseWorkers(value: string | undefined, databaseUrl: string): number {
  const workers = Number(value || 1);
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`BOOMERANG_WORKERS must be a whole number of processes, 1 or more; got ${value}`);
  if (workers > 1 && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error(
      `BOOMERANG_WORKERS=${workers} needs PostgreSQL (DATABASE_URL=postgres://…): SQLite mode runs as one process`,
    );
  return workers;
}

function parseMetricsPort(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`BOOMERANG_METRICS_PORT must be a port number, got ${value}`);
  return port;
}

function parseEdiPollMs(value: string | undefined): number {
  const ms = Number(value || 30_000);
  if (!Number.isInteger(ms) || ms < 100)
    throw new Error(`BOOMERANG_EDI_POLL_MS must be milliseconds, 100 or more; got ${value}`);
  return ms;
}

/** Checked at start-up: a mistyped SMTP_URL is a message now, not a failure on the first e-mail. */
function parseSmtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^smtps?:\/\/[^/]+/.test(value))
    throw new Error(`SMTP_URL must be smtp://host:port or smtps://host:port, got ${value}`);
  return value;
}
