// `npm run migrate`: brings the configured database (DATABASE_URL / BOOMERANG_DATA_DIR) to the
// latest schema and prints what was applied. The server also migrates on start; this is for
// deployments that migrate once before starting several API processes.
import { readConfig } from '../server/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';

const { databaseUrl } = readConfig();
const database = openDatabase({ url: databaseUrl });
const where = database.dialect === 'sqlite' ? databaseUrl.replace(/^sqlite:/, '') : 'PostgreSQL';
try {
  const applied = await migrateToLatest(database.db);
  if (applied.length === 0) console.log(`${where}: already at the latest schema; nothing to apply`);
  for (const name of applied) console.log(`${where}: applied ${name}`);
} catch (error) {
  console.error(`${where}: migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
