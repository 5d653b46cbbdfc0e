// The accounts of a legal entity. The default chart is written on first use (the first posting or
// the first read of an entity's accounts), under a lock so two first postings seed it once.
import type { AccountRole } from '../contracts/ledger.js';
import { legalEntityExists } from '../masterdata/index.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { DEFAULT_CHART } from './domain/chart-of-accounts.js';
import type { LedgerAccountsTable } from './ledger.tables.js';

async function seedChart(tx: Tx, legalEntityId: string): Promise<void> {
  await lockForTransaction(tx, `ledger-chart:${legalEntityId}`);
  const existing = await tx.db
    .selectFrom('ledger_accounts')
    .select(['role', 'code'])
    .where('legal_entity_id', '=', legalEntityId)
    .execute();
  const roles = new Set(existing.map((row) => row.role));
  const codes = new Set(existing.map((row) => row.code));
  const missing = DEFAULT_CHART.filter((seed) => !roles.has(seed.role));
  if (missing.length === 0) return;
  const rows: LedgerAccountsTable[] = missing.map((seed) => {
    // A code a person already used for an account of their own: number the seeded one after it.
    let code = seed.code;
    for (let n = 1; codes.has(code); n += 1) code = `${seed.code}-${n}`;
    codes.add(code);
    return {
      id: tx.ids.next('acc'),
      legal_entity_id: legalEntityId,
      code,
      name: seed.name,
      type: seed.type,
      role: seed.role,
      is_active: 1,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
  });
  await tx.db.insertInto('ledger_accounts').values(rows).execute();
}

/** The entity's accounts by role, the default chart seeded if any role has none yet. */
export async function accountsByRole(tx: Tx, legalEntityId: string): Promise<Map<AccountRole, LedgerAccountsTable>> {
  const read = () =>
    tx.db.selectFrom('ledger_accounts').selectAll().where('legal_entity_id', '=', legalEntityId).execute();
  let rows = await read();
  if (rows.filter((row) => row.role !== null).length < DEFAULT_CHART.length) {
    await seedChart(tx, legalEntityId);
    rows = await read();
  }
  const byRole = new Map<AccountRole, LedgerAccountsTable>();
  for (const row of rows) if (row.role) byRole.set(row.role, row);
  return byRole;
}

/**
 * The account ids postings use, by role. A role's account is never deleted or switched off and its
 * id never changes (renaming and renumbering keep it), so once an entity's chart is complete the
 * map is kept for the process — a posting then reads no accounts at all.
 */
const roleIdsByDatabase = new WeakMap<object, Map<string, ReadonlyMap<AccountRole, string>>>();

export async function accountIdsByRole(tx: Tx, legalEntityId: string): Promise<ReadonlyMap<AccountRole, string>> {
  const adapter = tx.db.getExecutor().adapter;
  let known = roleIdsByDatabase.get(adapter);
  if (!known) roleIdsByDatabase.set(adapter, (known = new Map<string, ReadonlyMap<AccountRole, string>>()));
  const cached = known.get(legalEntityId);
  if (cached) return cached;
  const accounts = await accountsByRole(tx, legalEntityId);
  const ids = new Map([...accounts].map(([role, account]) => [role, account.id] as const));
  // Only a complete chart is kept: one seeded in this very transaction may yet roll back.
  if (ids.size === DEFAULT_CHART.length && accounts.size === DEFAULT_CHART.length) {
    const seededNow = [...accounts.values()].some((account) => account.created_at === tx.now);
    if (!seededNow) known.set(legalEntityId, ids);
  }
  return ids;
}

export async function ensureChart(tx: Tx, legalEntityId: string): Promise<void> {
  if (!(await legalEntityExists(tx.db, legalEntityId)))
    throw new AppError('validation_failed', `legal entity ${legalEntityId} does not exist`, {
      errors: [{ path: 'legalEntityId', message: 'unknown legal entity' }],
    });
  await accountsByRole(tx, legalEntityId);
}
