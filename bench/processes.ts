// `create-pg-1proc` and `create-pg-2proc`: the compiled server (what `npm start` runs) on one
// PostgreSQL database with BOOMERANG_WORKERS=1 and =2, the same closed-loop create load against
// each in the same run. The 2-process row's baseline is the 1-process rate, so its ratio is the
// scale-out. This machine has 2 vCPUs shared by the workers, PostgreSQL and the load generator:
// a second process can only use what the first left idle while it waited on the database.
import { execFileSync, spawn } from 'node:child_process';
import { startPlatform } from '../src/server/platform.js';
import { systemContext } from '../src/platform/actor.js';
import { createUser } from '../src/identity/index.js';
import type { LoadJob, LoadResult } from './load-worker.js';
import { summarize } from './stats.js';
import { skippedResult, type ScenarioResult } from './results.js';
import { buildWorld, returnBody } from './world.js';
import { freshDatabase, runInWorker } from './harness.js';
import type { BenchContext } from './scenario.js';

export async function runProcessesBench(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { config } = ctx;
  if (!config.pgUrl)
    return [1, 2].map((n) =>
      skippedResult(`create-pg-${n}proc`, 'postgres', 'no PostgreSQL: set BOOMERANG_TEST_PG_URL'),
    );
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--server-only'], { stdio: 'inherit' });
  const database = await freshDatabase('postgres', config.pgUrl);
  const platform = await startPlatform({ databaseUrl: database.url });
  const perRun = config.processCreates;
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
          ...process.env,
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
        const result = await runInWorker<LoadResult>('./load-worker.ts', {
          baseUrl,
          token: accessToken,
          concurrency: config.concurrency,
          warmupRequests: 300,
          warmupMs: config.warmupMs,
          maxMs: config.phaseMs * 2,
          method: 'POST',
          path: '/api/v1/returns',
          bodies,
          expectStatus: 201,
          maxRequests: perRun,
        } satisfies LoadJob);
        const summary = summarize(result.latenciesMs, result.elapsedMs, result.errors);
        if (result.errors > 0)
          ctx.problems.push(`create-pg-${workers}proc: ${result.errors} errors, first: ${result.firstError}`);
        results.push({
          name: `create-pg-${workers}proc`,
          database: 'postgres',
          perSecond: Number(summary.requestsPerSecond.toFixed(1)),
          p50Ms: Number(summary.p50.toFixed(2)),
          p99Ms: Number(summary.p99.toFixed(2)),
          baselinePerSecond: results[0]?.perSecond ?? Number(summary.requestsPerSecond.toFixed(1)),
          baseline: 'creates/s of the 1-process server in the same run',
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
