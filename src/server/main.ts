import { join } from 'node:path';
// `npm start`: migrate, load demo data into an empty database, serve API and web app.
import { readConfig } from './config.js';
import { startPlatform } from './platform.js';
import { buildApp } from './app.js';
import { systemContext } from '../platform/actor.js';
import { expireDueAuthorizations } from '../returns/index.js';
import { invoiceOverdueDeposits, loadReturnFacts, withdrawUnreceivedCredit } from '../workflows/index.js';
import { purgeIdempotencyKeys } from '../platform/http/idempotency.js';
import { loadDemoDataIfEmpty } from '../demo/index.js';
import { hasUsers } from '../identity/index.js';

const config = readConfig();
const platform = await startPlatform({ databaseUrl: config.databaseUrl });
if (config.loadDemoData) await loadDemoDataIfEmpty(platform);
if (!(await hasUsers(platform))) {
  console.log(
    'No users yet: create the first admin with BOOMERANG_PASSWORD=… npm run create-user -- <email> admin "<name>"',
  );
}
const app = await buildApp(platform, {
  logLevel: config.logLevel,
  trustProxy: config.trustProxy,
  easyPostWebhookSecret: config.easyPostWebhookSecret,
  filesDir: join(config.dataDir, 'files'),
});

// Hourly housekeeping. Authorizations lapse with the calendar, not with a request (credit given
// ahead of proof for their units is taken back as they do: withdrawUnreceivedCredit); the jobs are
// safe with several API processes (each expiry is a versioned update, the purge a plain delete).
// Advance replacements whose return did not arrive within the policy's days are invoiced the
// same way (each a versioned update of its order, posted in its own transaction).
const runHousekeeping = () =>
  Promise.all([
    expireDueAuthorizations(platform, systemContext('expiry-job'), loadReturnFacts, withdrawUnreceivedCredit),
    invoiceOverdueDeposits(platform, systemContext('deposit-job')),
    purgeIdempotencyKeys(platform.db, platform.clock.now()),
  ]).catch((error: unknown) => app.log.error({ err: error }, 'housekeeping failed'));
void runHousekeeping();
const expiryTimer = setInterval(() => void runHousekeeping(), 60 * 60 * 1000);
expiryTimer.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(expiryTimer);
    void app
      .close()
      .then(() => platform.close())
      .then(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host });
const where = platform.dialect === 'sqlite' ? config.databaseUrl.replace(/^sqlite:/, '') : 'PostgreSQL';
// A plain line for the person who just typed `npm start`, whatever the log level.
console.log(`Boomerang is up on http://localhost:${config.port} (database: ${where}); API docs at /docs`);
