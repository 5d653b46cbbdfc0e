// The ledger's half of the returns-inventory reconciliation: what each stock account holds in the
// books, and what a return line's units are carried at. The other half (the units on hand) is
// inventory's; workflows/reconcile-returns-inventory.ts puts them side by side.
import type { Kysely, Transaction } from 'kysely';
import type { AccountRole } from '../contracts/ledger.js';
import type { DB } from '../platform/db/database.js';
import { ACCOUNT_OF_STATUS } from './domain/stock-accounts.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** The accounts that hold returned stock, in the order the report lists them. */
export const STOCK_ACCOUNT_ROLES: readonly AccountRole[] = [
  ...new Set(Object.values(ACCOUNT_OF_STATUS).filter((role) => role !== 'scrap_write_off')),
];

export function stockAccountOfStatus(status: string): AccountRole | null {
  const role = (ACCOUNT_OF_STATUS as Record<string, AccountRole | undefined>)[status];
  return role && role !== 'scrap_write_off' ? role : null;
}

/** Debits minus credits of the entity's stock accounts, all periods (through a date if given), by role. */
export function stockAccountBalances(db: Reader, legalEntityId: string, through?: string) {
  return accountBalancesByRole(db, legalEntityId, STOCK_ACCOUNT_ROLES, through);
}

/** Debits minus credits of the entity's accounts of these roles, all periods (through a posting date if given), by role. */
export async function accountBalancesByRole(
  db: Reader,
  legalEntityId: string,
  roles: readonly AccountRole[],
  through?: string,
) {
  let query = db
    .selectFrom('journal_lines')
    .innerJoin('journal_entries', 'journal_entries.id', 'journal_lines.entry_id')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'journal_lines.account_id')
    .select((eb) => [
      'ledger_accounts.role',
      'ledger_accounts.code',
      'ledger_accounts.name',
      eb.fn.sum<number>('journal_lines.debit_minor').as('debits'),
      eb.fn.sum<number>('journal_lines.credit_minor').as('credits'),
    ])
    .where('journal_entries.legal_entity_id', '=', legalEntityId)
    .where('ledger_accounts.role', 'in', [...roles])
    .groupBy(['ledger_accounts.role', 'ledger_accounts.code', 'ledger_accounts.name']);
  if (through) query = query.where('journal_entries.posting_date', '<=', through);
  const rows = await query.execute();
  return new Map(
    rows.map((row) => [
      row.role as AccountRole,
      { code: row.code, name: row.name, balanceMinor: Number(row.debits) - Number(row.credits) },
    ]),
  );
}

/** Unit carrying values of the entity's return lines. */
export async function carryingValues(db: Reader, legalEntityId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('return_line_valuations')
    .select(['rma_line_id', 'unit_value_minor'])
    .where('legal_entity_id', '=', legalEntityId)
    .execute();
  return new Map(rows.map((row) => [row.rma_line_id, row.unit_value_minor]));
}
