// A real server (Fastify app + real database) for HTTP tests, driven through app.inject: the
// same routing, validation, auth and transactions as production, without opening a port.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../src/server/app.js';
import { startPlatform } from '../../../src/server/platform.js';
import { fixedClock } from '../../../src/platform/clock.js';
import { checkKpis } from '../../../src/workflows/index.js';
import { systemContext } from '../../../src/platform/actor.js';
import { createUser } from '../../../src/identity/index.js';
import type { Role } from '../../../src/contracts/common.js';
import type { Platform } from '../../../src/platform/unit-of-work.js';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';

export const TODAY = '2026-11-26';

export interface TestApp {
  app: FastifyInstance;
  platform: Platform & { close(): Promise<void> };
  clock: ReturnType<typeof fixedClock>;
  database: TestDatabase;
  /** Signs in (creating the user on first use) and returns a bearer token. */
  tokenFor(role: Role, options?: { customerId?: string; email?: string }): Promise<string>;
  request(token: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTestApp(
  dialect: 'sqlite' | 'postgres',
  options: { webRoot?: string; easyPostWebhookSecret?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const clock = fixedClock(`${TODAY}T10:00:00.000Z`);
  const platform = await startPlatform({ databaseUrl: database.url, clock });
  const app = await buildApp(platform, {
    logLevel: 'silent',
    webRoot: options.webRoot ?? '/nonexistent',
    easyPostWebhookSecret: options.easyPostWebhookSecret,
  });
  const tokens = new Map<string, string>();

  async function tokenFor(role: Role, options: { customerId?: string; email?: string } = {}) {
    const email = options.email ?? `${role}${options.customerId ? `.${options.customerId}` : ''}@test.local`;
    const cached = tokens.get(email);
    if (cached) return cached;
    const exists = await platform.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!exists) {
      await createUser(platform, systemContext('test'), {
        email,
        name: email,
        role,
        customerId: options.customerId ?? null,
        password: 'pw',
      });
    }
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email, password: 'pw' },
    });
    const token = response.json<{ accessToken: string }>().accessToken;
    tokens.set(email, token);
    return token;
  }

  return {
    app,
    platform,
    clock,
    database,
    tokenFor,
    request: (token, options) =>
      app.inject({
        ...options,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
      }),
    close: async () => {
      // Whatever the suite did, the KPI figures it left must be what its records say (the
      // projection saw every change): recomputed from the raw records, no difference.
      const check = await checkKpis(platform.db);
      if (!check.ok)
        throw new Error(
          `the KPI figures differ from a recomputation from the records: ${JSON.stringify({ facts: check.factDifferences, rollups: check.rollupDifferences }).slice(0, 2000)}`,
        );
      await app.close();
      await platform.close();
      await database.drop();
    },
  };
}
