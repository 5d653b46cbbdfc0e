// Credit memos through their life: a return's dispositioned units are added to its draft (one per
// return at a time), the draft is approved — by finance itself above the policy's limit — then
// issued (numbered without gaps per legal entity; the ledger posts it in the same transaction),
// applied, or void. Every unit of an invoiced line is credited at most once: order_line_credits
// counts what memos hold and a guarded UPDATE refuses more than was shipped or invoiced.
import { sql } from 'kysely';
import type { RequestContext } from '../platform/actor.js';
import { assertCan, can } from '../platform/access.js';
import { joinOpenDocument } from '../platform/db/open-document.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { nextDocumentNumber } from '../platform/document-numbers.js';
import { AppError, notFound } from '../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { creditFor, needsFinanceApproval, type UnitsToCredit } from './domain/credit-calculation.js';
import type { SettlementPolicy } from '../contracts/configuration.js';
import type { CreditMemoLinesTable, CreditMemosTable } from './settlement.tables.js';
import { assertMayEndReturn } from './early-credit-withdrawal.js';
import { withdrawnOfMemoLines, withdrawnTaxOfOrderLine } from './early-credit-withdrawal.queries.js';

export type CreditedUnits =
  | { basis: 'inspection'; inspectionId: string }
  | { basis: 'authorization' }
  | { basis: 'receipt'; receiptLineId: string };

/** The line's unique key: the same units are never on two live memos (a void memo's keys are set apart). */
function creditKeyOf(input: DraftCreditInput): string {
  const { of } = input;
  switch (of.basis) {
    case 'inspection':
      return `inspection:${of.inspectionId}`;
    case 'authorization':
      return `authorization:${input.rmaLineId}`;
    case 'receipt':
      return `receipt:${of.receiptLineId}`;
  }
}

export interface DraftCreditInput {
  rmaId: string;
  rmaLineId: string;
  customerId: string;
  legalEntityId: string;
  currency: string;
  /** What the units are: an inspection's, or — ahead of proof — the line's authorized or a receipt line's. */
  of: CreditedUnits;
  productId: string;
  orderLine: { id: string; quantityShipped: number; unitPriceMinor: number; taxMinor: number };
  units: Omit<UnitsToCredit, 'alreadyCredited' | 'invoiced' | 'unitPriceMinor'>;
  policy: SettlementPolicy;
  policyVersion: number;
}

/**
 * The step: units of a return line onto the return's draft credit memo — inspected units, or units
 * credited ahead of inspection (authorized or received; see credit-reserve.ts for what inspection
 * later does with them). Returns the memo's id, or null when there is nothing to credit (the
 * policy does not credit the return type, or the line is fully credited already — said in the reason).
 */
export async function addToDraftCreditMemo(
  tx: Tx,
  input: DraftCreditInput,
): Promise<{ creditMemoId: string } | { skipped: string }> {
  const { orderLine } = input;
  await lockForTransaction(tx, `order-line-credit:${orderLine.id}`);
  const amountInvoiced = orderLine.unitPriceMinor * orderLine.quantityShipped + orderLine.taxMinor;
  await tx.db
    .insertInto('order_line_credits')
    .values({
      order_line_id: orderLine.id,
      quantity_invoiced: orderLine.quantityShipped,
      amount_invoiced_minor: amountInvoiced,
      quantity_credited: 0,
      amount_credited_minor: 0,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const credited = await tx.db
    .selectFrom('order_line_credits')
    .selectAll()
    .where('order_line_id', '=', orderLine.id)
    .executeTakeFirstOrThrow();
  // The tax the line's memos that are not void give back (a void frees its units and its tax, a
  // withdrawal those of the units it took back).
  const taxCredited = await tx.db
    .selectFrom('credit_memo_lines as l')
    .innerJoin('credit_memos as m', 'm.id', 'l.credit_memo_id')
    .select((eb) => eb.fn.sum<number>('l.tax_minor').as('tax'))
    .where('l.order_line_id', '=', orderLine.id)
    .where('m.status', '!=', 'void')
    .executeTakeFirst();
  const taxWithdrawn = await withdrawnTaxOfOrderLine(tx.db, orderLine.id);
  const decision = creditFor(
    {
      ...input.units,
      unitPriceMinor: orderLine.unitPriceMinor,
      invoiced: { quantity: orderLine.quantityShipped, taxMinor: orderLine.taxMinor },
      alreadyCredited: credited.quantity_credited,
      alreadyCreditedTaxMinor: Number(taxCredited?.tax ?? 0) - taxWithdrawn,
    },
    input.policy,
  );
  if (!decision.ok) return { skipped: decision.reason };
  const { line } = decision;
  const guarded = await tx.db
    .updateTable('order_line_credits')
    .set({
      quantity_credited: sql<number>`quantity_credited + ${line.quantity}`,
      amount_credited_minor: sql<number>`amount_credited_minor + ${line.totalMinor}`,
    })
    .where('order_line_id', '=', orderLine.id)
    .where(sql<boolean>`quantity_credited + ${line.quantity} <= quantity_invoiced`)
    .where(sql<boolean>`amount_credited_minor + ${line.totalMinor} <= amount_invoiced_minor`)
    .executeTakeFirst();
  if (Number(guarded.numUpdatedRows) !== 1)
    return { skipped: 'crediting these units would credit more than the order line invoiced' };

  const memo = await draftOf(tx, input);
  const row: CreditMemoLinesTable = {
    id: tx.ids.next('cml'),
    credit_memo_id: memo.id,
    rma_line_id: input.rmaLineId,
    order_line_id: orderLine.id,
    inspection_id: input.of.basis === 'inspection' ? input.of.inspectionId : null,
    basis: input.of.basis,
    credit_key: creditKeyOf(input),
    product_id: input.productId,
    quantity: line.quantity,
    unit_price_minor: orderLine.unitPriceMinor,
    price_minor: line.priceMinor,
    tax_minor: line.taxMinor,
    restocking_fee_minor: line.restockingFeeMinor,
    deduction_minor: line.deductionMinor,
    total_minor: line.totalMinor,
    explanation: line.explanation,
  };
  await tx.db.insertInto('credit_memo_lines').values(row).execute();
  await refreshTotals(tx, memo.id, input.policy);
  tx.audit({
    entityType: 'credit_memo',
    entityId: memo.id,
    streamId: input.rmaId,
    action: 'credit_memo.line_added',
    after: { ...input.of, quantity: line.quantity, totalMinor: line.totalMinor },
  });
  return { creditMemoId: memo.id };
}

/** The return's draft, opened on first use and held until commit (see platform/db/open-document.ts). */
async function draftOf(tx: Tx, input: DraftCreditInput): Promise<CreditMemosTable> {
  const { document, opened } = await joinOpenDocument(
    {
      findOpen: () =>
        tx.db
          .selectFrom('credit_memos')
          .selectAll()
          .where('rma_id', '=', input.rmaId)
          .where('status', '=', 'draft')
          .executeTakeFirst(),
      tryOpen: async () => {
        const row = newDraft(tx, input);
        const inserted = await tx.db
          .insertInto('credit_memos')
          .values(row)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 ? row : undefined;
      },
      // A void running meanwhile must not leave the draft with a line added after it (the units
      // would count as credited on a void memo); the version bumps with the line (refreshTotals).
      touchIfOpen: async (open) => {
        const held = await tx.db
          .updateTable('credit_memos')
          .set({ updated_at: tx.now })
          .where('id', '=', open.id)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        return Number(held.numUpdatedRows) === 1;
      },
    },
    3,
  );
  if (opened)
    tx.audit({
      entityType: 'credit_memo',
      entityId: document.id,
      streamId: input.rmaId,
      action: 'credit_memo.drafted',
      after: { currency: document.currency },
    });
  return document;
}

function newDraft(tx: Tx, input: DraftCreditInput): CreditMemosTable {
  return {
    id: tx.ids.next('cm'),
    credit_memo_number: null,
    rma_id: input.rmaId,
    customer_id: input.customerId,
    legal_entity_id: input.legalEntityId,
    currency: input.currency,
    status: 'draft',
    price_minor: 0,
    tax_minor: 0,
    restocking_fee_minor: 0,
    deduction_minor: 0,
    total_minor: 0,
    needs_finance_approval: 0,
    policy_version: input.policyVersion,
    created_by: tx.ctx.actor.name,
    approved_at: null,
    approved_by: null,
    issued_at: null,
    issued_by: null,
    issue_entry_id: null,
    functional_currency: null,
    functional_credit_minor: null,
    applied_functional_minor: null,
    apply_entry_id: null,
    applied_at: null,
    applied_by: null,
    voided_at: null,
    voided_by: null,
    void_reason: null,
    version: 0,
    created_at: tx.now,
    updated_at: tx.now,
  };
}

async function refreshTotals(tx: Tx, memoId: string, policy: SettlementPolicy): Promise<void> {
  const sums = await tx.db
    .selectFrom('credit_memo_lines')
    .select((eb) => [
      eb.fn.sum<number>('price_minor').as('price'),
      eb.fn.sum<number>('tax_minor').as('tax'),
      eb.fn.sum<number>('restocking_fee_minor').as('fee'),
      eb.fn.sum<number>('deduction_minor').as('deduction'),
      eb.fn.sum<number>('total_minor').as('total'),
    ])
    .where('credit_memo_id', '=', memoId)
    .executeTakeFirstOrThrow();
  const memo = await tx.db
    .selectFrom('credit_memos')
    .select('currency')
    .where('id', '=', memoId)
    .executeTakeFirstOrThrow();
  const total = Number(sums.total ?? 0);
  await tx.db
    .updateTable('credit_memos')
    .set({
      price_minor: Number(sums.price ?? 0),
      tax_minor: Number(sums.tax ?? 0),
      restocking_fee_minor: Number(sums.fee ?? 0),
      deduction_minor: Number(sums.deduction ?? 0),
      total_minor: total,
      needs_finance_approval: needsFinanceApproval(total, memo.currency, policy) ? 1 : 0,
      version: sql<number>`version + 1`,
      updated_at: tx.now,
    })
    .where('id', '=', memoId)
    .execute();
}

async function memoForChange(tx: Tx, id: string, expectedVersion: number): Promise<CreditMemosTable> {
  const memo = await tx.db.selectFrom('credit_memos').selectAll().where('id', '=', id).executeTakeFirst();
  if (!memo) throw notFound('credit memo', id);
  if (memo.version !== expectedVersion)
    throw new AppError(
      'precondition_failed',
      `credit memo ${memo.credit_memo_number ?? memo.id} changed (now version ${memo.version}); reload and try again`,
    );
  return memo;
}

async function save(tx: Tx, memo: CreditMemosTable, changes: Partial<CreditMemosTable>): Promise<CreditMemosTable> {
  const updated = await tx.db
    .updateTable('credit_memos')
    .set({ ...changes, version: memo.version + 1, updated_at: tx.now })
    .where('id', '=', memo.id)
    .where('version', '=', memo.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('precondition_failed', `credit memo ${memo.id} changed meanwhile; reload and try again`);
  return { ...memo, ...changes, version: memo.version + 1, updated_at: tx.now };
}

const wrongState = (memo: CreditMemosTable, doing: string) =>
  new AppError(
    'conflict',
    `credit memo ${memo.credit_memo_number ?? memo.id} is ${memo.status}: it cannot be ${doing}`,
  );

export async function approveCreditMemo(platform: Platform, ctx: RequestContext, id: string, expectedVersion: number) {
  assertCan(ctx.actor, 'credits.approve');
  await runInTransaction(platform, ctx, async (tx) => {
    const memo = await memoForChange(tx, id, expectedVersion);
    if (memo.status !== 'draft') throw wrongState(memo, 'approved');
    if (memo.total_minor <= 0) throw new AppError('rule_violation', 'a credit memo of nothing is not approved');
    if (memo.needs_finance_approval === 1 && !can(ctx.actor, 'credits.approve_any'))
      throw new AppError('forbidden', `credit memos above the policy's limit are approved by finance`);
    await save(tx, memo, { status: 'approved', approved_at: tx.now, approved_by: ctx.actor.name });
    tx.audit({ entityType: 'credit_memo', entityId: id, streamId: memo.rma_id, action: 'credit_memo.approved' });
  });
}

/** The step: an approved memo numbered and marked issued; the workflow posts it. */
export async function recordCreditMemoIssued(tx: Tx, id: string, expectedVersion: number) {
  assertCan(tx.ctx.actor, 'credits.issue');
  const memo = await memoForChange(tx, id, expectedVersion);
  if (memo.status !== 'approved') throw wrongState(memo, 'issued');
  const number = await nextDocumentNumber(tx, 'credit_memo', memo.legal_entity_id);
  const issued = await save(tx, memo, {
    status: 'issued',
    credit_memo_number: number,
    issued_at: tx.now,
    issued_by: tx.ctx.actor.name,
  });
  const lines = await tx.db.selectFrom('credit_memo_lines').selectAll().where('credit_memo_id', '=', id).execute();
  tx.audit({
    entityType: 'credit_memo',
    entityId: id,
    streamId: memo.rma_id,
    action: 'credit_memo.issued',
    after: { number, totalMinor: memo.total_minor, currency: memo.currency },
  });
  tx.emit({
    type: 'credit_memo.issued',
    aggregateType: 'credit_memo',
    aggregateId: id,
    payload: {
      creditMemoId: id,
      number,
      rmaId: memo.rma_id,
      customerId: memo.customer_id,
      totalMinor: memo.total_minor,
      currency: memo.currency,
    },
  });
  return { memo: issued, lines };
}

/** What the issue posted: its entry and the customer's credit in the books' currency. */
export async function linkIssueEntry(
  tx: Tx,
  id: string,
  entryId: string | null,
  credit: { currency: string; creditMinor: number },
): Promise<void> {
  await tx.db
    .updateTable('credit_memos')
    .set({ issue_entry_id: entryId, functional_currency: credit.currency, functional_credit_minor: credit.creditMinor })
    .where('id', '=', id)
    .execute();
}

/** The step: a memo void (draft, approved or issued); its units may be credited again. */
export async function recordCreditMemoVoid(tx: Tx, id: string, reason: string, expectedVersion: number) {
  assertCan(tx.ctx.actor, 'credits.issue');
  const memo = await memoForChange(tx, id, expectedVersion);
  if (memo.status === 'void' || memo.status === 'applied') throw wrongState(memo, 'voided');
  return voidMemo(tx, memo, reason);
}

/**
 * The step, when a return ends before its goods came: a memo that credits only units that never
 * arrived is void, on the authority of whoever ended the return (the workflow reverses its entries).
 */
export async function recordUnreceivedCreditVoid(tx: Tx, id: string, reason: string) {
  assertMayEndReturn(tx.ctx.actor);
  const memo = await tx.db.selectFrom('credit_memos').selectAll().where('id', '=', id).executeTakeFirst();
  if (!memo) throw notFound('credit memo', id);
  if (memo.status === 'void' || memo.status === 'applied') throw wrongState(memo, 'voided');
  return voidMemo(tx, memo, reason);
}

async function voidMemo(tx: Tx, memo: CreditMemosTable, reason: string) {
  const { id } = memo;
  const lines = await tx.db.selectFrom('credit_memo_lines').selectAll().where('credit_memo_id', '=', id).execute();
  // Units already withdrawn were freed on the order line then: only the rest is freed now.
  const withdrawn = await withdrawnOfMemoLines(tx.db, id);
  for (const line of lines)
    await tx.db
      .updateTable('order_line_credits')
      .set({
        quantity_credited: sql<number>`quantity_credited - ${line.quantity - (withdrawn.get(line.id)?.units ?? 0)}`,
        amount_credited_minor: sql<number>`amount_credited_minor - ${line.total_minor - (withdrawn.get(line.id)?.totalMinor ?? 0)}`,
      })
      .where('order_line_id', '=', line.order_line_id)
      .execute();
  // The void memo keeps its lines (it is a document); the units they credited may be credited anew.
  await tx.db
    .updateTable('credit_memo_lines')
    .set({ credit_key: sql<string>`credit_key || ':void:' || ${id}` })
    .where('credit_memo_id', '=', id)
    .execute();
  const voided = await save(tx, memo, {
    status: 'void',
    voided_at: tx.now,
    voided_by: tx.ctx.actor.name,
    void_reason: reason,
  });
  tx.audit({
    entityType: 'credit_memo',
    entityId: id,
    streamId: memo.rma_id,
    action: 'credit_memo.voided',
    before: { status: memo.status },
    after: { reason },
  });
  return { memo: voided, wasIssued: memo.status === 'issued' };
}

/**
 * The step: an issued memo marked applied (the credit was used against an invoice or refunded).
 * The workflow posts what it clears from the customer's credit and records it here.
 */
export async function recordCreditMemoApplied(tx: Tx, id: string, expectedVersion: number) {
  assertCan(tx.ctx.actor, 'credits.issue');
  const memo = await memoForChange(tx, id, expectedVersion);
  if (memo.status !== 'issued') throw wrongState(memo, 'applied');
  const applied = await save(tx, memo, { status: 'applied', applied_at: tx.now, applied_by: tx.ctx.actor.name });
  tx.audit({ entityType: 'credit_memo', entityId: id, streamId: memo.rma_id, action: 'credit_memo.applied' });
  return applied;
}

export async function linkApplyEntry(tx: Tx, id: string, entryId: string | null, appliedMinor: number) {
  await tx.db
    .updateTable('credit_memos')
    .set({ apply_entry_id: entryId, applied_functional_minor: appliedMinor })
    .where('id', '=', id)
    .execute();
}
