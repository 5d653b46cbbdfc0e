// An exchange's price difference in the books, posted in the transaction that ships it (the same
// transaction as the shipment's own entry): the difference quoted at the request, net and tax,
// converted to the entity's functional currency at the ship day's rate —
// - the other product costs more: the customer is invoiced, Dr accounts receivable, Cr sales and
//   tax payable (at the rate the original line was taxed at);
// - it costs less: the customer is credited, Dr sales returns and tax payable, Cr accounts receivable.
// Why accounts receivable and not customer credit: customer credit is the subledger of open credit
// memos (openCustomerCredits), and a posting there without a memo would stand as a difference in
// GET /ledger/reconciliation. A credit memo is not the document either: its lines credit returned
// units, each invoiced line at most once (order_line_credits), and these units are settled in
// goods — a memo for them would count them as credited in money and refuse the exchange itself.
// Crediting the receivable is where an applied memo's credit ends up anyway (applyCreditMemo), so
// the customer's account is right, and every subledger still ties out to the cent. The ERP raises
// its invoice or credit note from the outbox event the settlement step emits.
import { minorUnitsOf } from '../platform/money/currencies.js';
import type { Tx } from '../platform/unit-of-work.js';
import { convertMinor, postEntry, requireRate } from '../ledger/index.js';
import { findLegalEntity } from '../masterdata/index.js';
import { recordDifferenceSettled, type ReplacementOrdersTable } from '../settlement/index.js';

export async function settlePriceDifference(tx: Tx, order: ReplacementOrdersTable): Promise<void> {
  if (order.difference_status !== 'pending' || order.difference_minor === 0) return;
  const entity = await findLegalEntity(tx.db, order.legal_entity_id);
  const functional = entity?.functional_currency ?? order.currency;
  const rate = await requireRate(tx.db, order.currency, functional, tx.today);
  const convert = (amount: number) =>
    convertMinor(amount, rate, minorUnitsOf(order.currency), minorUnitsOf(functional));
  // Net and tax converted apart and the receivable their sum: the entry balances with no rounding line.
  const netMinor = convert(order.difference_minor - order.difference_tax_minor);
  const taxMinor = convert(order.difference_tax_minor);
  const totalMinor = netMinor + taxMinor;
  const isInvoiced = order.difference_minor > 0;
  const memo = `exchange ${order.replacement_number}: price difference ${isInvoiced ? 'invoiced' : 'credited'}`;
  const entry = await postEntry(tx, {
    legalEntityId: order.legal_entity_id,
    description: isInvoiced
      ? `Exchange ${order.replacement_number}: the other product costs more, the difference invoiced`
      : `Exchange ${order.replacement_number}: the other product costs less, the difference credited`,
    event: isInvoiced ? 'replacement_order.price_difference_invoiced' : 'replacement_order.price_difference_credited',
    source: { type: 'replacement_order', id: order.id },
    rmaId: order.rma_id,
    lines: [
      { role: 'accounts_receivable', amountMinor: totalMinor, memo },
      { role: isInvoiced ? 'sales' : 'sales_returns', amountMinor: -netMinor, memo },
      { role: 'tax_payable', amountMinor: -taxMinor, memo },
    ],
  });
  await recordDifferenceSettled(tx, order, {
    functionalCurrency: functional,
    functionalMinor: totalMinor,
    entryId: entry?.id ?? null,
  });
}
