// Issuing a credit memo is one transaction: settlement numbers it (gap-free per entity) and marks
// it issued; the ledger posts it in the entity's functional currency at the day's rate —
// sales returns (price less any deduction) and the tax given back against the customer's credit
// and the restocking fee earned; converting each amount rounds, and what the rounding leaves is
// posted to exchange differences. Voiding an issued memo reverses that entry in the same way.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { convertMinor, postEntry, postReversal, requireRate } from '../ledger/index.js';
import { findLegalEntity } from '../masterdata/index.js';
import { linkIssueEntry, recordCreditMemoIssued, recordCreditMemoVoid } from '../settlement/index.js';

export async function issueCreditMemo(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  assertCan(ctx.actor, 'credits.issue');
  await runInTransaction(platform, ctx, async (tx) => {
    const { memo } = await recordCreditMemoIssued(tx, id, expectedVersion);
    const entity = await findLegalEntity(tx.db, memo.legal_entity_id);
    const functional = entity?.functional_currency ?? memo.currency;
    const rate = await requireRate(tx.db, memo.currency, functional, tx.today);
    const convert = (amount: number) =>
      convertMinor(amount, rate, minorUnitsOf(memo.currency), minorUnitsOf(functional));
    const revenue = convert(memo.price_minor - memo.deduction_minor);
    const tax = convert(memo.tax_minor);
    const fee = convert(memo.restocking_fee_minor);
    const credit = convert(memo.total_minor);
    const memoText = `credit memo ${memo.credit_memo_number}`;
    const entry = await postEntry(tx, {
      legalEntityId: memo.legal_entity_id,
      description: `Credit memo ${memo.credit_memo_number} (${memo.total_minor} ${memo.currency})`,
      event: 'credit_memo.issued',
      source: { type: 'credit_memo', id: memo.id },
      rmaId: memo.rma_id,
      lines: [
        { role: 'sales_returns', amountMinor: revenue, memo: memoText },
        { role: 'tax_payable', amountMinor: tax, memo: memoText },
        { role: 'customer_credit', amountMinor: -credit, memo: memoText },
        { role: 'restocking_fee_income', amountMinor: -fee, memo: memoText },
        // Four amounts each rounded once: the pennies between them are an exchange difference.
        { role: 'fx_gain_loss', amountMinor: credit + fee - revenue - tax, memo: 'conversion rounding' },
      ],
    });
    await linkIssueEntry(tx, memo.id, entry?.id ?? null);
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
    if (wasIssued && memo.issue_entry_id)
      await postReversal(tx, memo.issue_entry_id, `credit memo ${memo.credit_memo_number} void: ${input.reason}`);
  });
}
