// Working the inspection queue: claim, assign or release, split, record (a draft), complete, and
// quality's second sign-off for regulated goods. Each change takes the version the person saw
// (If-Match) and is audited on the return's timeline.
import type { Grade } from '../contracts/inspection-vocabulary.js';
import type { RecordInspectionRequest } from '../contracts/inspection.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { findCurrentConfigs } from '../configuration/index.js';
import { findProducts } from '../masterdata/index.js';
import { findReturnLineDetails } from '../returns/index.js';
import { findUserSummary } from '../identity/index.js';
import { applyAnswers, checklistFor, unansweredItems } from './domain/checklist.js';
import { judgeClaim } from './domain/claim-verdict.js';
import type { InspectionsTable } from './inspection.tables.js';

type Change = Partial<Omit<InspectionsTable, 'id' | 'version' | 'created_at'>>;

async function findForChange(tx: Tx, id: string, expectedVersion: number): Promise<InspectionsTable> {
  const row = await tx.db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `inspection ${id} was not found`);
  if (row.version !== expectedVersion)
    throw new AppError(
      'precondition_failed',
      `inspection ${id} is at version ${row.version}, not ${expectedVersion}: someone changed it; reload and try again`,
    );
  return row;
}

/** Writes the change if nobody else did in between (the version), and audits it. */
async function change(tx: Tx, row: InspectionsTable, set: Change, action: string, after: unknown): Promise<void> {
  const updated = await tx.db
    .updateTable('inspections')
    .set({ ...set, version: row.version + 1, updated_at: tx.now })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('version_conflict', `inspection ${row.id} was changed at the same moment; reload and try again`);
  tx.audit({ entityType: 'inspection', entityId: row.id, streamId: row.rma_id, action, after });
}

function assertOpen(row: InspectionsTable): void {
  if (row.status === 'completed')
    throw new AppError('invalid_transition', `inspection ${row.id} is completed; it can no longer change`);
  if (row.status === 'awaiting_sign_off')
    throw new AppError('invalid_transition', `inspection ${row.id} is waiting for quality's sign-off`);
}

function assertMine(ctx: RequestContext, row: InspectionsTable): void {
  if (row.assigned_to_id !== null && row.assigned_to_id !== ctx.actor.personId)
    throw new AppError('conflict', `inspection ${row.id} is being worked on by ${row.assigned_to}`);
}

const run = <T>(platform: Platform, ctx: RequestContext, work: (tx: Tx) => Promise<T>) =>
  runInTransaction(platform, ctx, work);

export async function claimInspection(platform: Platform, ctx: RequestContext, id: string, expectedVersion: number) {
  assertCan(ctx.actor, 'inspection.perform');
  await run(platform, ctx, async (tx) => {
    const row = await findForChange(tx, id, expectedVersion);
    assertOpen(row);
    assertMine(ctx, row);
    await change(
      tx,
      row,
      { status: 'in_progress', assigned_to_id: ctx.actor.personId, assigned_to: ctx.actor.name, assigned_at: tx.now },
      'inspection.claimed',
      { assignedTo: ctx.actor.name },
    );
  });
}

/** Gives the inspection to a user (inspection.assign), or releases it (null): the assignee may release their own. */
export async function assignInspection(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: { userId: string | null; expectedVersion: number },
) {
  await run(platform, ctx, async (tx) => {
    const row = await findForChange(tx, id, input.expectedVersion);
    const releasingMine = input.userId === null && row.assigned_to_id === ctx.actor.personId;
    assertCan(ctx.actor, releasingMine ? 'inspection.perform' : 'inspection.assign');
    assertOpen(row);
    if (input.userId === null) {
      await change(
        tx,
        row,
        { status: 'pending', assigned_to_id: null, assigned_to: null, assigned_at: null },
        'inspection.released',
        { releasedFrom: row.assigned_to },
      );
      return;
    }
    const user = await findUserSummary(tx.db, input.userId);
    const inspectors: readonly string[] = ['quality', 'warehouse', 'admin'];
    if (!user || user.is_active !== 1 || !inspectors.includes(user.role))
      throw new AppError('validation_failed', `user ${input.userId} cannot inspect goods`, {
        errors: [{ path: 'userId', message: 'choose an active inspector (quality or warehouse)' }],
      });
    await change(
      tx,
      row,
      { status: 'in_progress', assigned_to_id: user.id, assigned_to: user.name, assigned_at: tx.now },
      'inspection.assigned',
      { assignedTo: user.name, by: ctx.actor.name },
    );
  });
}

/** Splits units off into an inspection of their own: some units of a line turned out different. */
export async function splitInspection(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: { quantity: number; expectedVersion: number },
): Promise<string> {
  assertCan(ctx.actor, 'inspection.perform');
  return run(platform, ctx, async (tx) => {
    const row = await findForChange(tx, id, input.expectedVersion);
    assertOpen(row);
    assertMine(ctx, row);
    if (input.quantity >= row.quantity)
      throw new AppError('validation_failed', `split off fewer than the inspection's ${row.quantity} units`, {
        errors: [{ path: 'quantity', message: `between 1 and ${row.quantity - 1}` }],
      });
    const unitValue = Math.round(row.value_at_risk_minor / row.quantity);
    const part: InspectionsTable = {
      ...row,
      id: tx.ids.next('ins'),
      quantity: input.quantity,
      split_from_id: row.id,
      status: 'pending',
      assigned_to_id: null,
      assigned_to: null,
      assigned_at: null,
      value_at_risk_minor: unitValue * input.quantity,
      checklist_version: null,
      checklist: '[]',
      grade: null,
      defect_codes: '[]',
      no_fault_found: 0,
      findings: '',
      measurements: '[]',
      notes: '',
      version: 1,
      created_at: tx.now,
      updated_at: tx.now,
    };
    await tx.db.insertInto('inspections').values(part).execute();
    await change(
      tx,
      row,
      {
        quantity: row.quantity - input.quantity,
        value_at_risk_minor: row.value_at_risk_minor - part.value_at_risk_minor,
      },
      'inspection.split',
      { splitOff: part.id, quantity: input.quantity, remaining: row.quantity - input.quantity },
    );
    return part.id;
  });
}

interface Prepared {
  set: Change;
  grade: Grade | null;
  missing: string[];
}

/** The record as the inspector entered it, checked against the checklist and the defect codes in force. */
async function prepareRecord(tx: Tx, row: InspectionsTable, input: RecordInspectionRequest): Promise<Prepared> {
  const config = await findCurrentConfigs(tx.db, ['inspection_checklists']);
  const checklists = config.inspection_checklists;
  const [product] = await findProducts(tx.db, [row.product_id]);
  const checklist = checklistFor(checklists.document, product?.category ?? null);
  const { results, unknownIds } = applyAnswers(checklist, input.checklist);
  if (unknownIds.length > 0)
    throw new AppError('validation_failed', `not on this product's checklist: ${unknownIds.join(', ')}`, {
      errors: unknownIds.map((unknown) => ({
        path: `checklist.${input.checklist.findIndex((a) => a.id === unknown)}.id`,
        message: 'not on the checklist',
      })),
    });
  const known = new Set(checklists.document.defectCodes.filter((d) => d.isActive).map((d) => d.code));
  const unknownDefects = input.defectCodes.filter((code) => !known.has(code));
  if (unknownDefects.length > 0)
    throw new AppError('validation_failed', `unknown defect codes: ${unknownDefects.join(', ')}`, {
      errors: unknownDefects.map((code) => ({
        path: `defectCodes.${input.defectCodes.indexOf(code)}`,
        message: 'not a defect code in force',
      })),
    });
  const defects = [...new Set(input.defectCodes)];
  if (
    input.noFaultFound &&
    defects.some((d) => d !== 'NO_FAULT_FOUND' && d !== 'COSMETIC' && d !== 'PACKAGING_DAMAGED')
  )
    throw new AppError('validation_failed', 'no fault found, yet faults are recorded: choose one', {
      errors: [{ path: 'noFaultFound', message: 'contradicts the defect codes' }],
    });
  if (input.noFaultFound && (input.grade === 'D' || input.grade === 'X'))
    throw new AppError('validation_failed', `no fault found, yet graded ${input.grade} (not working)`, {
      errors: [{ path: 'grade', message: 'contradicts "no fault found"' }],
    });
  return {
    grade: input.grade,
    missing: unansweredItems(results).map((r) => r.label),
    set: {
      checklist_version: checklists.version,
      checklist: JSON.stringify(results),
      grade: input.grade,
      defect_codes: JSON.stringify(defects),
      no_fault_found: input.noFaultFound ? 1 : 0,
      findings: input.findings,
      measurements: JSON.stringify(input.measurements),
      notes: input.notes,
    },
  };
}

/** Saves the record as it stands; the inspection is claimed by whoever saves it, if nobody had it. */
export async function recordInspection(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: RecordInspectionRequest & { expectedVersion: number },
) {
  assertCan(ctx.actor, 'inspection.perform');
  await run(platform, ctx, async (tx) => {
    const row = await findForChange(tx, id, input.expectedVersion);
    assertOpen(row);
    assertMine(ctx, row);
    const prepared = await prepareRecord(tx, row, input);
    await change(
      tx,
      row,
      {
        ...prepared.set,
        status: 'in_progress',
        assigned_to_id: ctx.actor.personId,
        assigned_to: ctx.actor.name,
        assigned_at: row.assigned_at ?? tx.now,
      },
      'inspection.recorded',
      { grade: prepared.grade },
    );
  });
}

/**
 * Completes the inspection: every required checklist item answered and a grade given. The claim
 * is judged against the findings. Regulated goods then wait for quality's sign-off; others are done.
 */
export async function completeInspection(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: RecordInspectionRequest & { grade: Grade; expectedVersion: number },
) {
  assertCan(ctx.actor, 'inspection.perform');
  await run(platform, ctx, async (tx) => {
    const row = await findForChange(tx, id, input.expectedVersion);
    assertOpen(row);
    assertMine(ctx, row);
    const prepared = await prepareRecord(tx, row, input);
    if (prepared.missing.length > 0)
      throw new AppError('validation_failed', `answer the checklist first: ${prepared.missing.join('; ')}`, {
        errors: prepared.missing.map((label) => ({ path: 'checklist', message: `${label}: not answered` })),
      });
    const line = (await findReturnLineDetails(tx.db, [row.rma_line_id])).get(row.rma_line_id);
    const reasons = await findCurrentConfigs(tx.db, ['reason_codes']);
    const fault = reasons.reason_codes.document.codes.find((c) => c.code === line?.reasonCode)?.fault ?? 'none';
    const verdict = line
      ? judgeClaim(
          { reasonCode: line.reasonCode, reasonFault: fault, claimedCondition: line.claimedCondition },
          { grade: input.grade, defectCodes: input.defectCodes, noFaultFound: input.noFaultFound },
        )
      : { verdict: 'not_assessed' as const, reason: 'the return line was not found' };
    const needsSignOff = row.sign_off_required === 1;
    await change(
      tx,
      row,
      {
        ...prepared.set,
        claim_verdict: verdict.verdict,
        claim_verdict_reason: verdict.reason,
        status: needsSignOff ? 'awaiting_sign_off' : 'completed',
        inspected_by: ctx.actor.name,
        inspected_by_id: ctx.actor.personId,
        inspected_at: tx.now,
        assigned_to_id: ctx.actor.personId,
        assigned_to: ctx.actor.name,
        completed_at: needsSignOff ? null : tx.now,
      },
      'inspection.completed',
      {
        grade: input.grade,
        defectCodes: input.defectCodes,
        claimVerdict: verdict.verdict,
        awaitingSignOff: needsSignOff,
      },
    );
    tx.emit({
      type: needsSignOff ? 'inspection.awaiting_sign_off' : 'inspection.completed',
      aggregateType: 'inspection',
      aggregateId: row.id,
      payload: {
        inspectionId: row.id,
        rmaId: row.rma_id,
        rmaLineId: row.rma_line_id,
        quantity: row.quantity,
        grade: input.grade,
        claimVerdict: verdict.verdict,
      },
    });
  });
}

/** Quality's second sign-off on regulated goods, by someone other than the inspector. */
export async function signOffInspection(
  platform: Platform,
  ctx: RequestContext,
  id: string,
  input: { decision: 'approve' | 'reject'; note: string; expectedVersion: number },
) {
  assertCan(ctx.actor, 'inspection.sign_off');
  await run(platform, ctx, async (tx) => {
    const row = await findForChange(tx, id, input.expectedVersion);
    if (row.status !== 'awaiting_sign_off')
      throw new AppError('invalid_transition', `inspection ${id} is not waiting for a sign-off`);
    if (row.inspected_by_id === ctx.actor.personId)
      throw new AppError('forbidden', 'the second sign-off must be by someone other than the inspector');
    if (input.decision === 'reject' && input.note.trim() === '')
      throw new AppError('validation_failed', 'say what must be looked at again', {
        errors: [{ path: 'note', message: 'required when rejecting' }],
      });
    const approved = input.decision === 'approve';
    await change(
      tx,
      row,
      approved
        ? {
            status: 'completed',
            signed_off_by: ctx.actor.name,
            signed_off_by_id: ctx.actor.personId,
            signed_off_at: tx.now,
            sign_off_note: input.note,
            completed_at: tx.now,
          }
        : { status: 'in_progress', sign_off_note: input.note },
      approved ? 'inspection.signed_off' : 'inspection.sign_off_rejected',
      { by: ctx.actor.name, note: input.note },
    );
    if (approved)
      tx.emit({
        type: 'inspection.completed',
        aggregateType: 'inspection',
        aggregateId: row.id,
        payload: { inspectionId: row.id, rmaId: row.rma_id, rmaLineId: row.rma_line_id, quantity: row.quantity },
      });
  });
}
