// Runs the one set of migrations on either dialect. Migrations are imported statically so the
// same list works from source (tsx) and from a bundle.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from './database.js';
import * as foundation from './migrations/0001-foundation.js';
import * as signInThrottle from './migrations/0002-sign-in-throttle.js';
import * as lifecycleSpine from './migrations/0003-lifecycle-spine.js';
import * as userAdministration from './migrations/0004-user-administration.js';
import * as arrivalsAndHomeSites from './migrations/0005-arrivals-and-home-sites.js';
import * as logistics from './migrations/0006-logistics.js';
import * as inventory from './migrations/0007-inventory.js';
import * as dockAppointments from './migrations/0008-dock-appointments.js';
import * as receiptExceptions from './migrations/0009-receipt-exceptions.js';
import * as routingInstructions from './migrations/0010-routing-instructions.js';
import * as inspectionAndDisposition from './migrations/0011-inspection-and-disposition.js';
import * as ledger from './migrations/0012-ledger.js';
import * as settlement from './migrations/0013-settlement.js';
import * as supplierClaims from './migrations/0014-supplier-claims.js';
import * as creditTiming from './migrations/0015-credit-timing.js';
import * as replacements from './migrations/0016-replacements.js';
import * as claimReceivableHistory from './migrations/0017-claim-receivable-history.js';
import * as replacementSettlement from './migrations/0018-replacement-settlement.js';
import * as earlyCreditWithdrawals from './migrations/0019-early-credit-withdrawals.js';
import * as jobLeases from './migrations/0020-job-leases.js';
import * as webhooks from './migrations/0021-webhooks.js';
import * as idempotencyCommitMarker from './migrations/0022-idempotency-commit-marker.js';
import * as edi from './migrations/0023-edi.js';
import * as notifications from './migrations/0024-notifications.js';
import * as carrierPartners from './migrations/0025-carrier-partners.js';
import * as kpi from './migrations/0027-kpi.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-sign-in-throttle': signInThrottle,
  '0003-lifecycle-spine': lifecycleSpine,
  '0004-user-administration': userAdministration,
  '0005-arrivals-and-home-sites': arrivalsAndHomeSites,
  '0006-logistics': logistics,
  '0007-inventory': inventory,
  '0008-dock-appointments': dockAppointments,
  '0009-receipt-exceptions': receiptExceptions,
  '0010-routing-instructions': routingInstructions,
  '0011-inspection-and-disposition': inspectionAndDisposition,
  '0012-ledger': ledger,
  '0013-settlement': settlement,
  '0014-supplier-claims': supplierClaims,
  '0015-credit-timing': creditTiming,
  '0016-replacements': replacements,
  '0017-claim-receivable-history': claimReceivableHistory,
  '0018-replacement-settlement': replacementSettlement,
  '0019-early-credit-withdrawals': earlyCreditWithdrawals,
  '0020-job-leases': jobLeases,
  '0021-webhooks': webhooks,
  '0022-idempotency-commit-marker': idempotencyCommitMarker,
  '0023-edi': edi,
  '0024-notifications': notifications,
  '0025-carrier-partners': carrierPartners,
  '0027-kpi': kpi,
};

class StaticMigrationProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
