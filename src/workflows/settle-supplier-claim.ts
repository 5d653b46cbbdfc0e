// The supplier's answer and its credit note, each one transaction with its posting. The receivable
// the shipment booked is the goods' carrying value; when the supplier answers, the books move to
// what it accepted (a shortfall, or an excess, against supplier recovery); when its credit note
// arrives, the receivable is cleared against what we owe the supplier (accounts payable), at the
// day's rate, and what the rate moved since the answer is an exchange difference.
import type { RequestContext } from '../platform/actor.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { convertMinor, postEntry, requireRate } from '../ledger/index.js';
import type { DecideClaimInput } from '../contracts/recovery.js';
import {
  recordClaimDecision,
  recordClaimPaid,
  setClaimReceivable,
  singleReturnOfClaim,
  type SupplierClaimsTable,
} from '../recovery/index.js';

async function inFunctional(tx: Tx, claim: SupplierClaimsTable, amountMinor: number): Promise<number> {
  const rate = await requireRate(tx.db, claim.currency, claim.functional_currency, tx.today);
  return convertMinor(amountMinor, rate, minorUnitsOf(claim.currency), minorUnitsOf(claim.functional_currency));
}

export async function decideSupplierClaim(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: DecideClaimInput & { expectedVersion: number },
): Promise<void> {
  await runInTransaction(platform, ctx, async (tx) => {
    const { before, claim } = await recordClaimDecision(tx, id, input);
    const accepted = await inFunctional(tx, claim, claim.accepted_minor ?? 0);
    const shortfall = before.receivable_minor - accepted;
    const text = `supplier claim ${claim.claim_number} ${claim.status.replace('_', ' ')}`;
    await postEntry(tx, {
      legalEntityId: claim.legal_entity_id,
      description: `Supplier claim ${claim.claim_number} ${claim.status.replace('_', ' ')} (${claim.accepted_minor} of ${claim.claimed_minor} ${claim.currency})`,
      event: 'supplier_claim.decided',
      source: { type: 'supplier_claim', id: claim.id },
      rmaId: await singleReturnOfClaim(tx, claim.id),
      lines: [
        { role: 'supplier_recovery_loss', amountMinor: shortfall, memo: text },
        { role: 'vendor_receivable', amountMinor: -shortfall, memo: text },
      ],
    });
    await setClaimReceivable(tx, claim, accepted, 'supplier_claim.decided');
  });
}

export async function recordSupplierClaimPayment(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: { reference: string; amountMinor: number; expectedVersion: number },
): Promise<void> {
  await runInTransaction(platform, ctx, async (tx) => {
    const { before, claim } = await recordClaimPaid(tx, id, input);
    const credited = await inFunctional(tx, claim, input.amountMinor);
    const text = `supplier claim ${claim.claim_number} credit note ${input.reference}`;
    await postEntry(tx, {
      legalEntityId: claim.legal_entity_id,
      description: `Supplier credit note ${input.reference} for claim ${claim.claim_number} (${input.amountMinor} ${claim.currency})`,
      event: 'supplier_claim.paid',
      source: { type: 'supplier_claim', id: claim.id },
      rmaId: await singleReturnOfClaim(tx, claim.id),
      lines: [
        { role: 'accounts_payable', amountMinor: credited, memo: text },
        { role: 'vendor_receivable', amountMinor: -before.receivable_minor, memo: text },
        // The rate on the day of the answer and on the day of the credit note differ.
        { role: 'fx_gain_loss', amountMinor: before.receivable_minor - credited, memo: 'exchange difference' },
      ],
    });
    await setClaimReceivable(tx, claim, 0, 'supplier_claim.paid');
  });
}
