// dashboard-100k, dashboard-1m and rss-1m: the KPI dashboard's queries against a database holding
// 100,000 and 1,000,000 returns (bench/kpi-seed.ts), served by the compiled server as its own
// process (`node dist/server/server/main.js`, demo data off), one query at a time as a person at
// the dashboard sends them. Every kind of query the dashboard page makes is asked in turn — the
// headline table by period, each dimension's table, one filter, the drill-down — and each kind's
// p95 is kept; the scenario's p95 is the worst kind's. rss-1m is the server process's resident
// memory (VmRSS) after it answered those queries over a million returns.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startPlatform } from '../src/server/platform.js';
import { createUser } from '../src/identity/index.js';
import { systemContext } from '../src/platform/actor.js';
import { freshDatabase, runningClockFrom, TODAY } from './harness.js';
import type { BenchContext } from './scenario.js';
import type { DatabaseName, ScenarioResult } from './results.js';
import { seedKpiWorld, type SeededWorld } from './kpi-seed.js';
import { summarize } from './stats.js';

const ROOT = new URL('../', import.meta.url).pathname;
const REPEATS = Number(process.env.BENCH_DASHBOARD_REPEATS ?? 30);

interface QueryKind {
  name: string;
  path: (w: SeededWorld, i: number) => string;
}

/** What the dashboard page asks, kind by kind (web/src/routes/kpis). */
const QUERIES: QueryKind[] = [
  { name: 'by period (12 months)', path: () => '/kpis?by=period' },
  { name: 'by period, one entity', path: (w, i) => `/kpis?by=period&legalEntityId=${w.entities[i % 3]!.id}` },
  ...['legal_entity', 'site', 'customer', 'product', 'category', 'supplier', 'reason', 'channel', 'return_type'].map(
    (by) => ({ name: `by ${by}`, path: () => `/kpis?by=${by}` }),
  ),
  { name: 'by customer, 36 months', path: () => '/kpis?by=customer&from=2023-12&to=2026-11' },
  {
    name: 'one customer by period',
    path: (w, i) => `/kpis?by=period&customerId=${w.customerIds[(i * 7) % w.customerIds.length]!}`,
  },
  {
    name: 'one product by period',
    path: (w, i) => `/kpis?by=period&productId=${w.productIds[(i * 11) % w.productIds.length]!}`,
  },
  {
    name: 'one customer by product (facts)',
    path: (w, i) => `/kpis?by=product&customerId=${w.customerIds[(i * 13) % w.customerIds.length]!}`,
  },
  {
    name: 'drill-down: a customer’s returns',
    path: (w, i) => `/kpis/returns?customerId=${w.customerIds[(i * 17) % w.customerIds.length]!}`,
  },
  {
    name: 'drill-down: settled returns of an entity',
    path: (w, i) => `/kpis/returns?kpi=return_cycle_days&legalEntityId=${w.entities[i % 3]!.id}`,
  },
  { name: 'drill-down: page 40 of a month', path: () => '/kpis/returns?from=2026-10&to=2026-10&page=40' },
];

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, ['dist/server/server/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        BOOMERANG_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.ok) return resolve({ child, baseUrl: `http://127.0.0.1:${port}` });
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline || child.exitCode !== null) return reject(new Error('the server did not start'));
      setTimeout(() => void poll(), 200);
    };
    void poll();
  });
}

function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function measure(database: DatabaseName, returns: number, ctx: BenchContext): Promise<ScenarioResult[]> {
  const label = returns >= 1_000_000 ? '1m' : `${Math.round(returns / 1000)}k`;
  const name = `dashboard-${label}`;
  const fresh = await freshDatabase(database, ctx.config.pgUrl);
  try {
    const platform = await startPlatform({ databaseUrl: fresh.url, clock: runningClockFrom(TODAY) });
    console.log(`\n${database}: seeding ${returns.toLocaleString('en')} returns`);
    const world = await seedKpiWorld(platform, { returns, customers: 2000, products: 1500, suppliers: 40 }, (line) =>
      console.log(line),
    );
    await createUser(platform, systemContext('bench'), {
      email: 'ops@bench.local',
      name: 'Bench ops manager',
      role: 'ops_manager',
      customerId: null,
      password: 'bench-password',
    });
    await platform.close();
    const { child, baseUrl } = await startServer(fresh.url);
    try {
      const token = (
        (await (
          await fetch(`${baseUrl}/api/v1/auth/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'ops@bench.local', password: 'bench-password' }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
      const ask = async (path: string) => {
        const t0 = performance.now();
        const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (res.status !== 200) ctx.problems.push(`${name} ${database}: ${path} answered ${res.status}`);
        return ms;
      };
      // One pass unmeasured: the first query of each kind warms the database's cache.
      for (const q of QUERIES) await ask(q.path(world, 0));
      const all: number[] = [];
      const perKind: Record<string, number> = {};
      const started = performance.now();
      for (const q of QUERIES) {
        const times: number[] = [];
        for (let i = 1; i <= REPEATS; i++) times.push(await ask(q.path(world, i)));
        all.push(...times);
        perKind[`p95Ms ${q.name}`] = Number(summarize(times, 1000, 0).p95.toFixed(2));
      }
      const seconds = (performance.now() - started) / 1000;
      const overall = summarize(all, seconds * 1000, 0);
      const worst = Math.max(...Object.values(perKind));
      const slowest = Object.entries(perKind)
        .sort((a, b) => b[1] - a[1])[0]![0]
        .replace('p95Ms ', '');
      console.log(
        `  ${name}: ${all.length} queries, p50 ${overall.p50.toFixed(1)} ms, worst kind's p95 ${worst.toFixed(1)} ms (${slowest})`,
      );
      for (const [kind, p95] of Object.entries(perKind))
        console.log(`    ${kind.replace('p95Ms ', '').padEnd(44)} p95 ${p95} ms`);
      const rows: ScenarioResult[] = [
        {
          name,
          database,
          perSecond: Number((all.length / seconds).toFixed(1)),
          p50Ms: Number(overall.p50.toFixed(2)),
          p95Ms: Number(worst.toFixed(2)),
          p99Ms: Number(overall.p99.toFixed(2)),
          baselinePerSecond: 0,
          baseline: 'none: one query at a time, each kind of dashboard query; p95 is the slowest kind’s',
          notes: [
            `${returns.toLocaleString('en')} returns seeded in ${world.seconds.toFixed(0)} s (facts through the product's derivation; no stage records)`,
            `slowest kind: ${slowest}`,
          ],
          extra: perKind,
        },
      ];
      if (returns >= 1_000_000) {
        const rss = rssMbOf(child.pid!);
        console.log(`  rss-1m: ${rss.toFixed(0)} MB`);
        rows.push({
          name: 'rss-1m',
          database,
          perSecond: 0,
          p50Ms: 0,
          p99Ms: 0,
          baselinePerSecond: 0,
          baseline: 'none',
          rssMb: Number(rss.toFixed(1)),
          notes: ['VmRSS of the server process after answering the dashboard queries over 1,000,000 returns'],
        });
      }
      return rows;
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  } finally {
    await fresh.drop();
  }
}

const skipped = (name: string, database: DatabaseName, why: string): ScenarioResult => ({
  name,
  database,
  perSecond: 0,
  p50Ms: 0,
  p99Ms: 0,
  baselinePerSecond: 0,
  skipped: why,
});

export async function runDashboardBench(ctx: BenchContext): Promise<ScenarioResult[]> {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--server-only'], { cwd: ROOT, stdio: 'inherit' });
  const results: ScenarioResult[] = [];
  // BENCH_DASHBOARD_DATABASES=postgres measures one database only (the other's rows are kept).
  const wanted = process.env.BENCH_DASHBOARD_DATABASES?.split(',');
  const databases = (
    ctx.config.pgUrl ? (['sqlite', 'postgres'] as DatabaseName[]) : (['sqlite'] as DatabaseName[])
  ).filter((d) => !wanted || wanted.includes(d));
  for (const database of databases) {
    results.push(...(await measure(database, 100_000, ctx)));
    if (ctx.config.quick) {
      results.push(skipped('dashboard-1m', database, 'BENCH_QUICK: the million-return run takes minutes to seed'));
      results.push(skipped('rss-1m', database, 'BENCH_QUICK: measured with the million-return run'));
    } else results.push(...(await measure(database, 1_000_000, ctx)));
  }
  if (!ctx.config.pgUrl)
    for (const name of ['dashboard-100k', 'dashboard-1m', 'rss-1m'])
      results.push(skipped(name, 'postgres', 'no PostgreSQL: set BOOMERANG_TEST_PG_URL'));
  return results;
}
