// Credit given ahead of proof for units that never arrived: a trusted customer's return was
// cancelled or expired first. What to take back is domain/unreceived-credit.ts; this file keeps the
// facts. A memo taken back whole and not yet applied is simply void (credit-memos.ts); otherwise
// each line's withdrawn units are a row of early_credit_withdrawals, which frees them on the order
// line (they may be returned and credited again) and which the books take — out of the reserve and
// the customer's credit — at once for an issued or applied memo, or when the memo is issued.
// The reserve and customer-credit subledgers subtract what was withdrawn, as the books do
// (early-credit-withdrawal.queries.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../platform/actor.js';
import { can } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import type { CreditReservesTable, EarlyCreditWithdrawalsTable } from './credit-reserve.tables.js';
import { shareOfUnits } from './domain/reserve-release.js';
import { withdrawnShareOf, type CreditedMemo } from './domain/unreceived-credit.js';
import { withdrawnUnitsByLine } from './early-credit-withdrawal.queries.js';

type Reader = Kysely<DB> | Transaction<DB>;
export type ReturnEndCause = EarlyCreditWithdrawalsTable['cause'];

/** Taking back credit is the consequence of ending the return: whoever may cancel or expire returns may. */
export function assertMayEndReturn(actor: Actor): void {
  if (!can(actor, 'returns.cancel') && !can(actor, 'returns.expire'))
    throw new AppError('forbidden', `role '${actor.role}' may not end a return and take back its credit`);
}

/**
 * The step: the return's memos that are not void, every line with what inspection proved and what
 * was withdrawn — read under the lines' early-credit locks, so inspection cannot prove units meanwhile.
 */
export async function findCreditOfReturn(tx: Tx, rmaId: string): Promise<CreditedMemo[]> {
  assertMayEndReturn(tx.ctx.actor);
  const lines = await tx.db
    .selectFrom('credit_memo_lines as l')
    .innerJoin('credit_memos as m', 'm.id', 'l.credit_memo_id')
    .select(['l.id', 'l.credit_memo_id', 'l.rma_line_id', 'l.basis', 'l.quantity', 'm.status'])
    .where('m.rma_id', '=', rmaId)
    .where('m.status', '!=', 'void')
    .orderBy('m.created_at')
    .orderBy('l.id')
    .execute();
  if (lines.length === 0) return [];
  for (const rmaLineId of [...new Set(lines.map((line) => line.rma_line_id))].sort())
    await lockForTransaction(tx, `early-credit:${rmaLineId}`);
  const ids = lines.map((line) => line.id);
  const [proven, withdrawn] = await Promise.all([unitsProvenByLine(tx.db, ids), withdrawnUnitsByLine(tx.db, ids)]);
  const memos = new Map<string, CreditedMemo & { lines: CreditedMemo['lines'][number][] }>();
  for (const line of lines) {
    const memo = memos.get(line.credit_memo_id) ?? { id: line.credit_memo_id, status: line.status, lines: [] };
    memo.lines.push({
      id: line.id,
      rmaLineId: line.rma_line_id,
      basis: line.basis,
      quantity: line.quantity,
      provenUnits: proven.get(line.id) ?? 0,
      withdrawnUnits: withdrawn.get(line.id) ?? 0,
    });
    memos.set(memo.id, memo);
  }
  return [...memos.values()];
}

async function unitsProvenByLine(db: Reader, lineIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('credit_reserve_releases')
    .select(['credit_memo_line_id', (eb) => eb.fn.sum<number>('quantity').as('units')])
    .where('credit_memo_line_id', 'in', lineIds)
    .where('voided_at', 'is', null)
    .groupBy('credit_memo_line_id')
    .execute();
  return new Map(rows.map((row) => [row.credit_memo_line_id, Number(row.units)]));
}

/** A withdrawal the books must take: its share of the reserve, which the customer's credit loses too. */
export interface WithdrawalToPost {
  withdrawal: EarlyCreditWithdrawalsTable;
  reserve: CreditReservesTable;
  reserveWithdrawnMinor: number;
  memo: { id: string; number: string | null; legalEntityId: string };
}

/**
 * The step: the last `units` of an early line taken back. Returns what the books take now (the
 * memo is issued or applied), or null (they take it when the memo is issued).
 */
export async function recordEarlyCreditWithdrawal(
  tx: Tx,
  input: { lineId: string; units: number; unitsBefore: number; cause: ReturnEndCause },
): Promise<WithdrawalToPost | null> {
  assertMayEndReturn(tx.ctx.actor);
  const { credit_memo_id: memoId } = await tx.db
    .selectFrom('credit_memo_lines')
    .select('credit_memo_id')
    .where('id', '=', input.lineId)
    .executeTakeFirstOrThrow();
  // The memo's version moves first: a void, issue or apply racing this waits or sees it changed
  // (all are versioned updates), and the status read below is the one this withdrawal lands on.
  const touched = await tx.db
    .updateTable('credit_memos')
    .set({ version: sql<number>`version + 1`, updated_at: tx.now })
    .where('id', '=', memoId)
    .where('status', '!=', 'void')
    .executeTakeFirst();
  if (Number(touched.numUpdatedRows) !== 1) throw new AppError('conflict', `credit memo ${memoId} was void meanwhile`);
  const line = await tx.db
    .selectFrom('credit_memo_lines as l')
    .innerJoin('credit_memos as m', 'm.id', 'l.credit_memo_id')
    .selectAll('l')
    .select(['m.rma_id', 'm.status', 'm.credit_memo_number', 'm.legal_entity_id'])
    .where('l.id', '=', input.lineId)
    .executeTakeFirstOrThrow();
  const share = withdrawnShareOf(
    {
      quantity: line.quantity,
      priceMinor: line.price_minor,
      taxMinor: line.tax_minor,
      restockingFeeMinor: line.restocking_fee_minor,
    },
    input.unitsBefore,
    input.units,
    input.cause,
  );
  const withdrawal: EarlyCreditWithdrawalsTable = {
    id: tx.ids.next('ecw'),
    credit_memo_line_id: line.id,
    credit_memo_id: line.credit_memo_id,
    rma_id: line.rma_id,
    rma_line_id: line.rma_line_id,
    cause: input.cause,
    quantity: input.units,
    units_before: input.unitsBefore,
    price_minor: share.priceMinor,
    tax_minor: share.taxMinor,
    restocking_fee_minor: share.restockingFeeMinor,
    total_minor: share.totalMinor,
    explanation: share.explanation,
    reserve_withdrawn_minor: null,
    entry_id: null,
    created_at: tx.now,
    created_by: tx.ctx.actor.name,
    voided_at: null,
  };
  await tx.db.insertInto('early_credit_withdrawals').values(withdrawal).execute();
  // The units are no longer credited: the order line may credit them again (a later return).
  await tx.db
    .updateTable('order_line_credits')
    .set({
      quantity_credited: sql<number>`quantity_credited - ${input.units}`,
      amount_credited_minor: sql<number>`amount_credited_minor - ${share.totalMinor}`,
    })
    .where('order_line_id', '=', line.order_line_id)
    .execute();
  tx.audit({
    entityType: 'credit_memo',
    entityId: line.credit_memo_id,
    streamId: line.rma_id,
    action: 'credit_memo.early_credit_withdrawn',
    after: { creditMemoLineId: line.id, quantity: input.units, totalMinor: share.totalMinor, cause: input.cause },
  });
  if (line.status !== 'issued' && line.status !== 'applied') return null;
  const reserve = await tx.db
    .selectFrom('credit_reserves')
    .selectAll()
    .where('credit_memo_line_id', '=', line.id)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  if (!reserve) return null;
  return toPost(withdrawal, reserve, line.quantity, {
    id: line.credit_memo_id,
    number: line.credit_memo_number,
    legalEntityId: line.legal_entity_id,
  });
}

function toPost(
  withdrawal: EarlyCreditWithdrawalsTable,
  reserve: CreditReservesTable,
  lineQuantity: number,
  memo: WithdrawalToPost['memo'],
): WithdrawalToPost {
  return {
    withdrawal,
    reserve,
    reserveWithdrawnMinor: shareOfUnits(
      reserve.reserved_minor,
      withdrawal.units_before,
      withdrawal.quantity,
      lineQuantity,
    ),
    memo,
  };
}

/** The step, when a memo is issued: withdrawals recorded before the issue, which the books take now. */
export async function findPendingWithdrawals(tx: Tx, memoId: string): Promise<WithdrawalToPost[]> {
  const rows = await tx.db
    .selectFrom('early_credit_withdrawals as w')
    .innerJoin('credit_memo_lines as l', 'l.id', 'w.credit_memo_line_id')
    .innerJoin('credit_memos as m', 'm.id', 'w.credit_memo_id')
    .innerJoin('credit_reserves as c', 'c.credit_memo_line_id', 'w.credit_memo_line_id')
    .selectAll('w')
    .select(['l.quantity as line_quantity', 'm.credit_memo_number', 'm.legal_entity_id'])
    .select(['c.currency', 'c.rate', 'c.reserved_minor', 'c.issue_entry_id', 'c.created_at as reserved_at'])
    .where('w.credit_memo_id', '=', memoId)
    .where('w.voided_at', 'is', null)
    .where('w.entry_id', 'is', null)
    .where('c.voided_at', 'is', null)
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute();
  return rows.map(({ line_quantity, credit_memo_number, legal_entity_id, ...row }) => {
    const { currency, rate, reserved_minor, issue_entry_id, reserved_at, ...withdrawal } = row;
    const reserve: CreditReservesTable = {
      credit_memo_line_id: withdrawal.credit_memo_line_id,
      credit_memo_id: withdrawal.credit_memo_id,
      legal_entity_id,
      rma_id: withdrawal.rma_id,
      currency,
      rate,
      reserved_minor,
      issue_entry_id,
      created_at: reserved_at,
      voided_at: null,
    };
    return toPost(withdrawal, reserve, line_quantity, {
      id: memoId,
      number: credit_memo_number,
      legalEntityId: legal_entity_id,
    });
  });
}

/** The step: a withdrawal the books took, with its entry and its share of the reserve. */
export async function linkWithdrawalEntry(
  tx: Tx,
  withdrawalId: string,
  posted: { entryId: string | null; reserveWithdrawnMinor: number },
): Promise<void> {
  await tx.db
    .updateTable('early_credit_withdrawals')
    .set({ entry_id: posted.entryId, reserve_withdrawn_minor: posted.reserveWithdrawnMinor })
    .where('id', '=', withdrawalId)
    .execute();
}

/** The step, when a memo is void: its withdrawals no longer count. Gives back their entries to reverse. */
export async function recordWithdrawalsVoid(tx: Tx, memoId: string): Promise<string[]> {
  const posted = await tx.db
    .selectFrom('early_credit_withdrawals')
    .select('entry_id')
    .where('credit_memo_id', '=', memoId)
    .where('voided_at', 'is', null)
    .where('entry_id', 'is not', null)
    .orderBy('created_at')
    .execute();
  await tx.db
    .updateTable('early_credit_withdrawals')
    .set({ voided_at: tx.now })
    .where('credit_memo_id', '=', memoId)
    .where('voided_at', 'is', null)
    .execute();
  return posted.flatMap((row) => (row.entry_id ? [row.entry_id] : []));
}
