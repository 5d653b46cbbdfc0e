// PostgreSQL away: requests fail fast with 503 problem+json and Retry-After (not a 500, not a hang),
// /ready says not ready, and once the database is back the same app answers again — no restart.
// The app reaches PostgreSQL through a TCP proxy the test stops (dropping every connection, as a
// restart does) and starts again on the same port.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { startPlatform, type RunningPlatform } from '../../src/server/platform.js';
import { systemContext } from '../../src/platform/actor.js';
import { createUser } from '../../src/identity/index.js';
import { PG_URL, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { expectProblem } from './support/problems.js';

/** A TCP proxy to host:port that can be stopped (every connection cut) and started again. */
function startProxy(host: string, port: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let listenPort = 0;
  const start = () =>
    new Promise<number>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = createConnection({ host, port });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(listenPort, '127.0.0.1', () => {
        const address = server?.address();
        listenPort = typeof address === 'object' && address ? address.port : 0;
        resolve(listenPort);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (server) server.close(() => resolve());
      else resolve();
      server = null;
    });
  return { start, stop };
}

describe.skipIf(!PG_URL)('PostgreSQL away and back', () => {
  let database: TestDatabase;
  let proxy: ReturnType<typeof startProxy>;
  let platform: RunningPlatform;
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const target = new URL(database.url);
    proxy = startProxy(target.hostname, Number(target.port || 5432));
    target.hostname = '127.0.0.1';
    target.port = String(await proxy.start());
    platform = await startPlatform({ databaseUrl: target.toString() });
    app = await buildApp(platform, { logLevel: 'silent', webRoot: '/nonexistent' });
    await createUser(platform, systemContext('test'), {
      email: 'admin@test.local',
      name: 'Admin',
      role: 'admin',
      customerId: null,
      password: 'pw',
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: 'admin@test.local', password: 'pw' },
    });
    token = signIn.json<{ accessToken: string }>().accessToken;
  });
  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await app?.close();
    await platform?.close();
    await database?.drop();
  });

  const listReturns = () =>
    app.inject({ method: 'GET', url: '/api/v1/returns', headers: { authorization: `Bearer ${token}` } });

  it('answers 503 problem+json at once while the database is away, and 200 again once it is back', async () => {
    expect((await listReturns()).statusCode).toBe(200);

    await proxy.stop();
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = Date.now();
      const res = await listReturns();
      expectProblem(res, 503, 'service_unavailable');
      expect(res.headers['retry-after']).toBe('5');
      expect(Date.now() - started).toBeLessThan(4_000);
    }
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expectProblem(ready, 503, 'service_unavailable');

    await proxy.start();
    const res = await listReturns();
    expect(res.statusCode, res.body).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it('under load: 16 requests in flight through the database going away and coming back — each one 200 or a fast 503, never a 500 or a hang', async () => {
    const statuses = new Map<number, number>();
    let slowest = 0;
    let running = true;
    const lane = async () => {
      while (running) {
        const started = Date.now();
        const res = await listReturns();
        slowest = Math.max(slowest, Date.now() - started);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 503) await new Promise((r) => setTimeout(r, 20));
      }
    };
    const lanes = Array.from({ length: 16 }, lane);
    await new Promise((r) => setTimeout(r, 300));
    await proxy.stop();
    await new Promise((r) => setTimeout(r, 800));
    await proxy.start();
    await new Promise((r) => setTimeout(r, 800));
    running = false;
    await Promise.all(lanes);
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect(slowest).toBeLessThan(4_000);
    // Back for good: the next requests all succeed.
    const after = await Promise.all(Array.from({ length: 16 }, listReturns));
    expect(after.map((r) => r.statusCode)).toEqual(Array.from({ length: 16 }, () => 200));
  });
});
