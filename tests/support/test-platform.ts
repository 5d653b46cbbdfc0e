// A real platform (real database, migrations, default configuration, audit sealer) without HTTP:
// the medium test tier calls use cases, steps and workflows on it directly.
import { startPlatform, type RunningPlatform } from '../../src/server/platform.js';
import { fixedClock } from '../../src/platform/clock.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export const TODAY = '2026-11-26';

export interface TestPlatform {
  platform: RunningPlatform;
  clock: ReturnType<typeof fixedClock>;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startTestPlatform(dialect: 'sqlite' | 'postgres'): Promise<TestPlatform> {
  const database = await createTestDatabase(dialect);
  const clock = fixedClock(`${TODAY}T10:00:00.000Z`);
  const platform = await startPlatform({ databaseUrl: database.url, clock });
  return {
    platform,
    clock,
    database,
    close: async () => {
      await platform.close();
      await database.drop();
    },
  };
}
