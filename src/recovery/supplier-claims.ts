// The claim's life, as steps inside the caller's transaction: submitted when its vendor return
// ships, acknowledged and answered by the supplier (through its own scoped login or key, or by
// finance recording what it said), paid when its credit note arrives. The ledger's side of each
// step is the workflow's (workflows/settle-supplier-claim.ts); these write only recovery's tables.
import type { Actor } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { nextDocumentNumber } from '../platform/document-numbers.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import type { ClaimBasis, DecideClaimInput } from '../contracts/recovery.js';
import { claimLineAmount, type SupplierTermsForClaim } from './domain/claim-amounts.js';
import { decideClaim } from './domain/claim-decision.js';
import type { SupplierClaimLinesTable, SupplierClaimsTable } from './recovery.tables.js';

export const isSupplier = (actor: Actor) => actor.role === 'supplier';

/** A supplier acts only on its own claims; anyone else's is not found (never forbidden). */
function assertClaimVisible(actor: Actor, claim: { supplier_id: string; claim_number: string; id: string }) {
  if (isSupplier(actor) && (!actor.partnerId || actor.partnerId !== claim.supplier_id))
    throw new AppError('not_found', `supplier claim ${claim.id} was not found`);
}

/** Recording the supplier's answer: the supplier itself, or finance for it. */
function assertMayAnswer(actor: Actor) {
  assertCan(actor, isSupplier(actor) ? 'claims.supplier' : 'claims.record');
}

export interface ClaimLineToSubmit {
  vendorReturnLineId: string;
  rmaId: string;
  rmaLineId: string;
  inspectionId: string;
  productId: string;
  quantity: number;
  lot: string;
  serial: string;
  basis: ClaimBasis;
  /** The unit's cost in the supplier's currency. */
  unitCostMinor: number;
  evidence: string;
}

export interface ClaimToSubmit {
  supplierId: string;
  legalEntityId: string;
  vendorReturnId: string;
  vendorReturnNumber: string;
  currency: string;
  terms: SupplierTermsForClaim;
  functionalCurrency: string;
  /** The goods' carrying value the shipment booked as vendor receivable. */
  receivableMinor: number;
  supplierReference: string;
  lines: readonly ClaimLineToSubmit[];
}

/** Opens the claim for a vendor return being shipped: one line per unit group, amounts per the terms. */
export async function submitSupplierClaim(tx: Tx, input: ClaimToSubmit): Promise<SupplierClaimsTable> {
  assertCan(tx.ctx.actor, 'disposition.ship');
  const id = tx.ids.next('scl');
  const lines: SupplierClaimLinesTable[] = input.lines.map((line) => {
    const amount = claimLineAmount(line.basis, line.unitCostMinor, line.quantity, input.terms);
    return {
      id: tx.ids.next('scll'),
      claim_id: id,
      vendor_return_line_id: line.vendorReturnLineId,
      rma_id: line.rmaId,
      rma_line_id: line.rmaLineId,
      inspection_id: line.inspectionId,
      product_id: line.productId,
      quantity: line.quantity,
      lot: line.lot,
      serial: line.serial,
      basis: line.basis,
      unit_cost_minor: line.unitCostMinor,
      terms_bps: amount.termsBps,
      claimed_minor: amount.claimedMinor,
      accepted_minor: null,
      explanation: amount.explanation,
      evidence: line.evidence,
    };
  });
  const claim: SupplierClaimsTable = {
    id,
    claim_number: await nextDocumentNumber(tx, 'supplier_claim', input.legalEntityId),
    supplier_id: input.supplierId,
    legal_entity_id: input.legalEntityId,
    vendor_return_id: input.vendorReturnId,
    currency: input.currency,
    status: 'submitted',
    claimed_minor: lines.reduce((sum, line) => sum + line.claimed_minor, 0),
    accepted_minor: null,
    paid_minor: null,
    functional_currency: input.functionalCurrency,
    receivable_minor: input.receivableMinor,
    supplier_reference: input.supplierReference,
    submitted_at: tx.now,
    acknowledged_at: null,
    acknowledged_by: null,
    decided_at: null,
    decided_by: null,
    decision_note: '',
    paid_at: null,
    paid_by: null,
    payment_reference: '',
    version: 1,
    created_at: tx.now,
    updated_at: tx.now,
  };
  await tx.db.insertInto('supplier_claims').values(claim).execute();
  if (lines.length > 0) await tx.db.insertInto('supplier_claim_lines').values(lines).execute();
  // The shipment's entry booked the receivable the claim starts from.
  await recordReceivableChange(tx, claim, claim.receivable_minor, 'vendor_return.shipped');
  tx.audit({
    entityType: 'supplier_claim',
    entityId: id,
    action: 'supplier_claim.submitted',
    after: {
      number: claim.claim_number,
      vendorReturn: input.vendorReturnNumber,
      supplierId: input.supplierId,
      claimedMinor: claim.claimed_minor,
      currency: claim.currency,
    },
  });
  tx.emit({
    type: 'supplier_claim.submitted',
    aggregateType: 'supplier_claim',
    aggregateId: id,
    payload: {
      claimId: id,
      number: claim.claim_number,
      supplierId: input.supplierId,
      vendorReturnId: input.vendorReturnId,
      claimedMinor: claim.claimed_minor,
      currency: claim.currency,
    },
  });
  return claim;
}

async function claimForChange(tx: Tx, id: string, expectedVersion: number): Promise<SupplierClaimsTable> {
  const claim = await tx.db.selectFrom('supplier_claims').selectAll().where('id', '=', id).executeTakeFirst();
  if (!claim) throw new AppError('not_found', `supplier claim ${id} was not found`);
  assertClaimVisible(tx.ctx.actor, claim);
  if (claim.version !== expectedVersion)
    throw new AppError(
      'precondition_failed',
      `supplier claim ${claim.claim_number} changed (now version ${claim.version}); reload and try again`,
    );
  return claim;
}

async function save(
  tx: Tx,
  claim: SupplierClaimsTable,
  changes: Partial<SupplierClaimsTable>,
): Promise<SupplierClaimsTable> {
  const updated = await tx.db
    .updateTable('supplier_claims')
    .set({ ...changes, version: claim.version + 1, updated_at: tx.now })
    .where('id', '=', claim.id)
    .where('version', '=', claim.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError(
      'precondition_failed',
      `supplier claim ${claim.claim_number} changed meanwhile; reload and try again`,
    );
  return { ...claim, ...changes, version: claim.version + 1, updated_at: tx.now };
}

const wrongState = (claim: SupplierClaimsTable, doing: string) =>
  new AppError(
    'invalid_transition',
    `supplier claim ${claim.claim_number} is ${claim.status.replace('_', ' ')}: it cannot be ${doing}`,
  );

/** Who did it, as the claim's history shows it: a supplier's own people are named with the supplier. */
const byWhom = (actor: Actor) => (isSupplier(actor) ? `${actor.name} (supplier)` : actor.name);

export async function recordClaimAcknowledged(
  tx: Tx,
  id: string,
  input: { supplierReference: string; expectedVersion: number },
): Promise<SupplierClaimsTable> {
  assertMayAnswer(tx.ctx.actor);
  const claim = await claimForChange(tx, id, input.expectedVersion);
  if (claim.status !== 'submitted') throw wrongState(claim, 'acknowledged');
  const saved = await save(tx, claim, {
    status: 'acknowledged',
    acknowledged_at: tx.now,
    acknowledged_by: byWhom(tx.ctx.actor),
    supplier_reference: input.supplierReference || claim.supplier_reference,
  });
  tx.audit({
    entityType: 'supplier_claim',
    entityId: id,
    action: 'supplier_claim.acknowledged',
    before: { status: claim.status },
    after: { status: saved.status, supplierReference: saved.supplier_reference || null },
  });
  return saved;
}

/**
 * The supplier's answer: accepted in full, in part (line by line) or rejected. A claim not yet
 * acknowledged may be answered at once (the answer acknowledges it).
 */
export async function recordClaimDecision(
  tx: Tx,
  id: string,
  input: DecideClaimInput & { expectedVersion: number },
): Promise<{ before: SupplierClaimsTable; claim: SupplierClaimsTable }> {
  assertMayAnswer(tx.ctx.actor);
  const claim = await claimForChange(tx, id, input.expectedVersion);
  if (claim.status !== 'submitted' && claim.status !== 'acknowledged') throw wrongState(claim, 'decided again');
  const lines = await tx.db
    .selectFrom('supplier_claim_lines')
    .select(['id', 'claimed_minor'])
    .where('claim_id', '=', id)
    .orderBy('id')
    .execute();
  const outcome = decideClaim(
    lines.map((line) => ({ id: line.id, claimedMinor: line.claimed_minor })),
    input,
  );
  if (!outcome.ok) throw new AppError('validation_failed', outcome.message, { errors: outcome.errors });
  for (const line of lines) {
    const accepted = outcome.acceptedByLine.get(line.id)!;
    await tx.db
      .updateTable('supplier_claim_lines')
      .set({ accepted_minor: accepted })
      .where('id', '=', line.id)
      .execute();
  }
  const who = byWhom(tx.ctx.actor);
  const saved = await save(tx, claim, {
    status: outcome.status,
    accepted_minor: outcome.acceptedMinor,
    decided_at: tx.now,
    decided_by: who,
    decision_note: input.note,
    acknowledged_at: claim.acknowledged_at ?? tx.now,
    acknowledged_by: claim.acknowledged_by ?? who,
  });
  tx.audit({
    entityType: 'supplier_claim',
    entityId: id,
    action: `supplier_claim.${outcome.status}`,
    before: { status: claim.status },
    after: { status: saved.status, acceptedMinor: saved.accepted_minor, note: input.note || null },
  });
  tx.emit({
    type: 'supplier_claim.decided',
    aggregateType: 'supplier_claim',
    aggregateId: id,
    payload: {
      claimId: id,
      number: claim.claim_number,
      status: saved.status,
      claimedMinor: claim.claimed_minor,
      acceptedMinor: saved.accepted_minor,
      currency: claim.currency,
    },
  });
  return { before: claim, claim: saved };
}

/**
 * What the books hold against the supplier for the claim after the workflow posted the change
 * (`event`, the entry's event), kept dated in the receivable's history as well.
 */
export async function setClaimReceivable(tx: Tx, claim: SupplierClaimsTable, receivableMinor: number, event: string) {
  await tx.db
    .updateTable('supplier_claims')
    .set({ receivable_minor: receivableMinor })
    .where('id', '=', claim.id)
    .where('version', '=', claim.version)
    .execute();
  await recordReceivableChange(tx, claim, receivableMinor - claim.receivable_minor, event);
  return { ...claim, receivable_minor: receivableMinor };
}

async function recordReceivableChange(tx: Tx, claim: SupplierClaimsTable, changeMinor: number, event: string) {
  if (changeMinor === 0) return;
  await tx.db
    .insertInto('supplier_claim_receivable_changes')
    .values({
      id: tx.ids.next('scr'),
      claim_id: claim.id,
      legal_entity_id: claim.legal_entity_id,
      posting_date: tx.today,
      change_minor: changeMinor,
      event,
      created_at: tx.now,
    })
    .execute();
}

/** The supplier's credit note (or payment) for what it accepted: one, for the whole accepted amount. */
export async function recordClaimPaid(
  tx: Tx,
  id: string,
  input: { reference: string; amountMinor: number; expectedVersion: number },
): Promise<{ before: SupplierClaimsTable; claim: SupplierClaimsTable }> {
  assertCan(tx.ctx.actor, 'claims.record');
  const claim = await claimForChange(tx, id, input.expectedVersion);
  if (claim.status !== 'accepted' && claim.status !== 'partially_accepted')
    throw wrongState(claim, claim.status === 'paid' ? 'paid twice' : 'paid before the supplier accepts it');
  if (input.amountMinor !== claim.accepted_minor)
    throw new AppError(
      'validation_failed',
      `the payment must be the ${claim.accepted_minor} ${claim.currency} the supplier accepted, not ${input.amountMinor}`,
      { errors: [{ path: 'amountMinor', message: `enter ${claim.accepted_minor}` }] },
    );
  const saved = await save(tx, claim, {
    status: 'paid',
    paid_minor: input.amountMinor,
    paid_at: tx.now,
    paid_by: tx.ctx.actor.name,
    payment_reference: input.reference,
  });
  tx.audit({
    entityType: 'supplier_claim',
    entityId: id,
    action: 'supplier_claim.paid',
    before: { status: claim.status },
    after: { status: 'paid', paidMinor: input.amountMinor, reference: input.reference },
  });
  tx.emit({
    type: 'supplier_claim.paid',
    aggregateType: 'supplier_claim',
    aggregateId: id,
    payload: { claimId: id, number: claim.claim_number, paidMinor: input.amountMinor, currency: claim.currency },
  });
  return { before: claim, claim: saved };
}

/** The return a claim's entries link to: the one its units came from, when they all came from one. */
export async function singleReturnOfClaim(tx: Tx, claimId: string): Promise<string | null> {
  const rows = await tx.db
    .selectFrom('supplier_claim_lines')
    .select('rma_id')
    .distinct()
    .where('claim_id', '=', claimId)
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]!.rma_id : null;
}
