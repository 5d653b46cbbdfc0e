// Opens the database, migrates it, and assembles the platform every use case receives.
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { createIdGenerator } from '../platform/ids.js';
import type { Platform } from '../platform/unit-of-work.js';
import { systemContext } from '../platform/actor.js';
import { seedDefaultConfiguration } from '../configuration/index.js';

export async function startPlatform(options: {
  databaseUrl: string;
  clock?: Clock;
}): Promise<Platform & { close(): Promise<void> }> {
  const database = openDatabase({ url: options.databaseUrl });
  await migrateToLatest(database.db);
  const platform = {
    db: database.db,
    dialect: database.dialect,
    clock: options.clock ?? systemClock,
    ids: createIdGenerator(),
  };
  await seedDefaultConfiguration(platform, systemContext('startup'));
  return { ...platform, close: () => database.close() };
}
