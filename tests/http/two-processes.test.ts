// Several server processes on one database behave as one: whatever process a request reaches,
// a token signed in at another works, an Idempotency-Key used at another replays its answer, the
// sign-in throttle counts the attempts made at all of them, and a configuration change published
// through one is what the others serve at once (no process keeps its own copy). Two apps with
// their own platforms (their own connection pools) on the same database stand for two processes;
// on PostgreSQL, what several processes run on (SQLite mode is one process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { startPlatform, type RunningPlatform } from '../../src/server/platform.js';
import { fixedClock } from '../../src/platform/clock.js';
import { systemContext } from '../../src/platform/actor.js';
import { createUser } from '../../src/identity/index.js';
import { PG_URL, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { makeWorld } from '../support/factories.js';
import { TODAY } from './support/test-app.js';

describe.skipIf(!PG_URL)('two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  const platforms: RunningPlatform[] = [];
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++) {
      const platform = await startPlatform({ databaseUrl: database.url, clock: fixedClock(`${TODAY}T10:00:00.000Z`) });
      platforms.push(platform);
      apps.push(await buildApp(platform, { logLevel: 'silent', webRoot: '/nonexistent' }));
    }
    for (const [email, role] of [
      ['agent@two.test', 'cs_agent'],
      ['admin@two.test', 'admin'],
    ] as const)
      await createUser(platforms[0]!, systemContext('test'), {
        email,
        name: email,
        role,
        customerId: null,
        password: 'pw',
      });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const platform of platforms) await platform.close();
    await database.drop();
  });

  const on = (process: 0 | 1, token: string | null, options: InjectOptions) =>
    apps[process]!.inject({
      ...options,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    });
  const signIn = async (process: 0 | 1, email: string, password = 'pw') =>
    on(process, null, { method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });

  it('a token signed in at one process works at the other', async () => {
    const token = (await signIn(0, 'agent@two.test')).json<{ accessToken: string }>().accessToken;
    const me = await on(1, token, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode, me.body).toBe(200);
  });

  it('an Idempotency-Key used at one process replays its answer at the other, and acts once', async () => {
    const token = (await signIn(0, 'agent@two.test')).json<{ accessToken: string }>().accessToken;
    const world = await makeWorld(platforms[0]!);
    const create = (process: 0 | 1) =>
      on(process, token, {
        method: 'POST',
        url: '/api/v1/returns',
        headers: { 'idempotency-key': 'both-processes' },
        payload: {
          customerId: world.customer.id,
          lines: [
            {
              orderLineId: world.orderLine.id,
              quantity: 1,
              reasonCode: 'ORDERED_IN_ERROR',
              claimedCondition: 'unopened',
            },
          ],
        },
      });
    const first = await create(0);
    expect(first.statusCode, first.body).toBe(201);
    const again = await create(1);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
  });

  it('the sign-in throttle counts the wrong passwords given at both processes', async () => {
    await createUser(platforms[1]!, systemContext('test'), {
      email: 'target@two.test',
      name: 'Target',
      role: 'finance',
      customerId: null,
      password: 'right',
    });
    for (let i = 0; i < 5; i++)
      expect((await signIn(i % 2 === 0 ? 0 : 1, 'target@two.test', 'wrong')).statusCode).toBe(401);
    for (const process of [0, 1] as const)
      expect((await signIn(process, 'target@two.test', 'right')).statusCode).toBe(429);
  });

  it('a configuration change published through one process is served by the other at once', async () => {
    const admin = (await signIn(0, 'admin@two.test')).json<{ accessToken: string }>().accessToken;
    const before = await on(1, admin, { method: 'GET', url: '/api/v1/config/return_policy' });
    const current = before.json<{ version: number; document: Record<string, unknown> }>();
    const published = await on(0, admin, {
      method: 'PUT',
      url: '/api/v1/config/return_policy',
      headers: { 'if-match': `"${current.version}"` },
      payload: { document: { ...current.document, defaultReturnWindowDays: 45 }, comment: 'longer window' },
    });
    expect(published.statusCode, published.body).toBe(200);
    const after = await on(1, admin, { method: 'GET', url: '/api/v1/config/return_policy' });
    expect(after.json()).toMatchObject({ version: current.version + 1, document: { defaultReturnWindowDays: 45 } });
  });
});
