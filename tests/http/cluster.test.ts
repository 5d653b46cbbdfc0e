// BOOMERANG_WORKERS: the compiled server as `npm start` runs it. On PostgreSQL the primary migrates,
// forks the workers, restarts one that is killed, and on SIGTERM waits for them to drain and exits
// cleanly; on SQLite it refuses to start several processes.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { findFreePort } from '../support/free-port.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function startServer(env: Record<string, string>) {
  const output: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'boomerang-cluster-'));
  const child = spawn(process.execPath, ['dist/server/server/main.js'], {
    cwd: REPO_ROOT,
    env: { ...process.env, BOOMERANG_DATA_DIR: dataDir, BOOMERANG_DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output, exited, cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** The primary's children: its workers. */
function workersOf(child: ChildProcess): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(what: string, condition: () => Promise<boolean> | boolean, output: string[], ms = 60_000) {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${output.join('')}`);
    await sleep(100);
  }
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--server-only'], { cwd: REPO_ROOT, stdio: 'inherit' });
});

describe('several server processes', () => {
  it('refuses more than one process on SQLite, saying why', async () => {
    const server = startServer({ BOOMERANG_WORKERS: '2', PORT: String(await findFreePort()) });
    expect(await server.exited).not.toBe(0);
    expect(server.output.join('')).toContain('needs PostgreSQL');
    server.cleanUp();
  });

  describe.skipIf(!PG_URL)('on PostgreSQL', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
    });
    afterAll(() => database?.drop());

    it('serves from N workers, restarts one that dies, and stops cleanly on SIGTERM', async () => {
      const port = await findFreePort();
      const metricsPort = await findFreePort();
      const server = startServer({
        BOOMERANG_WORKERS: '2',
        PORT: String(port),
        BOOMERANG_METRICS_PORT: String(metricsPort),
        DATABASE_URL: database.url,
      });
      const ready = async () => {
        const response = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => null);
        return response?.status === 200;
      };
      try {
        await waitFor(
          'two ready workers',
          async () => workersOf(server.child).length === 2 && (await ready()),
          server.output,
        );
        // The primary sums the workers' metrics: the readiness probes above are counted there. It
        // answers 503 while a worker that exists is still starting (it has no registry to hand over
        // yet), as a scrape during start-up would see: so asked until both have answered.
        const countsReady = /http_request_duration_seconds_count\{[^}]*route="\/ready"[^}]*\} [1-9]/;
        let summed = '';
        await waitFor(
          'the primary summing both workers',
          async () => {
            const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).catch(() => null);
            summed = response ? await response.text() : '';
            return response?.status === 200;
          },
          server.output,
        );
        expect(summed).toMatch(countsReady);
        const [victim] = workersOf(server.child);
        process.kill(victim!, 'SIGKILL');
        await waitFor(
          'a new worker in place of the killed one',
          () => workersOf(server.child).length === 2 && !workersOf(server.child).includes(victim!),
          server.output,
        );
        await waitFor('ready again', ready, server.output);

        const workers = workersOf(server.child);
        server.child.kill('SIGTERM');
        const code = await Promise.race([server.exited, sleep(15_000).then(() => 'still running')]);
        expect(code, server.output.join('')).toBe(0);
        expect(workers.filter(isRunning)).toEqual([]);
        expect(server.output.join('')).toContain('died (SIGKILL); starting another');
      } finally {
        server.child.kill('SIGKILL');
        server.cleanUp();
      }
    });
  });
});
