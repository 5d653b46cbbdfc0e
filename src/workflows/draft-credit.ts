// The step that follows a disposition (the default timing: credit after inspection): the units'
// credit, computed from the original sale under the settlement policy, goes onto the return's
// draft credit memo. Units with nothing to credit — a return type the policy settles otherwise,
// goods that arrived without an order line, a line already credited in full, units a replacement
// order settled in goods — are skipped, and the audit says why.
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { findCompletedInspection } from '../inspection/index.js';
import { findReturnLineDetails } from '../returns/index.js';
import { listDispositionsOfReturn } from '../disposition/index.js';
import { findCurrentConfigs } from '../configuration/index.js';
import { findOrderLinesForReturns } from '../sales/index.js';
import {
  addToDraftCreditMemo,
  findCreditedInspections,
  findCreditedUnitsOfLines,
  findReplacedUnits,
} from '../settlement/index.js';
import type { DispositionPlan } from '../disposition/index.js';
import { proveEarlyCredit } from './credit-reserve.js';
import { creditAheadOfInspection } from './credit-ahead.js';

export async function draftCreditForDisposition(
  tx: Tx,
  plan: Pick<DispositionPlan, 'inspection' | 'line'>,
): Promise<string | null> {
  const { inspection, line } = plan;
  const skip = (reason: string) => {
    tx.audit({
      entityType: 'credit_memo',
      entityId: inspection.id,
      streamId: line.rmaId,
      action: 'credit_memo.not_drafted',
      after: { inspectionId: inspection.id, reason },
    });
    return null;
  };
  if (!line.orderLineId) return skip('the goods came back without an order line to credit');
  const { settlement_policy: policy, reason_codes: reasons } = await findCurrentConfigs(tx.db, [
    'settlement_policy',
    'reason_codes',
  ]);
  // Units credited ahead of inspection (trusted tiers) are proven now — their reserve released or
  // the deduction charged back — and never credited a second time.
  const early = await proveEarlyCredit(tx, inspection, policy.document);
  if (early.provenUnits >= inspection.quantity) return early.creditMemoId;
  if (!policy.document.creditedReturnTypes.includes(line.returnType))
    return skip(`${line.returnType} returns are not credited in money under settlement policy v${policy.version}`);
  const [orderLine] = await findOrderLinesForReturns(tx.db, [line.orderLineId]);
  if (!orderLine) return skip(`order line ${line.orderLineId} no longer exists`);
  // The customer got goods for the units a replacement order holds, not money: only what is left
  // of the line is credited. The lock is the one a replacement request takes for the same line.
  await lockForTransaction(tx, `order-line-credit:${orderLine.id}`);
  let quantity = inspection.quantity - early.provenUnits;
  const replaced = (await findReplacedUnits(tx.db, [line.id])).get(line.id) ?? 0;
  if (replaced > 0) {
    const credited = (await findCreditedUnitsOfLines(tx.db, [line.id])).get(line.id) ?? 0;
    quantity = Math.min(quantity, line.quantity - replaced - credited);
    if (quantity <= 0)
      return skip(`the units of return line ${line.lineNumber} were replaced (${replaced}), not credited in money`);
  }
  const fault = reasons.document.codes.find((code) => code.code === line.reasonCode)?.fault ?? 'none';
  const result = await addToDraftCreditMemo(tx, {
    rmaId: line.rmaId,
    rmaLineId: line.id,
    customerId: line.customerId,
    legalEntityId: orderLine.legal_entity_id,
    currency: orderLine.currency,
    of: { basis: 'inspection', inspectionId: inspection.id },
    productId: inspection.productId,
    orderLine: {
      id: orderLine.id,
      quantityShipped: orderLine.quantity_shipped,
      unitPriceMinor: orderLine.unit_price_minor,
      taxMinor: orderLine.tax_minor,
    },
    units: {
      quantity,
      fault,
      claimVerdict: inspection.claimVerdict,
      grade: inspection.grade,
    },
    policy: policy.document,
    policyVersion: policy.version,
  });
  return 'creditMemoId' in result ? result.creditMemoId : skip(result.skipped);
}

/**
 * Drafts again what a void memo had credited: every dispositioned unit of the return that is on
 * no live memo goes onto a new draft, computed afresh (the policy in force, what is left of the
 * invoiced line), and so do units a trusted tier is credited for ahead of inspection. Nothing to
 * draft is a 409.
 */
export async function redraftCredit(platform: Platform, ctx: RequestContext, rmaId: string): Promise<string> {
  assertCan(ctx.actor, 'credits.issue');
  return runInTransaction(platform, ctx, async (tx) => {
    const dispositions = await listDispositionsOfReturn(tx.db, ctx, rmaId);
    const credited = await findCreditedInspections(tx.db, rmaId);
    const open = dispositions.filter((d) => !credited.has(d.inspectionId));
    const lines = await findReturnLineDetails(tx.db, [...new Set(open.map((d) => d.rmaLineId))]);
    let memoId: string | null = null;
    for (const disposition of open) {
      const inspection = await findCompletedInspection(tx.db, disposition.inspectionId);
      const line = lines.get(disposition.rmaLineId);
      if (!inspection || !line) continue;
      memoId = (await draftCreditForDisposition(tx, { inspection, line })) ?? memoId;
    }
    // Units not yet inspected that the policy credits ahead of inspection are credited again too.
    memoId = (await creditAheadOfInspection(tx, rmaId)) ?? memoId;
    if (!memoId)
      throw new AppError(
        'conflict',
        'every dispositioned unit of this return is on a credit memo, or has nothing to credit',
      );
    return memoId;
  });
}
