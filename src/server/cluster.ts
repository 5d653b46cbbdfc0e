// BOOMERANG_WORKERS=N: N server processes (node:cluster) share the port on one PostgreSQL database.
// The primary serves nothing: it migrates and loads demo data once, before any worker starts (N
// workers migrating at once would race), then forks the workers, restarts one that dies, and on
// SIGTERM/SIGINT passes the signal on and waits for each to drain its requests and exit.
import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import { AggregatorRegistry } from 'prom-client';
import type { ServerConfig } from './config.js';
import { startPlatform } from './platform.js';
import { loadDemoDataIfEmpty } from '../demo/index.js';
import { hasUsers } from '../identity/index.js';

/** Whether this process is the primary of several workers (main.ts then runs `runClusterPrimary`). */
export const isClusterPrimary = (config: ServerConfig): boolean => config.workers > 1 && cluster.isPrimary;

/** A worker leaves start-up work (demo data, first-admin hint) to the primary, which did it already. */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** A worker that dies sooner than this after starting is restarted after a pause, not at once. */
const CRASH_LOOP_MS = 10_000;
/** Past this, a worker still draining at shutdown is killed. */
const DRAIN_TIMEOUT_MS = 30_000;

export async function runClusterPrimary(config: ServerConfig): Promise<never> {
  const platform = await startPlatform({ databaseUrl: config.databaseUrl });
  if (config.loadDemoData) await loadDemoDataIfEmpty(platform);
  if (!(await hasUsers(platform))) {
    console.log(
      'No users yet: create the first admin with BOOMERANG_PASSWORD=… npm run create-user -- <email> admin "<name>"',
    );
  }
  await platform.close();

  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(), Date.now());
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} died (${signal ?? `code ${code}`}); starting another`);
    setTimeout(fork, lived < CRASH_LOOP_MS ? 1_000 : 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // A terminal's Ctrl-C reaches the workers too; the signal is passed on for a supervisor's
      // SIGTERM, which reaches the primary alone. Workers treat the second signal as the first.
      for (const worker of startedAt.keys()) worker.process.kill(signal);
      if (startedAt.size === 0) process.exit(0);
      setTimeout(() => {
        for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
        process.exit(1);
      }, DRAIN_TIMEOUT_MS).unref();
    });
  }
  for (let i = 0; i < config.workers; i++) fork();
  if (config.metricsPort) serveClusterMetrics(config);
  console.log(`Boomerang primary ${process.pid}: ${config.workers} server processes on port ${config.port}`);
  return new Promise<never>(() => {
    // Runs until the signal handler exits the process.
  });
}

/**
 * The workers' metrics summed, for Prometheus: each worker answers the primary's request over the
 * cluster's IPC with its own registry (main.ts hands it over), the primary adds them up.
 */
function serveClusterMetrics(config: ServerConfig): void {
  const aggregator = new AggregatorRegistry();
  createServer((request, response) => {
    const authorized = !config.metricsToken || request.headers.authorization === `Bearer ${config.metricsToken}`;
    if (request.url !== '/metrics' || !authorized) {
      response.writeHead(request.url === '/metrics' ? 401 : 404).end();
      return;
    }
    aggregator
      .clusterMetrics()
      .then((text) => response.writeHead(200, { 'content-type': aggregator.contentType }).end(text))
      .catch((error: unknown) => response.writeHead(503).end(String(error)));
  }).listen(config.metricsPort, config.host);
}
