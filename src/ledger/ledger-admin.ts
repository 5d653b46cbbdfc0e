// Finance's changes to the books: accounts added and edited (If-Match), an entry reversed (the
// only correction: entries are never edited), a period closed. Each in one transaction, audited.
import type { z } from 'zod';
import type { CreateLedgerAccountSchema, UpdateLedgerAccountSchema } from '../contracts/ledger.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { nextDocumentNumber } from '../platform/document-numbers.js';
import { AppError, notFound } from '../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { findLegalEntity } from '../masterdata/index.js';
import { ensureChart } from './accounts.js';
import { hasEnded, periodOf, reversalOf } from './domain/journal.js';
import type { JournalEntriesTable, LedgerAccountsTable } from './ledger.tables.js';
import { assertPeriodOpen } from './periods.js';
import { writeEntry } from './post-entry.js';

const codeTaken = (code: string) =>
  new AppError('conflict', `account code ${code} is already used in this legal entity`, {
    errors: [{ path: 'code', message: 'already used' }],
  });

export async function createAccount(
  platform: Platform,
  ctx: RequestContext,
  input: z.infer<typeof CreateLedgerAccountSchema>,
): Promise<string> {
  assertCan(ctx.actor, 'ledger.manage');
  return runInTransaction(platform, ctx, async (tx) => {
    await ensureChart(tx, input.legalEntityId);
    const row: LedgerAccountsTable = {
      id: tx.ids.next('acc'),
      legal_entity_id: input.legalEntityId,
      code: input.code,
      name: input.name,
      type: input.type,
      role: null,
      is_active: 1,
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    const inserted = await tx.db
      .insertInto('ledger_accounts')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw codeTaken(input.code);
    tx.audit({ entityType: 'ledger_account', entityId: row.id, action: 'ledger_account.created', after: input });
    return row.id;
  });
}

export async function updateAccount(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof UpdateLedgerAccountSchema> & { expectedVersion: number },
): Promise<void> {
  assertCan(ctx.actor, 'ledger.manage');
  await runInTransaction(platform, ctx, async (tx) => {
    const row = await tx.db.selectFrom('ledger_accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('ledger account', id);
    if (row.version !== input.expectedVersion)
      throw new AppError('precondition_failed', `account ${row.code} changed (now version ${row.version}); reload`);
    // The postings need their accounts: one with a role can be renamed, never switched off.
    if (input.isActive === false && row.role !== null)
      throw new AppError('rule_violation', `account ${row.code} is where ${row.role.replace(/_/g, ' ')} is posted`, {
        errors: [{ path: 'isActive', message: 'postings need this account' }],
      });
    const changes = {
      code: input.code ?? row.code,
      name: input.name ?? row.name,
      is_active: input.isActive === undefined ? row.is_active : input.isActive ? 1 : 0,
    };
    const updated = await tx.db
      .updateTable('ledger_accounts')
      .set({ ...changes, version: row.version + 1, updated_at: tx.now })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw codeTaken(changes.code);
        throw error;
      });
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('precondition_failed', `account ${row.code} changed meanwhile; reload`);
    tx.audit({
      entityType: 'ledger_account',
      entityId: id,
      action: 'ledger_account.updated',
      before: { code: row.code, name: row.name, isActive: row.is_active === 1 },
      after: { code: changes.code, name: changes.name, isActive: changes.is_active === 1 },
    });
  });
}

/** A reversal: the same lines, sides swapped, dated today (in the open period), at most once. */
export async function reverseEntry(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  reason: string,
): Promise<string> {
  assertCan(ctx.actor, 'ledger.manage');
  return runInTransaction(platform, ctx, async (tx) => (await postReversal(tx, id, reason)).id);
}

/** The step, for workflows that undo what an entry recorded (a credit memo voided after issue). */
export async function postReversal(tx: Tx, id: string, reason: string): Promise<JournalEntriesTable> {
  const original = await tx.db.selectFrom('journal_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!original) throw notFound('journal entry', id);
  if (original.reverses_entry_id)
    throw new AppError('rule_violation', `${original.entry_number} is itself a reversal: post a new entry instead`);
  const already = await tx.db
    .selectFrom('journal_entries')
    .select('entry_number')
    .where('reverses_entry_id', '=', id)
    .executeTakeFirst();
  if (already)
    throw new AppError('conflict', `${original.entry_number} was already reversed by ${already.entry_number}`);
  const entity = await findLegalEntity(tx.db, original.legal_entity_id);
  await assertPeriodOpen(tx, original.legal_entity_id, periodOf(tx.today), entity?.code ?? original.legal_entity_id);
  const lines = await tx.db
    .selectFrom('journal_lines')
    .selectAll()
    .where('entry_id', '=', id)
    .orderBy('line_number')
    .execute();
  const reversal: JournalEntriesTable = {
    ...original,
    id: tx.ids.next('je'),
    entry_number: await nextDocumentNumber(tx, 'journal_entry', original.legal_entity_id),
    posting_date: tx.today,
    period: periodOf(tx.today),
    description: `Reversal of ${original.entry_number}: ${reason}`.slice(0, 500),
    event: 'journal.reversed',
    reverses_entry_id: original.id,
    posted_at: tx.now,
    posted_by: tx.ctx.actor.name,
  };
  // The unique key on reverses_entry_id settles two reversals racing: the second is refused.
  await writeEntry(
    tx,
    reversal,
    reversalOf(
      lines.map((line) => ({
        accountId: line.account_id,
        debitMinor: line.debit_minor,
        creditMinor: line.credit_minor,
        memo: line.memo,
      })),
    ).map((line) => ({
      account_id: line.accountId,
      debit_minor: line.debitMinor,
      credit_minor: line.creditMinor,
      memo: line.memo,
    })),
  ).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError('conflict', `${original.entry_number} was reversed meanwhile`);
    throw error;
  });
  tx.audit({
    entityType: 'journal_entry',
    entityId: original.id,
    streamId: original.rma_id ?? undefined,
    action: 'journal.reversed',
    after: { reversal: reversal.entry_number, reason },
  });
  return reversal;
}

export async function closePeriod(
  platform: Platform,
  ctx: RequestContext,
  input: { legalEntityId: string; period: string },
): Promise<void> {
  assertCan(ctx.actor, 'ledger.close');
  await runInTransaction(platform, ctx, async (tx) => {
    const entity = await findLegalEntity(tx.db, input.legalEntityId);
    if (!entity)
      throw new AppError('validation_failed', `legal entity ${input.legalEntityId} does not exist`, {
        errors: [{ path: 'legalEntityId', message: 'unknown legal entity' }],
      });
    if (!hasEnded(input.period, tx.today))
      throw new AppError('rule_violation', `${input.period} has not ended yet: a period closes after its last day`, {
        errors: [{ path: 'period', message: 'not ended' }],
      });
    const inserted = await tx.db
      .insertInto('fiscal_period_closes')
      .values({ legal_entity_id: entity.id, period: input.period, closed_at: tx.now, closed_by: ctx.actor.name })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1)
      throw new AppError('conflict', `${input.period} of ${entity.code} is already closed`);
    tx.audit({
      entityType: 'fiscal_period',
      entityId: `${entity.id}:${input.period}`,
      action: 'fiscal_period.closed',
      after: { legalEntity: entity.code, period: input.period },
    });
  });
}
