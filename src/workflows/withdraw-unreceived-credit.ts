// When a return ends before its goods came — cancelled, or expired with nothing shipped — the
// credit a trusted customer was given ahead of proof for the units that never arrived must not
// stay. This step runs in the transaction that ends the return (returns calls it through the
// `onClosedUnreceived` port the composition root wires, for the cancel route and the expiry job):
// - a memo every unit of which never arrived, not yet applied, is void — as finance would void it:
//   its issue entry and any reserve release reversed, its units free on the order line again;
// - otherwise (the memo was applied to an invoice, or also credits units that did arrive) the
//   document stays and only the units that never arrived are withdrawn: their share leaves the
//   reserve and the customer's credit (post-credit-withdrawal.ts), a chargeback to the customer.
// What counts as never arrived is settlement's rule (domain/unreceived-credit.ts): units credited
// beyond those received, per return line.
import type { Tx } from '../platform/unit-of-work.js';
import { postReversal } from '../ledger/index.js';
import { findReceiptLinesOfReturn } from '../receiving/index.js';
import type { ReturnEndedUnreceived } from '../returns/index.js';
import {
  findCreditOfReturn,
  recordEarlyCreditWithdrawal,
  recordUnreceivedCreditVoid,
  takeBacksOf,
  unreceivedUnitsOf,
} from '../settlement/index.js';
import { reverseCreditReserve } from './credit-reserve.js';
import { postCreditWithdrawal } from './post-credit-withdrawal.js';

export async function withdrawUnreceivedCredit(tx: Tx, rmaId: string, cause: ReturnEndedUnreceived): Promise<void> {
  const memos = await findCreditOfReturn(tx, rmaId);
  if (!memos.some((memo) => memo.lines.some((line) => line.basis === 'authorization'))) return;
  const received = new Map<string, number>();
  for (const line of await findReceiptLinesOfReturn(tx.db, rmaId))
    received.set(line.rma_line_id, (received.get(line.rma_line_id) ?? 0) + line.quantity);
  for (const takeBack of takeBacksOf(memos, unreceivedUnitsOf(memos, received))) {
    if (takeBack.action === 'void') {
      const reason = `the return was ${cause} before its goods arrived`;
      const { memo, wasIssued } = await recordUnreceivedCreditVoid(tx, takeBack.memoId, reason);
      const text = `credit memo ${memo.credit_memo_number ?? memo.id} void: ${reason}`;
      if (wasIssued && memo.issue_entry_id) await postReversal(tx, memo.issue_entry_id, text);
      await reverseCreditReserve(tx, memo.id, text);
      continue;
    }
    for (const line of takeBack.lines) {
      const toPost = await recordEarlyCreditWithdrawal(tx, { ...line, cause });
      if (toPost) await postCreditWithdrawal(tx, toPost);
    }
  }
}
