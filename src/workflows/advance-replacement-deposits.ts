// What becomes of an advance replacement's deposit, in the books:
// - the return's units arrive: the receipt (receive-goods.ts) releases the deposit for them in its
//   own transaction — Dr customer deposits, Cr accounts receivable: the charge is taken back;
// - they do not arrive within the settlement policy's days: the sweep (hourly, beside the expiry
//   of authorizations, or POST /replacement-orders/invoice-overdue-deposits) invoices what is left
//   — Dr customer deposits, Cr sales and tax payable: the customer bought the replacement, and the
//   receivable stays for the invoice. One transaction per order, so one refused (a closed period)
//   does not hold the others back.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { postEntry } from '../ledger/index.js';
import {
  findOverdueDeposits,
  linkInvoiceEntry,
  recordDepositInvoiced,
  releaseHeldDeposits,
} from '../settlement/index.js';

/** The step receiving's workflow calls: units received release the held deposits of their lines. */
export async function releaseDepositsOnReceipt(
  tx: Tx,
  received: ReadonlyArray<{ rmaLineId: string; quantity: number }>,
): Promise<void> {
  const released = await releaseHeldDeposits(tx, received);
  for (const { order, units, functionalMinor } of released) {
    const memo = `advance replacement ${order.replacement_number}: ${units === 1 ? '1 unit' : `${units} units`} back`;
    await postEntry(tx, {
      legalEntityId: order.legal_entity_id,
      description: `Deposit released for advance replacement ${order.replacement_number}: the return arrived`,
      event: 'replacement_order.deposit_released',
      source: { type: 'replacement_order', id: order.id },
      rmaId: order.rma_id,
      lines: [
        { role: 'customer_deposits', amountMinor: functionalMinor, memo },
        { role: 'accounts_receivable', amountMinor: -functionalMinor, memo },
      ],
    });
  }
}

export async function invoiceOverdueDeposits(platform: Platform, ctx: RequestContext): Promise<{ invoiced: string[] }> {
  assertCan(ctx.actor, 'replacements.invoice');
  const today = platform.clock.now().toISOString().slice(0, 10);
  const due = await findOverdueDeposits(platform.db, today, 500);
  const invoiced: string[] = [];
  for (const candidate of due) {
    try {
      const done = await runInTransaction(platform, ctx, async (tx) => {
        const result = await recordDepositInvoiced(tx, candidate.id, candidate.version);
        if (!result) return false;
        const { order } = result;
        const memo = `advance replacement ${order.replacement_number}: return not received by ${order.deposit_due_on}`;
        const entry = await postEntry(tx, {
          legalEntityId: order.legal_entity_id,
          description: `Advance replacement ${order.replacement_number} invoiced: the return did not arrive by ${order.deposit_due_on}`,
          event: 'replacement_order.deposit_invoiced',
          source: { type: 'replacement_order', id: order.id },
          rmaId: order.rma_id,
          lines: [
            { role: 'customer_deposits', amountMinor: result.functionalMinor, memo },
            { role: 'sales', amountMinor: -result.salesMinor, memo },
            { role: 'tax_payable', amountMinor: -result.taxMinor, memo },
          ],
        });
        await linkInvoiceEntry(tx, order.id, entry?.id ?? null);
        return true;
      });
      if (done) invoiced.push(candidate.id);
    } catch (error) {
      // Another process invoiced or released it first, or its period is closed: the next run tries again.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { invoiced };
}
