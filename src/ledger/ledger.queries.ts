// Reading the books: accounts, journal entries with their lines, the trial balance of a period,
// periods and their state, and the journal as CSV. All need 'ledger.read'.
import type { Kysely, Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type { JournalEntry, LedgerAccount, TrialBalance } from '../contracts/ledger.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { readPage, toPage } from '../platform/pagination.js';
import { findLegalEntity } from '../masterdata/index.js';
import { findRmaNumbers } from '../returns/index.js';
import { isDebitNormal } from './domain/chart-of-accounts.js';
import type { JournalEntriesTable, LedgerAccountsTable } from './ledger.tables.js';
import { isPeriodClosed } from './periods.js';

type Reader = Kysely<DB> | Transaction<DB>;

export const toAccount = (row: LedgerAccountsTable): LedgerAccount => ({
  id: row.id,
  legalEntityId: row.legal_entity_id,
  code: row.code,
  name: row.name,
  type: row.type,
  role: row.role,
  isActive: row.is_active === 1,
  version: row.version,
});

export async function listAccounts(db: Reader, ctx: RequestContext, legalEntityId: string): Promise<LedgerAccount[]> {
  assertCan(ctx.actor, 'ledger.read');
  const rows = await db
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('legal_entity_id', '=', legalEntityId)
    .orderBy('code')
    .execute();
  return rows.map(toAccount);
}

export async function getAccount(db: Reader, ctx: RequestContext, id: string): Promise<LedgerAccount> {
  assertCan(ctx.actor, 'ledger.read');
  const row = await db.selectFrom('ledger_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('ledger account', id);
  return toAccount(row);
}

export interface EntryFilter {
  legalEntityId?: string | undefined;
  period?: string | undefined;
  rmaId?: string | undefined;
  accountId?: string | undefined;
  sourceType?: string | undefined;
  sourceId?: string | undefined;
  page: number;
  pageSize: number;
}

async function entriesOf(db: Reader, rows: JournalEntriesTable[]): Promise<JournalEntry[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [lines, reversals, numbers] = await Promise.all([
    db
      .selectFrom('journal_lines')
      .innerJoin('ledger_accounts', 'ledger_accounts.id', 'journal_lines.account_id')
      .select([
        'journal_lines.entry_id',
        'journal_lines.line_number',
        'journal_lines.account_id',
        'journal_lines.debit_minor',
        'journal_lines.credit_minor',
        'journal_lines.memo',
        'ledger_accounts.code',
        'ledger_accounts.name',
      ])
      .where('journal_lines.entry_id', 'in', ids)
      .orderBy('journal_lines.entry_id')
      .orderBy('journal_lines.line_number')
      .execute(),
    db
      .selectFrom('journal_entries')
      .select(['id', 'reverses_entry_id'])
      .where('reverses_entry_id', 'in', ids)
      .execute(),
    findRmaNumbers(db, [...new Set(rows.flatMap((row) => (row.rma_id ? [row.rma_id] : [])))]),
  ]);
  const reversedBy = new Map(reversals.map((row) => [row.reverses_entry_id, row.id]));
  return rows.map((row) => ({
    id: row.id,
    entryNumber: row.entry_number,
    legalEntityId: row.legal_entity_id,
    postingDate: row.posting_date,
    period: row.period,
    currency: row.currency,
    description: row.description,
    event: row.event,
    sourceType: row.source_type,
    sourceId: row.source_id,
    rmaId: row.rma_id,
    rmaNumber: row.rma_id ? (numbers.get(row.rma_id) ?? null) : null,
    reversesEntryId: row.reverses_entry_id,
    reversedByEntryId: reversedBy.get(row.id) ?? null,
    totalMinor: row.total_minor,
    postedAt: row.posted_at,
    postedBy: row.posted_by,
    lines: lines
      .filter((line) => line.entry_id === row.id)
      .map((line) => ({
        lineNumber: line.line_number,
        accountId: line.account_id,
        accountCode: line.code,
        accountName: line.name,
        debitMinor: line.debit_minor,
        creditMinor: line.credit_minor,
        memo: line.memo,
      })),
  }));
}

function filtered(db: Reader, filter: Omit<EntryFilter, 'page' | 'pageSize'>) {
  let query = db.selectFrom('journal_entries').selectAll('journal_entries');
  if (filter.legalEntityId) query = query.where('legal_entity_id', '=', filter.legalEntityId);
  if (filter.period) query = query.where('period', '=', filter.period);
  if (filter.rmaId) query = query.where('rma_id', '=', filter.rmaId);
  if (filter.sourceType) query = query.where('source_type', '=', filter.sourceType);
  if (filter.sourceId) query = query.where('source_id', '=', filter.sourceId);
  if (filter.accountId) {
    const accountId = filter.accountId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('journal_lines').select('entry_id').where('account_id', '=', accountId),
    );
  }
  return query;
}

export async function listEntries(db: Reader, ctx: RequestContext, filter: EntryFilter): Promise<Page<JournalEntry>> {
  assertCan(ctx.actor, 'ledger.read');
  const query = filtered(db, filter);
  const { rows, total } = await readPage(
    query,
    query.orderBy('posted_at', 'desc').orderBy('entry_number', 'desc'),
    filter,
  );
  return toPage(await entriesOf(db, rows), filter.page, filter.pageSize, total);
}

export async function getEntry(db: Reader, ctx: RequestContext, id: string): Promise<JournalEntry> {
  assertCan(ctx.actor, 'ledger.read');
  const row = await db.selectFrom('journal_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('journal entry', id);
  return (await entriesOf(db, [row]))[0]!;
}

/** Every entry of an entity and period, oldest first, for the CSV export. */
export async function entriesForExport(db: Reader, ctx: RequestContext, legalEntityId: string, period: string) {
  assertCan(ctx.actor, 'ledger.read');
  const rows = await filtered(db, { legalEntityId, period }).orderBy('posted_at').orderBy('entry_number').execute();
  return entriesOf(db, rows);
}

/**
 * Per account: the balance before the period, its debits and credits in the period, and the
 * balance after — signed the account's normal way (debits up for assets and expenses).
 */
export async function trialBalance(
  db: Reader,
  ctx: RequestContext,
  legalEntityId: string,
  period: string,
): Promise<TrialBalance> {
  assertCan(ctx.actor, 'ledger.read');
  const entity = await findLegalEntity(db, legalEntityId);
  if (!entity) throw notFound('legal entity', legalEntityId);
  const sums = await db
    .selectFrom('journal_lines')
    .innerJoin('journal_entries', 'journal_entries.id', 'journal_lines.entry_id')
    .select((eb) => [
      'journal_lines.account_id',
      eb.fn
        .sum<number>(
          eb.case().when('journal_entries.period', '<', period).then(eb.ref('journal_lines.debit_minor')).else(0).end(),
        )
        .as('debit_before'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('journal_entries.period', '<', period)
            .then(eb.ref('journal_lines.credit_minor'))
            .else(0)
            .end(),
        )
        .as('credit_before'),
      eb.fn
        .sum<number>(
          eb.case().when('journal_entries.period', '=', period).then(eb.ref('journal_lines.debit_minor')).else(0).end(),
        )
        .as('debit_in'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('journal_entries.period', '=', period)
            .then(eb.ref('journal_lines.credit_minor'))
            .else(0)
            .end(),
        )
        .as('credit_in'),
    ])
    .where('journal_entries.legal_entity_id', '=', legalEntityId)
    .where('journal_entries.period', '<=', period)
    .groupBy('journal_lines.account_id')
    .execute();
  const byAccount = new Map(sums.map((row) => [row.account_id, row]));
  const accounts = await db
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('legal_entity_id', '=', legalEntityId)
    .orderBy('code')
    .execute();
  const rows = accounts.flatMap((account) => {
    const sum = byAccount.get(account.id);
    if (!sum && account.is_active !== 1) return [];
    const sign = isDebitNormal(account.type) ? 1 : -1;
    const debitBefore = Number(sum?.debit_before ?? 0);
    const creditBefore = Number(sum?.credit_before ?? 0);
    const debitMinor = Number(sum?.debit_in ?? 0);
    const creditMinor = Number(sum?.credit_in ?? 0);
    const openingMinor = sign * (debitBefore - creditBefore);
    return [
      {
        accountId: account.id,
        code: account.code,
        name: account.name,
        type: account.type,
        role: account.role,
        openingMinor,
        debitMinor,
        creditMinor,
        closingMinor: openingMinor + sign * (debitMinor - creditMinor),
      },
    ];
  });
  const totals = {
    debitMinor: rows.reduce((sum, row) => sum + row.debitMinor, 0),
    creditMinor: rows.reduce((sum, row) => sum + row.creditMinor, 0),
  };
  return {
    legalEntityId,
    period,
    currency: entity.functional_currency,
    isClosed: await isPeriodClosed(db, legalEntityId, period),
    rows,
    totals,
    isBalanced: totals.debitMinor === totals.creditMinor,
  };
}

/** The months that have entries or were closed, newest first. */
export async function listPeriods(db: Reader, ctx: RequestContext, legalEntityId: string) {
  assertCan(ctx.actor, 'ledger.read');
  const [counts, closes] = await Promise.all([
    db
      .selectFrom('journal_entries')
      .select((eb) => ['period', eb.fn.countAll<number>().as('entries')])
      .where('legal_entity_id', '=', legalEntityId)
      .groupBy('period')
      .execute(),
    db.selectFrom('fiscal_period_closes').selectAll().where('legal_entity_id', '=', legalEntityId).execute(),
  ]);
  const periods = new Set([...counts.map((row) => row.period), ...closes.map((row) => row.period)]);
  return [...periods]
    .sort()
    .reverse()
    .map((period) => {
      const closed = closes.find((row) => row.period === period);
      return {
        legalEntityId,
        period,
        status: closed ? ('closed' as const) : ('open' as const),
        closedAt: closed?.closed_at ?? null,
        closedBy: closed?.closed_by ?? null,
        entries: Number(counts.find((row) => row.period === period)?.entries ?? 0),
      };
    });
}
