// Work orders: repair or refurbishment of dispositioned units, on our own bench or by a repair
// partner. Staff see them all; a repair partner (its users and API keys) sees only its own, in a
// shape without customer, return or values other than its own cost — another partner's work
// order is a 404, never data. The outcome (repaired at a grade, or beyond repair) is recorded by
// the bench or the partner; the workflow around it moves the units on.
import type { Kysely, Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type { PartnerWorkOrder, WorkOrder } from '../contracts/disposition.js';
import type { Grade } from '../contracts/inspection-vocabulary.js';
import type { Actor, RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { readPage, toPage } from '../platform/pagination.js';
import type { Tx } from '../platform/unit-of-work.js';
import { partnerNameOf, productNameOf, productSkuOf, siteCodeOf } from '../masterdata/index.js';
import { findRmaNumbers } from '../returns/index.js';
import { findInspectionFindings } from '../inspection/index.js';
import { gradedValue } from './domain/disposition-actions.js';
import { unitView } from './disposition.queries.js';
import type { WorkOrdersTable } from './disposition.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

function named(db: Reader) {
  return db
    .selectFrom('work_orders as w')
    .leftJoin('dispositions as d', 'd.id', 'w.disposition_id')
    .selectAll('w')
    .select([
      siteCodeOf('w.site_id').as('site_code'),
      productSkuOf('w.product_id').as('product_sku'),
      productNameOf('w.product_id').as('product_name'),
      partnerNameOf('w.partner_id').as('partner_name'),
      'd.inspection_id as inspection_id',
    ]);
}
type Named = WorkOrdersTable & {
  site_code: string | null;
  product_sku: string | null;
  product_name: string | null;
  partner_name: string | null;
  inspection_id: string | null;
};

type Findings = ReadonlyMap<string, { findings: string; defectCodes: string[] }>;

/** What the inspection found, which the bench or partner works from (read through inspection's index). */
function findingsOf(db: Reader, rows: readonly Named[]): Promise<Findings> {
  return findInspectionFindings(
    db,
    rows.map((r) => r.inspection_id).filter((id): id is string => id !== null),
  );
}

function toWorkOrder(row: Named, rmaNumbers: ReadonlyMap<string, string>, findings: Findings): WorkOrder {
  const found = row.inspection_id ? findings.get(row.inspection_id) : undefined;
  return {
    id: row.id,
    workOrderNumber: row.work_order_number,
    dispositionId: row.disposition_id,
    ...unitView(row, rmaNumbers),
    kind: row.kind,
    performer: row.performer,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    status: row.status,
    currency: row.currency,
    unitValueMinor: row.unit_value_minor,
    estimatedCostMinor: row.estimated_cost_minor,
    actualCostMinor: row.actual_cost_minor,
    outcome: row.outcome,
    outcomeGrade: row.outcome_grade,
    gradedValueMinor: row.graded_value_minor,
    outcomeNote: row.outcome_note,
    reportedBy: row.reported_by,
    reportedAt: row.reported_at,
    findings: found?.findings ?? null,
    defectCodes: found?.defectCodes ?? [],
    createdAt: row.created_at,
    version: row.version,
  };
}

export function toPartnerView(order: WorkOrder): PartnerWorkOrder {
  return {
    id: order.id,
    workOrderNumber: order.workOrderNumber,
    productSku: order.productSku,
    productName: order.productName,
    quantity: order.quantity,
    lot: order.lot,
    serial: order.serial,
    kind: order.kind,
    status: order.status,
    currency: order.currency,
    estimatedCostMinor: order.estimatedCostMinor,
    actualCostMinor: order.actualCostMinor,
    outcome: order.outcome,
    outcomeGrade: order.outcomeGrade,
    outcomeNote: order.outcomeNote,
    reportedAt: order.reportedAt,
    findings: order.findings,
    defectCodes: order.defectCodes,
    createdAt: order.createdAt,
    version: order.version,
  };
}

export const isPartner = (actor: Actor) => actor.role === 'repair_partner';

/** Staff: any work order. A repair partner: only its own (another's is not found). */
export async function getWorkOrder(db: Reader, ctx: RequestContext, id: string): Promise<WorkOrder> {
  if (isPartner(ctx.actor)) assertCan(ctx.actor, 'workorders.partner');
  else assertCan(ctx.actor, 'inspection.read');
  const row = (await named(db).where('w.id', '=', id).executeTakeFirst()) as Named | undefined;
  if (!row || (isPartner(ctx.actor) && (!ctx.actor.partnerId || row.partner_id !== ctx.actor.partnerId)))
    throw new AppError('not_found', `work order ${id} was not found`);
  return toWorkOrder(row, await findRmaNumbers(db, [row.rma_id]), await findingsOf(db, [row]));
}

export async function listWorkOrders(
  db: Reader,
  ctx: RequestContext,
  filter: {
    status: 'open' | 'completed' | 'any';
    siteId?: string | undefined;
    performer: 'internal' | 'partner' | 'any';
    page: number;
    pageSize: number;
  },
): Promise<Page<WorkOrder>> {
  let query = named(db);
  if (isPartner(ctx.actor)) {
    assertCan(ctx.actor, 'workorders.partner');
    // A partner login not tied to a partner has no work (and a NUL placeholder would make
    // PostgreSQL refuse the query: a 500).
    if (!ctx.actor.partnerId) return toPage([], filter.page, filter.pageSize, 0);
    query = query.where('w.partner_id', '=', ctx.actor.partnerId);
  } else assertCan(ctx.actor, 'inspection.read');
  if (filter.status !== 'any') query = query.where('w.status', '=', filter.status);
  if (filter.siteId) query = query.where('w.site_id', '=', filter.siteId);
  if (filter.performer !== 'any') query = query.where('w.performer', '=', filter.performer);
  const { rows, total } = await readPage(query, query.orderBy('w.created_at', 'desc').orderBy('w.id'), filter);
  const numbers = await findRmaNumbers(db, [...new Set(rows.map((r) => r.rma_id))]);
  const findings = await findingsOf(db, rows);
  return toPage(
    (rows as Named[]).map((row) => toWorkOrder(row, numbers, findings)),
    filter.page,
    filter.pageSize,
    total,
  );
}

export interface OutcomeInput {
  outcome: 'repaired' | 'beyond_repair';
  actualCostMinor: number;
  grade?: Grade | undefined;
  note: string;
  expectedVersion: number;
}

/**
 * The step: the outcome recorded on the work order. Our bench reports under `workorders.report`;
 * a partner under `workorders.partner`, and only on its own work orders.
 */
export async function recordWorkOrderOutcome(tx: Tx, id: string, input: OutcomeInput): Promise<WorkOrdersTable> {
  const partner = isPartner(tx.ctx.actor);
  assertCan(tx.ctx.actor, partner ? 'workorders.partner' : 'workorders.report');
  const row = await tx.db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (partner && (!tx.ctx.actor.partnerId || row.partner_id !== tx.ctx.actor.partnerId)))
    throw new AppError('not_found', `work order ${id} was not found`);
  if (!partner && row.performer === 'partner')
    throw new AppError(
      'rule_violation',
      `work order ${row.work_order_number} is with a repair partner, who reports its outcome`,
    );
  if (row.version !== input.expectedVersion)
    throw new AppError(
      'precondition_failed',
      `work order ${row.work_order_number} changed (version ${row.version}); reload`,
    );
  if (row.status !== 'open')
    throw new AppError(
      'invalid_transition',
      `work order ${row.work_order_number} is already completed (${row.outcome})`,
    );
  if (input.outcome === 'beyond_repair' && input.grade)
    throw new AppError('validation_failed', 'a unit beyond repair has no grade', {
      errors: [{ path: 'grade', message: 'leave empty when beyond repair' }],
    });
  const grade: Grade | null = input.outcome === 'repaired' ? (input.grade ?? 'B') : null;
  if (grade === 'D' || grade === 'X')
    throw new AppError('validation_failed', `a repaired unit works: grade A, B or C, not ${grade}`, {
      errors: [{ path: 'grade', message: 'A, B or C' }],
    });
  const done: WorkOrdersTable = {
    ...row,
    status: 'completed',
    outcome: input.outcome,
    outcome_grade: grade,
    actual_cost_minor: input.actualCostMinor,
    graded_value_minor: grade ? gradedValue(row.unit_value_minor, grade) * row.quantity : 0,
    outcome_note: input.note,
    reported_by: tx.ctx.actor.name,
    reported_by_id: tx.ctx.actor.personId,
    reported_at: tx.now,
    version: row.version + 1,
    updated_at: tx.now,
  };
  const updated = await tx.db
    .updateTable('work_orders')
    .set({
      status: done.status,
      outcome: done.outcome,
      outcome_grade: done.outcome_grade,
      actual_cost_minor: done.actual_cost_minor,
      graded_value_minor: done.graded_value_minor,
      outcome_note: done.outcome_note,
      reported_by: done.reported_by,
      reported_by_id: done.reported_by_id,
      reported_at: done.reported_at,
      version: done.version,
      updated_at: done.updated_at,
    })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError(
      'version_conflict',
      `work order ${row.work_order_number} was changed at the same moment; reload`,
    );
  tx.audit({
    entityType: 'work_order',
    entityId: id,
    streamId: row.rma_id,
    action: 'work_order.completed',
    after: {
      outcome: done.outcome,
      grade,
      actualCostMinor: done.actual_cost_minor,
      gradedValueMinor: done.graded_value_minor,
      note: done.outcome_note,
    },
  });
  tx.emit({
    type: 'work_order.completed',
    aggregateType: 'work_order',
    aggregateId: id,
    payload: {
      workOrderId: id,
      number: row.work_order_number,
      outcome: done.outcome,
      actualCostMinor: done.actual_cost_minor,
      currency: row.currency,
    },
  });
  return done;
}
