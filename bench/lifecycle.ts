// `lifecycle`: returns driven through their whole life over the HTTP API — authorize, ship,
// receive, inspect, dispose, credit, close — by `concurrency` lanes at once, each lane one return
// at a time (bench/lifecycle-worker.ts). Measured per database on a fresh one: lifecycles per
// second, the whole lifecycle's p50/p99, and each step's. Beside it, in the same run and on the same
// database, the raw rate of the database itself: plain write transactions (an insert plus an
// audit-row insert each, `concurrency` at a time) per second, divided by the write transactions a
// lifecycle commits — the lifecycles per second the bare database would allow. After the measure a
// short profiled phase says where the server's CPU goes, by layer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { detectTrackingNumber } from '../src/logistics/index.js';
import { busyShare, describeLayers, profileWhile, timeByLayer } from './cpu-profile.js';
import { runInWorker, startBenchServer, waitForSealedAuditTrail, type BenchPlatform } from './harness.js';
import { LIFECYCLE_STEPS, type LifecycleJob, type LifecycleLoadResult } from './lifecycle-worker.js';
import { skippedResult, type DatabaseName, type ScenarioResult } from './results.js';
import type { BenchContext } from './scenario.js';
import { describeStepShares, percentile } from './stats.js';
import { BENCH_GTIN, buildWorld } from './world.js';

const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : 0);
const sorted = (values: ArrayLike<number>) => Float64Array.from(values).sort();

/** A UPS tracking number per lifecycle (the check digit found by the carrier table). */
export function upsTrackingNumber(n: number): string {
  const stem = `1Z999AA1${String(n).padStart(9, '0')}`;
  for (let digit = 0; digit <= 9; digit++) if (detectTrackingNumber(`${stem}${digit}`).ok) return `${stem}${digit}`;
  throw new Error(`no check digit makes ${stem} a UPS number`);
}

/**
 * The raw write rate: `concurrency` writers each committing, for `ms`, transactions of one row
 * insert and one audit-row insert (bench tables made for it, in the fresh database). Transactions
 * per second.
 */
export async function rawWriteTransactionRate(platform: BenchPlatform, concurrency: number, ms: number) {
  await sql`create table if not exists bench_raw_items (id varchar(40) primary key, created_at varchar(40) not null, payload text not null)`.execute(
    platform.db,
  );
  await sql`create table if not exists bench_raw_audit (id varchar(40) primary key, item_id varchar(40) not null, at varchar(40) not null, actor varchar(80) not null, action varchar(80) not null, payload text not null)`.execute(
    platform.db,
  );
  const payload = JSON.stringify({ status: 'authorized', note: 'x'.repeat(160), lines: [{ quantity: 1 }] });
  let done = 0;
  let n = 0;
  const started = Date.now();
  const writer = async () => {
    while (Date.now() - started < ms) {
      const id = `raw_${process.pid}_${n++}`;
      const at = new Date().toISOString();
      await platform.db.transaction().execute(async (trx) => {
        await sql`insert into bench_raw_items (id, created_at, payload) values (${id}, ${at}, ${payload})`.execute(trx);
        await sql`insert into bench_raw_audit (id, item_id, at, actor, action, payload) values (${`a${id}`}, ${id}, ${at}, ${'bench'}, ${'raw.write'}, ${payload})`.execute(
          trx,
        );
      });
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, writer));
  return done / ((Date.now() - started) / 1000);
}

/** Write requests of one lifecycle: create, shipment, receipt, claim, complete, disposition, approve, issue. */
export const WRITES_PER_LIFECYCLE = 8;

async function lifecycleOn(database: DatabaseName, ctx: BenchContext): Promise<ScenarioResult> {
  const { config } = ctx;
  const started = Date.now();
  const server = await startBenchServer(database, config.pgUrl);
  try {
    const { platform, baseUrl } = server;
    // Enough lifecycles for the measured phase at well above the target, the warm-up and the
    // profiled phase. Each order line ships 10 units; a return takes one, and a line serves at most
    // 8 returns, one after another (lifecycle i uses line i mod lines).
    const warmup = config.concurrency * 2;
    const needed = Math.ceil((config.lifecycleMs / 1000) * 500) + warmup + 1000;
    const lines = await buildWorld(platform, { lines: Math.ceil(needed / 8) });
    const lifecycles = Array.from({ length: needed }, (_, i) => ({
      ...lines[i % lines.length]!,
      trackingNumber: upsTrackingNumber(i),
    }));
    const site = await platform.db.selectFrom('sites').select('id').executeTakeFirstOrThrow();
    const tokens = {
      agent: await server.signIn('cs_agent'),
      manager: await server.signIn('cs_manager'),
      warehouse: await server.signIn('warehouse'),
      quality: await server.signIn('quality'),
      finance: await server.signIn('finance'),
    };
    const job = (items: LifecycleJob['lifecycles'], warmupLifecycles: number, maxMs: number): LifecycleJob => ({
      baseUrl,
      tokens,
      siteId: site.id,
      scan: `]C101${BENCH_GTIN.padStart(14, '0')}10BENCH-LOT`,
      lifecycles: items,
      concurrency: config.concurrency,
      warmupLifecycles,
      maxMs,
    });
    const setupSeconds = (Date.now() - started) / 1000;

    const run = await runInWorker<LifecycleLoadResult>(
      './lifecycle-worker.ts',
      job(lifecycles.slice(0, needed - 600), warmup, config.lifecycleMs),
    );
    if (run.errors > 0) ctx.problems.push(`lifecycle on ${database}: ${run.errors} failed, first: ${run.firstError}`);

    // Where the server's CPU goes: a short profiled phase on the lifecycles left over.
    const profiled = await profileWhile(() =>
      runInWorker<LifecycleLoadResult>('./lifecycle-worker.ts', job(lifecycles.slice(needed - 600), 0, 2000)),
    );
    const layers = timeByLayer(profiled.profile);
    const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
    if (profileDir) {
      const file = join(profileDir, `lifecycle-${database}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profiled.profile));
      console.log(`  CPU profile of the server's main thread: ${file} (open it in Chrome DevTools → Performance)`);
    }

    // The raw rate, once the audit sealer has caught up (it would otherwise compete with it).
    await waitForSealedAuditTrail(platform, 30_000);
    const rawMs = Math.max(1000, Math.min(3000, config.lifecycleMs / 2));
    const rawPerSecond = await rawWriteTransactionRate(platform, config.concurrency, rawMs);

    const perSecond = run.completed / (run.elapsedMs / 1000);
    const whole = sorted(run.lifecycleMs);
    const steps = LIFECYCLE_STEPS.map((step) => {
      const values = sorted(run.stepMs[step]);
      return { name: step, p50Ms: round(percentile(values, 50)), p99Ms: round(percentile(values, 99)) };
    });
    const baselinePerSecond = rawPerSecond / WRITES_PER_LIFECYCLE;
    const stepShares = describeStepShares(run.stepMs);
    // The server runs on one event loop: its CPU per lifecycle bounds the rate whatever the database does.
    const busy = busyShare(profiled.profile);
    const cpuMsPerLifecycle =
      profiled.result.completed > 0
        ? (busy * (profiled.profile.endTime - profiled.profile.startTime)) / 1000 / profiled.result.completed
        : Number.NaN;
    const limits =
      `the server's one event loop: ${(busy * 100).toFixed(0)} % busy in the profiled phase, ${cpuMsPerLifecycle.toFixed(1)} ms of its CPU per lifecycle ` +
      `(${(cpuMsPerLifecycle / 12).toFixed(2)} ms per request, 12 requests) → at most ~${(1000 / cpuMsPerLifecycle).toFixed(0)} lifecycles/s on one core; ` +
      `300/s would need ≤ 3.3 ms per lifecycle (the profile counts wall time on the thread: with the machine's load average at ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs, the thread also waits for a core)`;
    const layerShares = `main thread ${(busyShare(profiled.profile) * 100).toFixed(0)} % busy; ${describeLayers(layers)}`;
    console.log(
      `\nlifecycle on ${database}: ${run.completed} lifecycles in ${(run.elapsedMs / 1000).toFixed(1)} s, ` +
        `${config.concurrency} in flight (setup ${setupSeconds.toFixed(1)} s): ${perSecond.toFixed(1)} lifecycles/s, ` +
        `whole lifecycle p50 ${percentile(whole, 50).toFixed(1)} ms, p99 ${percentile(whole, 99).toFixed(1)} ms; ` +
        `raw database ${rawPerSecond.toFixed(0)} write transactions/s ÷ ${WRITES_PER_LIFECYCLE} per lifecycle = ${baselinePerSecond.toFixed(1)} lifecycles/s`,
    );
    console.log(
      `  ${'step'.padEnd(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}\n` +
        steps
          .map((s) => `  ${s.name.padEnd(10)} ${s.p50Ms.toFixed(2).padStart(8)} ${s.p99Ms.toFixed(2).padStart(8)}`)
          .join('\n'),
    );
    console.log(`  time per lifecycle by step: ${stepShares}`);
    console.log(`  server CPU by layer (profiled phase): ${layerShares}`);
    console.log(`  limits: ${limits}`);
    return {
      name: 'lifecycle',
      database,
      perSecond: round(perSecond, 1),
      p50Ms: round(percentile(whole, 50)),
      p99Ms: round(percentile(whole, 99)),
      baselinePerSecond: round(baselinePerSecond, 1),
      baseline: `raw database write transactions/s (insert + audit insert, ${config.concurrency} in flight) ÷ ${WRITES_PER_LIFECYCLE} transactions per lifecycle`,
      steps,
      limits,
      notes: [`time per lifecycle by step: ${stepShares}`, `server CPU by layer: ${layerShares}`],
      extra: {
        lifecycles: run.completed,
        errors: run.errors,
        rawTransactionsPerSecond: round(rawPerSecond, 1),
        transactionsPerLifecycle: WRITES_PER_LIFECYCLE,
        requestsPerLifecycle: 12,
      },
    };
  } finally {
    await server.close();
  }
}

export async function runLifecycleBench(ctx: BenchContext): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const database of ['sqlite', 'postgres'] as const) {
    if (database === 'postgres' && !ctx.config.pgUrl) {
      results.push(skippedResult('lifecycle', database, 'no PostgreSQL: set BOOMERANG_TEST_PG_URL'));
      continue;
    }
    results.push(await lifecycleOn(database, ctx));
  }
  return results;
}
