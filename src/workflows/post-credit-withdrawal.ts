// The books of credit taken back for units that never arrived (settlement/early-credit-withdrawal.ts):
// their share leaves the returns reserve and the customer's credit — Dr customer credit / Cr returns
// reserve, the same entry as inspection's chargeback. Once the memo was applied to an invoice this
// leaves the customer's credit in debit: the customer owes it back, and the customer-credit
// subledger shows it against the memo. The share is the reserve's own (booked at the rate),
// so both subledgers move by the same amount and there is nothing to convert.
import type { Tx } from '../platform/unit-of-work.js';
import { postEntry } from '../ledger/index.js';
import { linkWithdrawalEntry, type WithdrawalToPost } from '../settlement/index.js';

export async function postCreditWithdrawal(
  tx: Tx,
  { withdrawal, reserve, reserveWithdrawnMinor, memo }: WithdrawalToPost,
): Promise<void> {
  const text = `credit memo ${memo.number}: ${withdrawal.explanation}`;
  const entry = await postEntry(tx, {
    legalEntityId: reserve.legal_entity_id,
    description: `Credit memo ${memo.number}: credit of units never received taken back (return ${withdrawal.cause})`,
    event: 'credit_memo.early_credit_withdrawn',
    source: { type: 'credit_memo', id: memo.id },
    rmaId: withdrawal.rma_id,
    lines: [
      { role: 'customer_credit', amountMinor: reserveWithdrawnMinor, memo: text },
      { role: 'returns_reserve', amountMinor: -reserveWithdrawnMinor, memo: text },
    ],
  });
  await linkWithdrawalEntry(tx, withdrawal.id, { entryId: entry?.id ?? null, reserveWithdrawnMinor });
}
