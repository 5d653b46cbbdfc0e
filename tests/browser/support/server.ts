// Starts the real server as a child process on a free port with a fresh data directory (a new
// SQLite database; demo data loads on first start), and stops it afterwards. It runs the compiled
// server in dist/server with plain node, as `npm start` does.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../support/free-port.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const HEALTH_TIMEOUT_MS = 120_000;

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/** `env`: more environment for the server (e.g. SMTP_URL of a test's own mail server). */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  // For working on the journeys: point them at a server that is already running.
  const existing = process.env['BOOMERANG_BROWSER_BASE_URL'];
  if (existing) return { baseUrl: existing.replace(/\/$/, ''), stop: () => Promise.resolve() };
  buildIfStale();
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'boomerang-browser-'));
  const output: string[] = [];
  const child = spawn(process.execPath, ['dist/server/server/main.js'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      BOOMERANG_DATA_DIR: dataDir,
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops anything it started.
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcessGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

/** The web app and the compiled server. The test runner builds both first (then this is instant);
 *  this covers running the suite alone, e.g. `npx vitest run --project browser`. */
function buildIfStale(): void {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode} before it was healthy:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`the server was not healthy within ${HEALTH_TIMEOUT_MS / 1000}s:\n${output.join('')}`);
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  signalGroup(child.pid, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(10_000).then(() => true)]);
  if (timedOut) {
    signalGroup(child.pid, 'SIGKILL');
    await exited;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
