// `npm run bench`: starts the real app (startPlatform + buildApp) on a fresh temporary SQLite
// database — and on a fresh PostgreSQL database when BOOMERANG_TEST_PG_URL is set — listens on an
// ephemeral port on 127.0.0.1, builds a world, and measures four scenarios with real HTTP requests
// over keep-alive connections. Every run is bounded in requests and time and stops by itself.
// See bench/README.md for how to read the table.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { execFileSync, spawn } from 'node:child_process';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { startPlatform } from '../src/server/platform.js';
import type { Clock } from '../src/platform/clock.js';
import { systemContext } from '../src/platform/actor.js';
import { createUser } from '../src/identity/index.js';
import { createRma } from '../src/returns/index.js';
import { CreateRmaBodySchema } from '../src/contracts/returns.js';
import type { LoadJob, LoadResult } from './load-worker.js';
import { formatTable, summarize, type Summary } from './stats.js';
import {
  compareWithPrevious,
  headlineRatios,
  toScenarioResult,
  type BenchResults,
  type ScenarioResult,
} from './results.js';
import { BENCH_GTIN, buildWorld, returnBody, type BenchLine } from './world.js';
import { benchRelayLag } from './relay-lag.js';
import { sql } from 'kysely';

const env = process.env;
const CONCURRENCY = Number(env.BENCH_CONCURRENCY ?? 16);
const PHASE_MS = Number(env.BENCH_PHASE_MS ?? 3000);
const WARMUP_MS = Number(env.BENCH_WARMUP_MS ?? 500);
const RMA_TARGET = Number(env.BENCH_RMAS ?? 3000);
const TOP_UP_MS = Number(env.BENCH_TOP_UP_MS ?? 12_000);
const PG_URL = env.BOOMERANG_TEST_PG_URL;
// "Today" for the return windows: the factories deliver orders ten days before this. The clock
// starts there and runs at real speed, so rows get distinct timestamps as in production (with a
// frozen clock every RMA would share one created_at, and the newest-first search would have to
// sort them all instead of reading the first page from the index).
const TODAY = '2026-11-26T10:00:00.000Z';
function runningClockFrom(iso: string): Clock {
  const offset = Date.parse(iso) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

// A hard stop, whatever happens: the benchmark must never hang a terminal or a CI job.
setTimeout(() => {
  console.error('bench: still running after 180 s; giving up');
  process.exit(2);
}, 180_000).unref();

interface Database {
  url: string;
  drop(): Promise<void>;
}

async function freshDatabase(dialect: 'sqlite' | 'postgres'): Promise<Database> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'boomerang-bench-'));
    return {
      url: `sqlite:${join(dir, 'bench.sqlite')}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = `boomerang_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Runs one load job in a worker thread (TypeScript loaded through tsx's register API). */
function runLoad(job: LoadJob): Promise<LoadResult> {
  const workerUrl = new URL('./load-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

const CREATE = 'POST /returns (create)';
const SCAN = 'scan';
/** People at scanners: each of the 16 scans once every SCAN_PACE_MS (a fast operator takes 1–3 s). */
const SCAN_PACED = 'scan (paced: 16 scanners, one scan each per 500 ms)';
const SCAN_PACE_MS = 500;
/** Returns kept aside for the paced run (two scans each), so it never over-receives. */
const PACED_RETURNS = 200;
const PACED_PHASE_MS = Number(env.BENCH_PACED_MS ?? 10_000);

/** Waits (at most `ms`) until every audit event is chained; returns how many were waiting at first. */
async function waitForSealedAuditTrail(platform: Awaited<ReturnType<typeof startPlatform>>, ms: number) {
  const unsealed = async () =>
    Number(
      (
        await platform.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('chain_seq', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const first = await unsealed();
  const started = Date.now();
  while (Date.now() - started < ms && (await unsealed()) > 0) await new Promise((r) => setTimeout(r, 100));
  return { events: first, ms: Date.now() - started };
}

/**
 * How many small write transactions per second the database itself takes from this process: the
 * ceiling under any API write, measured in the same run as the scans (one UPDATE of a counter row
 * per transaction, `concurrency` at a time, for `ms`).
 */
async function rawTransactionRate(
  platform: Awaited<ReturnType<typeof startPlatform>>,
  concurrency: number,
  ms: number,
): Promise<number> {
  await platform.db
    .insertInto('counters')
    .values({ name: 'bench-raw', value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  let done = 0;
  const started = Date.now();
  const lane = async () => {
    while (Date.now() - started < ms) {
      await platform.db
        .transaction()
        .execute((trx) => sql`update counters set value = value + 1 where name = 'bench-raw'`.execute(trx));
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return done / ((Date.now() - started) / 1000);
}
const RESULTS_FILE = new URL('./results/latest.json', import.meta.url);

async function benchDialect(dialect: 'sqlite' | 'postgres'): Promise<{ ok: boolean; results: ScenarioResult[] }> {
  const started = Date.now();
  const database = await freshDatabase(dialect);
  const platform = await startPlatform({ databaseUrl: database.url, clock: runningClockFrom(TODAY) });
  const app = await buildApp(platform, { logLevel: 'silent', webRoot: '/nonexistent' });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // One line per measured create, plus room for the warm-up and the top-up to RMA_TARGET.
    const lines = await buildWorld(platform, { lines: RMA_TARGET + 400 });
    await createUser(platform, systemContext('bench'), {
      email: 'bench.agent@bench.local',
      name: 'Bench Agent',
      role: 'cs_agent',
      customerId: null,
      password: 'bench',
    });
    const signIn = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench.agent@bench.local', password: 'bench' }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const setupSeconds = (Date.now() - started) / 1000;

    const common = {
      baseUrl,
      token: accessToken,
      concurrency: CONCURRENCY,
      warmupRequests: 300,
      warmupMs: WARMUP_MS,
      maxMs: PHASE_MS,
    };
    const rows: Array<{ name: string; summary: Summary }> = [];
    const problems: string[] = [];
    const record = (name: string, result: LoadResult) => {
      rows.push({ name, summary: summarize(result.latenciesMs, result.elapsedMs, result.errors) });
      if (result.errors > 0)
        problems.push(`${name}: ${result.errors} unexpected responses, first: ${result.firstError}`);
    };

    // (a) Baseline: routing, auth-free handler, one trivial query.
    record(
      'GET /health (baseline)',
      await runLoad({
        ...common,
        token: null,
        method: 'GET',
        path: '/health',
        bodies: null,
        expectStatus: 200,
        maxRequests: 50_000,
      }),
    );

    // (b) Evaluate: validation, four config reads, order-line lookup, eligibility and routing; no writes.
    const evaluateBody = JSON.stringify(returnBody(lines.at(-1)!));
    record(
      'POST /returns/evaluate',
      await runLoad({
        ...common,
        method: 'POST',
        path: '/api/v1/returns/evaluate',
        bodies: [evaluateBody],
        expectStatus: 200,
        maxRequests: 50_000,
      }),
    );

    // (c) Create: the full write transaction (commit quantity, RMA + lines, audit chain, outbox), each on its own line.
    const createBodies = lines.slice(0, RMA_TARGET + 300).map((line) => JSON.stringify(returnBody(line)));
    const created = await runLoad({
      ...common,
      method: 'POST',
      path: '/api/v1/returns',
      bodies: createBodies,
      expectStatus: 201,
      maxRequests: createBodies.length,
    });
    record(CREATE, created);

    // Top up to RMA_TARGET returns through the use case, so the search runs over a known volume
    // (bounded in time too: on a slow machine the search runs over fewer, and says how many).
    const topUpStarted = Date.now();
    const rmaCount = async () =>
      Number(
        (
          await platform.db
            .selectFrom('rmas')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const unused: BenchLine[] = lines.slice(created.bodiesUsed, lines.length - 1);
    let missing = RMA_TARGET - (await rmaCount());
    const ctx = systemContext('bench-top-up');
    while (missing > 0 && unused.length > 0 && Date.now() - topUpStarted < TOP_UP_MS) {
      const batch = unused.splice(0, Math.min(8, missing));
      await Promise.all(batch.map((line) => createRma(platform, ctx, CreateRmaBodySchema.parse(returnBody(line)))));
      missing -= batch.length;
    }
    const rmas = await rmaCount();
    const topUpSeconds = (Date.now() - topUpStarted) / 1000;

    // (d) Search: the first page of the returns list, newest first, with its total, over all RMAs
    // (the count is printed with the table; the name stays the same from run to run).
    record(
      'GET /returns?page=1&pageSize=25',
      await runLoad({
        ...common,
        method: 'GET',
        path: '/api/v1/returns?page=1&pageSize=25',
        bodies: null,
        expectStatus: 200,
        maxRequests: 50_000,
      }),
    );

    // (e) scan: a receiving desk scanning GS1 labels, each of the 16 scanners at its own return
    // (round robin over the authorized returns; each takes two scans before it would over-receive).
    await createUser(platform, systemContext('bench'), {
      email: 'bench.warehouse@bench.local',
      name: 'Bench Warehouse',
      role: 'warehouse',
      customerId: null,
      password: 'bench',
    });
    const warehouseSignIn = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench.warehouse@bench.local', password: 'bench' }),
    });
    const warehouseToken = ((await warehouseSignIn.json()) as { accessToken: string }).accessToken;
    const site = await platform.db.selectFrom('sites').select('id').executeTakeFirstOrThrow();
    const authorized = await platform.db
      .selectFrom('rmas')
      .select('id')
      .where('status', '=', 'authorized')
      .orderBy('created_at')
      .execute();
    const allScanPaths = authorized.map((rma) => `/api/v1/returns/${rma.id}/receipts`);
    const pacedPaths = allScanPaths.slice(-PACED_RETURNS);
    const scanPaths = allScanPaths.slice(0, -PACED_RETURNS);
    const scanBody = JSON.stringify({
      siteId: site.id,
      items: [{ scan: `]C101${BENCH_GTIN.padStart(14, '0')}10BENCH-LOT`, condition: 'unopened' }],
    });
    const scans = await runLoad({
      ...common,
      token: warehouseToken,
      method: 'POST',
      path: '',
      paths: scanPaths,
      bodies: [scanBody],
      expectStatus: 201,
      // Two units per return: stay within what the returns expect (warm-up included).
      maxRequests: Math.max(0, scanPaths.length * 2 - 300),
    });
    record(SCAN, scans);
    // The same scans at a person's pace: what each operator waits for when the desk is busy but
    // the server is not saturated (the closed loop above keeps 16 in flight without pause). It
    // starts once the audit sealer has chained the earlier scenarios' events (thousands, from the
    // top-up), so it measures scans rather than the catch-up after a burst.
    const backlog = await waitForSealedAuditTrail(platform, 30_000);
    const paced = await runLoad({
      ...common,
      token: warehouseToken,
      method: 'POST',
      path: '',
      paths: pacedPaths,
      bodies: [scanBody],
      expectStatus: 201,
      warmupRequests: 16,
      maxRequests: Math.max(0, pacedPaths.length * 2 - 16),
      // Long enough for a p99 of some 300 scans at 32 a second.
      maxMs: PACED_PHASE_MS,
      paceMs: SCAN_PACE_MS,
    });
    record(SCAN_PACED, paced);
    const raw = await rawTransactionRate(platform, CONCURRENCY, 1000);

    console.log(
      `\n${dialect}: ${CONCURRENCY} in flight, keep-alive, ${PHASE_MS / 1000} s per scenario after a ${WARMUP_MS} ms warm-up; setup ${setupSeconds.toFixed(1)} s, top-up ${topUpSeconds.toFixed(1)} s; the search runs over ${rmas} RMAs`,
    );
    console.log(formatTable(rows, rows[0]!.summary));
    const scanRow = rows.find((row) => row.name === SCAN)!.summary;
    console.log(
      `scan: ${scanRow.requestsPerSecond.toFixed(0)} receipt scans/s through the API, p50 ${scanRow.p50.toFixed(2)} ms, p99 ${scanRow.p99.toFixed(2)} ms ` +
        `(target p99 < 20 ms: ${scanRow.p99 < 20 ? 'met' : 'NOT met'}); raw database write transactions in the same run: ` +
        `${raw.toFixed(0)}/s (${CONCURRENCY} in flight, one UPDATE each); scans ÷ raw = ${(scanRow.requestsPerSecond / raw).toFixed(2)}×`,
    );
    const pacedRow = rows.find((row) => row.name === SCAN_PACED)!.summary;
    console.log(
      `(the paced run waited ${backlog.ms} ms for the audit sealer to chain ${backlog.events} events of the earlier scenarios)`,
    );
    console.log(
      `scan at a person's pace (${CONCURRENCY} scanners, ${(CONCURRENCY * 1000) / SCAN_PACE_MS} scans/s offered): p50 ${pacedRow.p50.toFixed(2)} ms, p99 ${pacedRow.p99.toFixed(2)} ms ` +
        `(target p99 < 20 ms: ${pacedRow.p99 < 20 ? 'met' : 'NOT met'})`,
    );
    const relayLag = await benchRelayLag(platform, dialect, { writers: CONCURRENCY, phaseMs: PHASE_MS });
    console.log(relayLag.line);
    for (const problem of problems) console.error(`  ! ${problem}`);
    const baseline = rows[0]!.summary;
    return {
      ok: problems.length === 0,
      results: [...rows.map((row) => toScenarioResult(dialect, row.name, row.summary, baseline)), relayLag.result],
    };
  } finally {
    await app.close();
    await platform.close();
    await database.drop();
  }
}

/**
 * `create-pg-1proc` and `create-pg-2proc`: the compiled server (what `npm start` runs) on one
 * PostgreSQL database with BOOMERANG_WORKERS=1 and =2, the same closed-loop create load against
 * each in the same run. The 2-process row's baseline is the 1-process rate, so its ratio is the
 * scale-out. This machine has 2 vCPUs shared by the workers, PostgreSQL and the load generator:
 * a second process can only use what the first left idle while it waited on the database.
 */
async function benchProcesses(): Promise<ScenarioResult[]> {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--server-only'], { stdio: 'inherit' });
  const database = await freshDatabase('postgres');
  const platform = await startPlatform({ databaseUrl: database.url });
  const perRun = 4000;
  const lines = await buildWorld(platform, { lines: perRun * 2 + 600 });
  await createUser(platform, systemContext('bench'), {
    email: 'bench.agent@bench.local',
    name: 'Bench Agent',
    role: 'cs_agent',
    customerId: null,
    password: 'bench',
  });
  await platform.close();
  const results: ScenarioResult[] = [];
  let offset = 0;
  try {
    for (const workers of [1, 2]) {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const child = spawn(process.execPath, ['dist/server/server/main.js'], {
        env: {
          ...env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: database.url,
          BOOMERANG_DEMO_DATA: 'false',
          BOOMERANG_WORKERS: String(workers),
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
        detached: true,
      });
      try {
        const baseUrl = `http://127.0.0.1:${port}`;
        for (let i = 0; i < 300; i++) {
          if ((await fetch(`${baseUrl}/health`).catch(() => null))?.ok) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        const signIn = await fetch(`${baseUrl}/api/v1/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'bench.agent@bench.local', password: 'bench' }),
        });
        const { accessToken } = (await signIn.json()) as { accessToken: string };
        const bodies = lines.slice(offset, offset + perRun + 300).map((line) => JSON.stringify(returnBody(line)));
        offset += perRun + 300;
        const result = await runLoad({
          baseUrl,
          token: accessToken,
          concurrency: CONCURRENCY,
          warmupRequests: 300,
          warmupMs: WARMUP_MS,
          maxMs: PHASE_MS * 2,
          method: 'POST',
          path: '/api/v1/returns',
          bodies,
          expectStatus: 201,
          maxRequests: perRun,
        });
        const summary = summarize(result.latenciesMs, result.elapsedMs, result.errors);
        if (result.errors > 0)
          console.error(`  ! ${workers} process(es): ${result.errors} errors, first: ${result.firstError}`);
        results.push({
          name: `create-pg-${workers}proc`,
          database: 'postgres',
          perSecond: Number(summary.requestsPerSecond.toFixed(1)),
          p50Ms: Number(summary.p50.toFixed(2)),
          p99Ms: Number(summary.p99.toFixed(2)),
          baselinePerSecond: results[0]?.perSecond ?? Number(summary.requestsPerSecond.toFixed(1)),
        });
      } finally {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  } finally {
    await database.drop();
  }
  const [one, two] = results;
  console.log(
    `\ncreates on PostgreSQL through the compiled server: 1 process ${one!.perSecond}/s (p99 ${one!.p99Ms} ms), ` +
      `2 processes ${two!.perSecond}/s (p99 ${two!.p99Ms} ms): ${(two!.perSecond / one!.perSecond).toFixed(2)}× — ` +
      `2 vCPUs shared by the server processes, PostgreSQL and the load generator bound it.`,
  );
  return results;
}

const cpu = cpus();
console.log(
  `Boomerang benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; server and load generator share this machine (loopback).`,
);
const dialects: Array<'sqlite' | 'postgres'> = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (!PG_URL) console.log('PostgreSQL skipped: set BOOMERANG_TEST_PG_URL to include it.');
let ok = true;
const results: BenchResults = { scenarios: [] };
for (const dialect of dialects) {
  const run = await benchDialect(dialect);
  ok = run.ok && ok;
  results.scenarios.push(...run.results);
}
if (PG_URL) results.scenarios.push(...(await benchProcesses()));
const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults) : null;
console.log(`\n${headlineRatios(results, CREATE).join('\n')}`);
console.log(`\nCompared with the last run:\n${compareWithPrevious(results, previous).join('\n')}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWritten to bench/results/latest.json');
if (!ok) {
  console.error('\nbench: some requests did not get the expected status; the numbers above include those failures.');
  process.exitCode = 1;
}
