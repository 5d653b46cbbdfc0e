// Opens the database, migrates it, and assembles the platform every use case receives.
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { createIdGenerator } from '../platform/ids.js';
import type { Platform } from '../platform/unit-of-work.js';
import { systemContext } from '../platform/actor.js';
import { startAuditSealer } from '../platform/audit-trail/audit-sealer.js';
import { seedDefaultConfiguration } from '../configuration/index.js';
import { backfillKpisIfEmpty, projectKpis } from '../workflows/index.js';

export type RunningPlatform = Platform & { close(): Promise<void> };

/** Every process seals audit events (its own and others'); the head row makes them take turns. */
export async function startPlatform(options: { databaseUrl: string; clock?: Clock }): Promise<RunningPlatform> {
  const database = openDatabase({ url: options.databaseUrl });
  await migrateToLatest(database.db);
  const auditSealer = startAuditSealer(database.db);
  const platform: Platform = {
    db: database.db,
    dialect: database.dialect,
    clock: options.clock ?? systemClock,
    ids: createIdGenerator(),
    auditSealer,
    beforeCommit: projectKpis,
    ...(database.poolStats ? { poolStats: database.poolStats } : {}),
  };
  await seedDefaultConfiguration(platform, systemContext('startup'));
  // Returns recorded before the KPIs existed get their figures once, from their records.
  await backfillKpisIfEmpty(platform.db);
  return {
    ...platform,
    close: async () => {
      // A tool that wrote and exits leaves its events sealed.
      await auditSealer.sealNow();
      await auditSealer.stop();
      await database.close();
    },
  };
}
