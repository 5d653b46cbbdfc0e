// The decision: the rules' recommendation recomputed in the transaction (so the decision is made on
// the facts and rules as they are now), the person's choice checked against it, and the
// disposition row written. One per inspection: the unique key makes a second attempt fail even
// when two arrive at once.
import type { DecideDispositionRequest } from '../contracts/disposition.js';
import { assertCan } from '../platform/access.js';
import { isUniqueViolation } from '../platform/db/db-errors.js';
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import { findPartner } from '../masterdata/index.js';
import { findInspectionToDispose, gatherBasis, type DispositionBasis } from './recommendation.js';
import { performerOf, profileOf, type ActionProfile, type DispositionCodeEntry } from './domain/disposition-actions.js';
import type { DispositionAction } from '../contracts/inspection-vocabulary.js';
import type { DispositionsTable } from './disposition.tables.js';

export interface DispositionPlan extends DispositionBasis {
  code: DispositionCodeEntry;
  profile: ActionProfile & { action: DispositionAction };
  isOverride: boolean;
  overrideReason: string;
  /** A location code the deciding rule named (used when the person confirmed the rule's code). */
  locationCode: string | null;
  partnerId: string | null;
  request: DecideDispositionRequest;
}

export async function planDisposition(
  tx: Tx,
  inspectionId: string,
  request: DecideDispositionRequest,
): Promise<DispositionPlan> {
  assertCan(tx.ctx.actor, 'disposition.decide');
  const inspection = await findInspectionToDispose(tx.db, inspectionId);
  const already = await tx.db
    .selectFrom('dispositions')
    .select(['id', 'code', 'decided_by'])
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
  if (already)
    throw new AppError(
      'conflict',
      `these units were already dispositioned (${already.code}, by ${already.decided_by}); a unit is dispositioned once`,
    );
  const basis = await gatherBasis(tx.db, inspection, tx.today);
  if (basis.rulesVersion !== request.rulesVersion)
    throw new AppError(
      'precondition_failed',
      `the disposition rules changed (now version ${basis.rulesVersion}, you saw ${request.rulesVersion}); look at the new recommendation and decide again`,
    );
  const code = basis.codes.find((c) => c.code === request.code && c.isActive);
  if (!code)
    throw new AppError('validation_failed', `${request.code} is not an active disposition code`, {
      errors: [{ path: 'code', message: 'not a disposition code in force' }],
    });
  const isOverride = code.code !== basis.recommendation.code;
  if (isOverride && request.overrideReason.trim() === '')
    throw new AppError(
      'validation_failed',
      `the rules recommend ${basis.recommendation.code}; say why you choose ${code.code} instead`,
      { errors: [{ path: 'overrideReason', message: 'required when overriding the recommendation' }] },
    );
  const profile = profileOf(code);
  if (profile.action === 'scrap') assertCan(tx.ctx.actor, 'disposition.approve_scrap');
  if (profile.action === 'return_to_vendor' && !basis.product.supplier_id)
    throw new AppError(
      'rule_violation',
      `${basis.product.sku} has no supplier to return it to; choose another disposition`,
      {
        errors: [{ path: 'code', message: 'the product has no supplier' }],
      },
    );
  let partnerId: string | null = null;
  if ((profile.action === 'repair' || profile.action === 'refurbish') && performerOf(code) === 'partner') {
    if (!request.partnerId)
      throw new AppError('validation_failed', `${code.code} is done by a repair partner: choose which`, {
        errors: [{ path: 'partnerId', message: 'choose a repair partner' }],
      });
    const partner = await findPartner(tx.db, request.partnerId);
    if (!partner || partner.kind !== 'repair' || partner.is_active !== 1)
      throw new AppError('validation_failed', `${request.partnerId} is not an active repair partner`, {
        errors: [{ path: 'partnerId', message: 'not an active repair partner' }],
      });
    partnerId = partner.id;
  }
  return {
    ...basis,
    code,
    profile,
    isOverride,
    overrideReason: request.overrideReason.trim(),
    locationCode: isOverride ? null : basis.recommendation.targetLocationCode,
    partnerId,
    request,
  };
}

export async function recordDisposition(
  tx: Tx,
  plan: DispositionPlan,
  targetLocationId: string,
): Promise<DispositionsTable> {
  const { inspection } = plan;
  const row: DispositionsTable = {
    id: tx.ids.next('dsp'),
    inspection_id: inspection.id,
    site_id: inspection.siteId,
    rma_id: inspection.rmaId,
    rma_line_id: inspection.rmaLineId,
    product_id: inspection.productId,
    quantity: inspection.quantity,
    lot: inspection.lot,
    serial: inspection.serial,
    code: plan.code.code,
    action: plan.profile.action,
    recommended_code: plan.recommendation.code,
    rule_id: plan.recommendation.ruleId,
    rules_version: plan.rulesVersion,
    recommendation: JSON.stringify(plan.recommendation),
    is_override: plan.isOverride ? 1 : 0,
    override_reason: plan.overrideReason,
    target_status: plan.profile.status,
    target_location_id: targetLocationId,
    follow_up_type: plan.profile.followUp,
    follow_up_id: null,
    decided_by: tx.ctx.actor.name,
    decided_by_id: tx.ctx.actor.personId,
    decided_at: tx.now,
  };
  await tx.db
    .insertInto('dispositions')
    .values(row)
    .execute()
    .catch((error: unknown) => {
      throw isUniqueViolation(error)
        ? new AppError('conflict', 'these units were dispositioned by someone else at the same moment')
        : error;
    });
  tx.audit({
    entityType: 'disposition',
    entityId: row.id,
    streamId: row.rma_id,
    action: plan.isOverride ? 'disposition.overridden' : 'disposition.confirmed',
    after: {
      inspectionId: inspection.id,
      code: row.code,
      recommendedCode: row.recommended_code,
      ruleId: row.rule_id,
      rulesVersion: row.rules_version,
      overrideReason: row.override_reason || null,
      quantity: row.quantity,
    },
  });
  return row;
}

/** Links the record executing the disposition opened (work order, vendor return…). */
export async function linkFollowUp(tx: Tx, dispositionId: string, followUpId: string): Promise<void> {
  await tx.db.updateTable('dispositions').set({ follow_up_id: followUpId }).where('id', '=', dispositionId).execute();
}
