// A NATS server with JetStream of the test's own: Debian's nats-server binary started on a free
// port with its own store, so a test can stop it and start it again (the broker away and back)
// without touching the machine's service. Without the binary the suites that need it skip, with
// a message — unless BOOMERANG_REQUIRE_NATS=1 (CI), where that is a failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';

export const NATS_SERVER_PATH = process.env.BOOMERANG_NATS_SERVER ?? '/usr/sbin/nats-server';
export const hasNatsServer = existsSync(NATS_SERVER_PATH);

if (!hasNatsServer) {
  const message = `${NATS_SERVER_PATH} is missing (apt-get install -y nats-server)`;
  if (process.env.BOOMERANG_REQUIRE_NATS === '1') throw new Error(`BOOMERANG_REQUIRE_NATS=1 but ${message}`);
  console.warn(`SKIPPED: the NATS JetStream suites — ${message}. Set BOOMERANG_REQUIRE_NATS=1 to make this fail.`);
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export interface TestNatsServer {
  url: string;
  start(): Promise<void>;
  /** Kills the server at once (SIGKILL): what is stored stays in its store directory. */
  kill(): Promise<void>;
}

export async function startNatsServer(): Promise<TestNatsServer> {
  const port = await findFreePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'boomerang-nats-'));
  let child: ChildProcess | null = null;
  const server: TestNatsServer = {
    url: `nats://127.0.0.1:${port}`,
    async start() {
      child = spawn(NATS_SERVER_PATH, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
        stdio: 'ignore',
      });
      for (let i = 0; i < 100; i++) {
        if (await accepts(port)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`nats-server did not start on ${port}`);
    },
    async kill() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      });
    },
  };
  await server.start();
  return server;
}
