// Issuing a credit memo is one transaction: settlement numbers it (gap-free per entity) and marks
// it issued; the ledger posts it in the entity's functional currency at the day's rate —
// sales returns (price less any deduction) and the tax given back against the customer's credit
// and the restocking fee earned; converting each amount rounds, and what the rounding leaves is
// posted to exchange differences. Units credited ahead of inspection are posted to the returns
// reserve instead, until inspection releases them (credit-reserve.ts). Voiding an issued memo
// reverses its entries in the same way. Applying it (used against the customer's invoices in the
// ERP, or refunded) moves what is left of the credit from customer credit to accounts receivable,
// so customer credit holds only credits still open.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { convertMinor, postEntry, postReversal, requireRate } from '../ledger/index.js';
import { findLegalEntity } from '../masterdata/index.js';
import {
  chargedBackOfMemo,
  linkApplyEntry,
  linkIssueEntry,
  recordCreditMemoApplied,
  recordCreditMemoIssued,
  recordCreditMemoVoid,
} from '../settlement/index.js';
import { bookCreditReserve, issuePostingOf, reverseCreditReserve } from './credit-reserve.js';

export async function issueCreditMemo(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  assertCan(ctx.actor, 'credits.issue');
  await runInTransaction(platform, ctx, async (tx) => {
    const { memo, lines } = await recordCreditMemoIssued(tx, id, expectedVersion);
    const entity = await findLegalEntity(tx.db, memo.legal_entity_id);
    const functional = entity?.functional_currency ?? memo.currency;
    const rate = await requireRate(tx.db, memo.currency, functional, tx.today);
    const convert = (amount: number) =>
      convertMinor(amount, rate, minorUnitsOf(memo.currency), minorUnitsOf(functional));
    // Lines credited ahead of inspection go to the returns reserve (credit-reserve.ts).
    const posting = issuePostingOf(memo, lines, convert);
    const entry = await postEntry(tx, {
      legalEntityId: memo.legal_entity_id,
      description: `Credit memo ${memo.credit_memo_number} (${memo.total_minor} ${memo.currency})`,
      event: 'credit_memo.issued',
      source: { type: 'credit_memo', id: memo.id },
      rmaId: memo.rma_id,
      lines: posting.lines,
    });
    // The customer's credit as posted: the customer-credit subledger's amount for this memo.
    const creditMinor = -posting.lines
      .filter((line) => line.role === 'customer_credit')
      .reduce((sum, line) => sum + line.amountMinor, 0);
    await linkIssueEntry(tx, memo.id, entry?.id ?? null, { currency: functional, creditMinor });
    await bookCreditReserve(tx, memo, {
      currency: functional,
      rate,
      entryId: entry?.id ?? null,
      lines: posting.reserves,
    });
  });
}

export async function voidCreditMemo(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: { reason: string; expectedVersion: number },
): Promise<void> {
  assertCan(ctx.actor, 'credits.issue');
  await runInTransaction(platform, ctx, async (tx) => {
    const { memo, wasIssued } = await recordCreditMemoVoid(tx, id, input.reason, input.expectedVersion);
    const reason = `credit memo ${memo.credit_memo_number} void: ${input.reason}`;
    if (wasIssued && memo.issue_entry_id) await postReversal(tx, memo.issue_entry_id, reason);
    await reverseCreditReserve(tx, memo.id, reason);
  });
}

export async function applyCreditMemo(platform: Platform, ctx: RequestContext, id: string, expectedVersion: number) {
  assertCan(ctx.actor, 'credits.issue');
  await runInTransaction(platform, ctx, async (tx) => {
    const memo = await recordCreditMemoApplied(tx, id, expectedVersion);
    // What the customer still had of this credit: what was posted, less what inspection charged back.
    const open = (memo.functional_credit_minor ?? 0) - (await chargedBackOfMemo(tx.db, memo.id));
    const text = `credit memo ${memo.credit_memo_number} applied`;
    const entry = await postEntry(tx, {
      legalEntityId: memo.legal_entity_id,
      description: `Credit memo ${memo.credit_memo_number} applied to the customer's account`,
      event: 'credit_memo.applied',
      source: { type: 'credit_memo', id: memo.id },
      rmaId: memo.rma_id,
      lines: [
        { role: 'customer_credit', amountMinor: open, memo: text },
        { role: 'accounts_receivable', amountMinor: -open, memo: text },
      ],
    });
    await linkApplyEntry(tx, memo.id, entry?.id ?? null, open);
  });
}
