// An exchange's price difference settled when it ships: the amount quoted at the request — the
// customer was told it — is invoiced (the other product costs more) or credited (it costs less),
// and the order keeps what the books hold for it and the entry. The posting is the workflow's
// (workflows/replacement-price-difference.ts).
import { assertCan } from '../platform/access.js';
import type { Tx } from '../platform/unit-of-work.js';
import { saveReplacementOrder } from './replacement-orders.js';
import type { ReplacementOrdersTable } from './settlement.tables.js';

export interface SettledDifference {
  functionalCurrency: string;
  /** Signed like the order's difference: positive invoiced, negative credited. */
  functionalMinor: number;
  entryId: string | null;
}

/** The step: the shipped exchange's quoted difference, invoiced or credited (nothing at the same price). */
export async function recordDifferenceSettled(
  tx: Tx,
  order: ReplacementOrdersTable,
  settled: SettledDifference,
): Promise<ReplacementOrdersTable> {
  assertCan(tx.ctx.actor, 'replacements.ship');
  if (order.difference_status !== 'pending' || order.difference_minor === 0) return order;
  const isInvoiced = order.difference_minor > 0;
  const saved = await saveReplacementOrder(tx, order, {
    difference_status: isInvoiced ? 'invoiced' : 'credited',
    functional_currency: settled.functionalCurrency,
    difference_functional_minor: settled.functionalMinor,
    difference_entry_id: settled.entryId,
  });
  const action = isInvoiced
    ? 'replacement_order.price_difference_invoiced'
    : 'replacement_order.price_difference_credited';
  const amounts = {
    amountMinor: Math.abs(order.difference_minor),
    taxMinor: Math.abs(order.difference_tax_minor),
    currency: order.currency,
    functionalMinor: Math.abs(settled.functionalMinor),
    functionalCurrency: settled.functionalCurrency,
  };
  tx.audit({ entityType: 'replacement_order', entityId: order.id, streamId: order.rma_id, action, after: amounts });
  // For the ERP: the invoice or credit note it raises against the customer's account.
  tx.emit({
    type: action,
    aggregateType: 'replacement_order',
    aggregateId: order.id,
    payload: {
      replacementOrderId: order.id,
      number: order.replacement_number,
      rmaId: order.rma_id,
      customerId: order.customer_id,
      ...amounts,
    },
  });
  return saved;
}
