// What every scenario needs: a fresh database (SQLite in a temporary folder, or a PostgreSQL
// database created for the run and dropped after it), the real server on it (startPlatform +
// buildApp, listening on an ephemeral port on 127.0.0.1), signed-in users, and load generators in
// worker threads (TypeScript loaded through tsx's register API), so the client does not share the
// server's event loop — only the machine's CPUs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { startPlatform } from '../src/server/platform.js';
import type { Clock } from '../src/platform/clock.js';
import type { Role } from '../src/contracts/common.js';
import { systemContext } from '../src/platform/actor.js';
import { createUser } from '../src/identity/index.js';
import type { DatabaseName } from './results.js';

// "Today" for the return windows: the factories deliver orders ten days before this. The clock
// starts there and runs at real speed, so rows get distinct timestamps as in production (with a
// frozen clock every RMA would share one created_at, and the newest-first search would have to
// sort them all instead of reading the first page from the index).
export const TODAY = '2026-11-26T10:00:00.000Z';

export function runningClockFrom(iso: string): Clock {
  const offset = Date.parse(iso) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function freshDatabase(database: DatabaseName, pgUrl: string | undefined): Promise<FreshDatabase> {
  if (database === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'boomerang-bench-'));
    return {
      url: `sqlite:${join(dir, 'bench.sqlite')}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  if (!pgUrl) throw new Error('PostgreSQL needs BOOMERANG_TEST_PG_URL');
  const name = `boomerang_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export type BenchPlatform = Awaited<ReturnType<typeof startPlatform>>;

export interface BenchServer {
  platform: BenchPlatform;
  app: FastifyInstance;
  baseUrl: string;
  /** Signs in a new user of `role` through POST /api/v1/auth/token; its access token. */
  signIn(role: Role): Promise<string>;
  /** Stops the server and the platform, and drops the database. */
  close(): Promise<void>;
}

/** The real server on a fresh database, listening on an ephemeral loopback port. */
export async function startBenchServer(database: DatabaseName, pgUrl: string | undefined): Promise<BenchServer> {
  const fresh = await freshDatabase(database, pgUrl);
  const platform = await startPlatform({ databaseUrl: fresh.url, clock: runningClockFrom(TODAY) });
  const app = await buildApp(platform, { logLevel: 'silent', webRoot: '/nonexistent' });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await app.close();
    await platform.close();
    await fresh.drop();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    platform,
    app,
    baseUrl,
    signIn: (role) => signIn(platform, baseUrl, role),
    close: async () => {
      await app.close();
      await platform.close();
      await fresh.drop();
    },
  };
}

async function signIn(platform: BenchPlatform, baseUrl: string, role: Role): Promise<string> {
  const email = `bench.${role}.${randomBytes(3).toString('hex')}@bench.local`;
  await createUser(platform, systemContext('bench'), {
    email,
    name: `Bench ${role}`,
    role,
    customerId: null,
    password: 'bench',
  });
  const answer = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench' }),
  });
  if (!answer.ok) throw new Error(`sign-in as ${role}: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

/** Runs a load generator (a bench/*-worker.ts module) in a worker thread; its one message back. */
export function runInWorker<T>(file: string, job: unknown): Promise<T> {
  const workerUrl = new URL(file, import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.once('message', (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`${file} exited with ${code}`));
    });
  });
}

/** Waits (at most `ms`) until every audit event is chained; how many were waiting at first, and how long it took. */
export async function waitForSealedAuditTrail(platform: BenchPlatform, ms: number) {
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
