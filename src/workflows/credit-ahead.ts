// Credit ahead of inspection, for the tiers the settlement policy trusts with it: when a return is
// authorized (`on_authorization`: every authorized unit at once) or as its goods are received
// (`on_receipt`: each receipt line's units). The units are credited for the condition the customer
// claimed — the price, their share of the tax, the restocking fee by the reason's fault, no
// deduction (nothing has been inspected) — onto the return's draft, like any credit; issuing it
// posts the credit into the returns reserve, and inspection later releases it or charges the
// deduction back (credit-reserve.ts). The step runs in the transaction that authorizes the return
// (returns calls it through a port the composition root wires) or that receives its goods.
import type { Tx } from '../platform/unit-of-work.js';
import { findCurrentConfigs } from '../configuration/index.js';
import { findCustomer } from '../masterdata/index.js';
import { findReceiptLinesOfReturn } from '../receiving/index.js';
import { findReturnForStages, findReturnLineDetails } from '../returns/index.js';
import { findOrderLinesForReturns } from '../sales/index.js';
import {
  addToDraftCreditMemo,
  creditTimingOf,
  earlyCreditsOf,
  findReplacedUnits,
  findReturnLineCredits,
  type CreditedUnits,
} from '../settlement/index.js';

/** The return's units the policy credits ahead of inspection now; the draft's id, or null when none. */
export async function creditAheadOfInspection(tx: Tx, rmaId: string): Promise<string | null> {
  const rma = await findReturnForStages(tx.db, tx.ctx.actor, rmaId);
  // Credit ahead of proof is for authorized returns only: goods that arrived unannounced wait for
  // the decision (the authorization then credits what the policy says).
  if (rma.status !== 'authorized') return null;
  const customer = await findCustomer(tx.db, rma.customerId);
  if (!customer) return null;
  const { settlement_policy: policy, reason_codes: reasons } = await findCurrentConfigs(tx.db, [
    'settlement_policy',
    'reason_codes',
  ]);
  const timing = creditTimingOf(policy.document, customer.tier);
  if (timing === 'after_inspection') return null;

  const lineIds = rma.lines.map((line) => line.id);
  const [details, credits, replaced, receiptLines] = await Promise.all([
    findReturnLineDetails(tx.db, lineIds),
    findReturnLineCredits(tx.db, rmaId),
    findReplacedUnits(tx.db, lineIds),
    timing === 'on_receipt' ? findReceiptLinesOfReturn(tx.db, rmaId) : Promise.resolve([]),
  ]);
  const orderLineIds = [...details.values()].flatMap((line) => (line.orderLineId ? [line.orderLineId] : []));
  const orderLines = new Map((await findOrderLinesForReturns(tx.db, orderLineIds)).map((line) => [line.id, line]));
  let memoId: string | null = null;
  for (const line of rma.lines) {
    const detail = details.get(line.id);
    const orderLine = orderLines.get(detail?.orderLineId ?? '');
    // Lines without a sale to credit, and return types settled otherwise, wait for inspection,
    // whose disposition records why they are not credited.
    if (!detail || !orderLine || !policy.document.creditedReturnTypes.includes(detail.returnType)) continue;
    const credited = credits.get(line.id);
    const early = earlyCreditsOf(timing, {
      quantity: line.quantity,
      // Units a replacement order settles in goods are not credited in money either.
      creditedUnits: (credited?.creditedUnits ?? 0) + (replaced.get(line.id) ?? 0),
      hasAuthorizationCredit: credited?.hasAuthorizationCredit ?? false,
      receiptLines: receiptLines
        .filter((receiptLine) => receiptLine.rma_line_id === line.id)
        .map((receiptLine) => ({
          id: receiptLine.id,
          quantity: receiptLine.quantity,
          isCredited: credited?.creditedReceiptLines.has(receiptLine.id) ?? false,
        })),
    });
    const fault = reasons.document.codes.find((code) => code.code === detail.reasonCode)?.fault ?? 'none';
    for (const credit of early) {
      const of: CreditedUnits =
        credit.basis === 'receipt'
          ? { basis: 'receipt', receiptLineId: credit.receiptLineId }
          : { basis: credit.basis };
      const result = await addToDraftCreditMemo(tx, {
        rmaId,
        rmaLineId: line.id,
        customerId: rma.customerId,
        legalEntityId: orderLine.legal_entity_id,
        currency: orderLine.currency,
        of,
        productId: line.productId,
        orderLine: {
          id: orderLine.id,
          quantityShipped: orderLine.quantity_shipped,
          unitPriceMinor: orderLine.unit_price_minor,
          taxMinor: orderLine.tax_minor,
        },
        units: { quantity: credit.quantity, fault, claimVerdict: null, grade: null },
        policy: policy.document,
        policyVersion: policy.version,
      });
      if ('creditMemoId' in result) memoId = result.creditMemoId;
      else
        tx.audit({
          entityType: 'credit_memo',
          entityId: line.id,
          streamId: rmaId,
          action: 'credit_memo.not_drafted',
          after: { ...of, rmaLineId: line.id, quantity: credit.quantity, reason: result.skipped },
        });
    }
  }
  return memoId;
}
