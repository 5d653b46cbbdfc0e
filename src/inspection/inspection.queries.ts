// Reading inspections: the queue of a site in priority order, one inspection whole (with the
// claim it is judged against and its photos), SLA breaches, and the facts the return's progress
// and disposition read.
import type { Kysely, Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type { Inspection, InspectionQueueItem } from '../contracts/inspection.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { minorUnitsOf } from '../platform/money/currencies.js';
import { toPage } from '../platform/pagination.js';
import { findCustomerNames, findProducts, productNameOf, productSkuOf, siteCodeOf } from '../masterdata/index.js';
import { findReturnLineDetails, findRmaNumbers } from '../returns/index.js';
import { compareQueueOrder, priorityOf } from './domain/queue-priority.js';
import { applyAnswers, checklistFor } from './domain/checklist.js';
import { findCurrentConfig } from '../configuration/index.js';
import type { InspectionPhotosTable, InspectionsTable } from './inspection.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

const OPEN = ['pending', 'in_progress', 'awaiting_sign_off'] as const;
/** A site's open queue is read whole and ordered in memory (priority depends on the clock). */
const QUEUE_READ_LIMIT = 5000;

const orNull = (text: string) => (text === '' ? null : text);

function withNames(db: Reader) {
  return db
    .selectFrom('inspections as i')
    .selectAll('i')
    .select([
      siteCodeOf('i.site_id').as('site_code'),
      productSkuOf('i.product_id').as('product_sku'),
      productNameOf('i.product_id').as('product_name'),
    ]);
}
type NamedRow = InspectionsTable & {
  site_code: string | null;
  product_sku: string | null;
  product_name: string | null;
};

function priorityFields(row: InspectionsTable, now: Date) {
  const p = priorityOf(
    {
      isRegulated: row.is_regulated === 1,
      valueAtRiskMinor: row.value_at_risk_minor,
      minorPerMajor: 10 ** minorUnitsOf(row.currency),
      customerTier: row.customer_tier,
      receivedAt: row.received_at,
      slaDueAt: row.sla_due_at,
    },
    now,
  );
  // A finished inspection is judged by when it finished, not by now. Awaiting sign-off is not
  // finished (nor is it inspected for the return's progress, nor off the SLA-breaches list): judged
  // by now, like its priority.
  const finished = row.completed_at;
  const slaState = finished ? (finished > row.sla_due_at ? 'breached' : 'on_time') : p.slaState;
  return { priority: p.priority, priorityReasons: p.reasons, slaState } as const;
}

function toQueueItem(
  row: NamedRow,
  now: Date,
  names: {
    rmaNumbers: ReadonlyMap<string, string>;
    lineNumbers: ReadonlyMap<string, number>;
    customers: ReadonlyMap<string, string>;
  },
): InspectionQueueItem {
  return {
    id: row.id,
    status: row.status,
    siteId: row.site_id,
    siteCode: row.site_code,
    rmaId: row.rma_id,
    rmaNumber: names.rmaNumbers.get(row.rma_id) ?? null,
    lineNumber: names.lineNumbers.get(row.rma_line_id) ?? null,
    productId: row.product_id,
    productSku: row.product_sku,
    productName: row.product_name,
    quantity: row.quantity,
    lot: orNull(row.lot),
    serial: orNull(row.serial),
    customerName: names.customers.get(row.rma_id) ?? null,
    customerTier: row.customer_tier,
    isRegulated: row.is_regulated === 1,
    valueAtRiskMinor: row.value_at_risk_minor,
    currency: row.currency,
    receivedAt: row.received_at,
    slaDueAt: row.sla_due_at,
    ...priorityFields(row, now),
    assignedTo: row.assigned_to,
    assignedToId: row.assigned_to_id,
    version: row.version,
  };
}

async function namesOf(db: Reader, rows: readonly InspectionsTable[]) {
  const rmaIds = [...new Set(rows.map((r) => r.rma_id))];
  const details = await findReturnLineDetails(db, [...new Set(rows.map((r) => r.rma_line_id))]);
  const names = await findCustomerNames(db, [...new Set([...details.values()].map((d) => d.customerId))]);
  // By return: every line of a return has the return's customer.
  const customers = new Map([...details.values()].map((d) => [d.rmaId, names.get(d.customerId) ?? '']));
  return {
    rmaNumbers: await findRmaNumbers(db, rmaIds),
    lineNumbers: new Map([...details.values()].map((d) => [d.id, d.lineNumber])),
    customers,
    details,
  };
}

export interface QueueFilter {
  siteId: string;
  status: 'open' | InspectionsTable['status'];
  assigned: 'any' | 'me' | 'nobody';
  sla: 'any' | 'breached' | 'due_soon';
  page: number;
  pageSize: number;
}

export async function listInspectionQueue(
  db: Reader,
  ctx: RequestContext,
  now: Date,
  filter: QueueFilter,
): Promise<Page<InspectionQueueItem> & { breached: number; dueSoon: number }> {
  assertCan(ctx.actor, 'inspection.read');
  let query = withNames(db).where('i.site_id', '=', filter.siteId);
  query = filter.status === 'open' ? query.where('i.status', 'in', OPEN) : query.where('i.status', '=', filter.status);
  if (filter.assigned === 'me') query = query.where('i.assigned_to_id', '=', ctx.actor.personId);
  if (filter.assigned === 'nobody') query = query.where('i.assigned_to_id', 'is', null);
  // Completed ones newest first; open ones are ordered by priority below.
  const rows = (await query
    .orderBy('i.received_at', filter.status === 'completed' ? 'desc' : 'asc')
    .orderBy('i.id')
    .limit(QUEUE_READ_LIMIT)
    .execute()) as NamedRow[];
  const names = await namesOf(db, rows);
  let items = rows.map((row) => toQueueItem(row, now, names));
  if (filter.status !== 'completed') items.sort(compareQueueOrder);
  const breached = items.filter((i) => i.slaState === 'breached').length;
  const dueSoon = items.filter((i) => i.slaState === 'due_soon').length;
  if (filter.sla !== 'any') items = items.filter((i) => i.slaState === filter.sla);
  const start = (filter.page - 1) * filter.pageSize;
  return {
    ...toPage(items.slice(start, start + filter.pageSize), filter.page, filter.pageSize, items.length),
    breached,
    dueSoon,
  };
}

/** Inspections past their SLA: still open and overdue, or (on request) finished late. */
export async function listSlaBreaches(
  db: Reader,
  ctx: RequestContext,
  now: Date,
  filter: { siteId?: string | undefined; includeCompleted: boolean; page: number; pageSize: number },
): Promise<Page<InspectionQueueItem>> {
  assertCan(ctx.actor, 'inspection.read');
  const nowIso = now.toISOString();
  let query = withNames(db).where((eb) =>
    filter.includeCompleted
      ? eb.or([
          eb.and([eb('i.status', 'in', OPEN), eb('i.sla_due_at', '<', nowIso)]),
          eb.and([eb('i.status', '=', 'completed'), eb('i.completed_at', '>', eb.ref('i.sla_due_at'))]),
        ])
      : eb.and([eb('i.status', 'in', OPEN), eb('i.sla_due_at', '<', nowIso)]),
  );
  if (filter.siteId) query = query.where('i.site_id', '=', filter.siteId);
  const total = Number(
    (
      await query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  // The id breaks ties of one due time (units received together): pages neither repeat nor skip.
  const rows = (await query
    .orderBy('i.sla_due_at')
    .orderBy('i.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute()) as NamedRow[];
  const names = await namesOf(db, rows);
  return toPage(
    rows.map((row) => toQueueItem(row, now, names)),
    filter.page,
    filter.pageSize,
    total,
  );
}

export function photoUrl(inspectionId: string, photoId: string): string {
  return `/api/v1/inspections/${inspectionId}/photos/${photoId}`;
}

export async function getInspection(db: Reader, ctx: RequestContext, now: Date, id: string): Promise<Inspection> {
  assertCan(ctx.actor, 'inspection.read');
  const row = (await withNames(db).where('i.id', '=', id).executeTakeFirst()) as NamedRow | undefined;
  if (!row) throw new AppError('not_found', `inspection ${id} was not found`);
  return toInspection(db, row, now);
}

export async function toInspection(db: Reader, row: NamedRow, now: Date): Promise<Inspection> {
  const names = await namesOf(db, [row]);
  const detail = names.details.get(row.rma_line_id);
  const [product] = await findProducts(db, [row.product_id]);
  const photos = await db
    .selectFrom('inspection_photos')
    .selectAll()
    .where('inspection_id', '=', row.id)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  const queue = toQueueItem(row, now, names);
  // Until the inspector saves answers, show the checklist that applies, unanswered.
  let checklist = JSON.parse(row.checklist) as Inspection['checklist'];
  let checklistVersion = row.checklist_version;
  if (checklistVersion === null) {
    const config = await findCurrentConfig(db, 'inspection_checklists');
    checklist = applyAnswers(checklistFor(config.document, product?.category ?? null), []).results;
    checklistVersion = config.version;
  }
  return {
    ...queue,
    rmaLineId: row.rma_line_id,
    receiptId: row.receipt_id,
    category: product?.category ?? null,
    splitFromId: row.split_from_id,
    customerId: detail?.customerId ?? null,
    claim: detail
      ? { reasonCode: detail.reasonCode, claimedCondition: detail.claimedCondition, note: detail.note }
      : null,
    checklistVersion,
    checklist,
    grade: row.grade,
    defectCodes: JSON.parse(row.defect_codes) as string[],
    noFaultFound: row.no_fault_found === 1,
    findings: row.findings,
    measurements: JSON.parse(row.measurements) as Inspection['measurements'],
    notes: row.notes,
    claimVerdict: row.claim_verdict,
    claimVerdictReason: row.claim_verdict_reason,
    inspectedBy: row.inspected_by,
    inspectedAt: row.inspected_at,
    signOffRequired: row.sign_off_required === 1,
    signedOffBy: row.signed_off_by,
    signedOffAt: row.signed_off_at,
    signOffNote: row.sign_off_note,
    completedAt: row.completed_at,
    photos: photos.map((p) => toPhoto(p)),
  };
}

export function toPhoto(p: InspectionPhotosTable) {
  return {
    id: p.id,
    sha256: p.sha256,
    contentType: p.content_type,
    bytes: p.bytes,
    fileName: p.file_name,
    uploadedBy: p.uploaded_by,
    uploadedAt: p.uploaded_at,
    url: photoUrl(p.inspection_id, p.id),
  };
}

/** Inspections of a return, newest last: the return page's inspection panel. */
export async function listInspectionsOfReturn(db: Reader, ctx: RequestContext, now: Date, rmaId: string) {
  assertCan(ctx.actor, 'inspection.read');
  const rows = (await withNames(db)
    .where('i.rma_id', '=', rmaId)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute()) as NamedRow[];
  const names = await namesOf(db, rows);
  return rows.map((row) => ({
    ...toQueueItem(row, now, names),
    grade: row.grade,
    claimVerdict: row.claim_verdict,
    inspectedBy: row.inspected_by,
    completedAt: row.completed_at,
  }));
}

/** A completed inspection, for disposition (which reads it through this, never the table). */
export async function findCompletedInspection(db: Reader, id: string) {
  const row = await db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const photos = await db
    .selectFrom('inspection_photos')
    .select(['id', 'sha256', 'inspection_id'])
    .where('inspection_id', '=', id)
    .execute();
  return {
    id: row.id,
    status: row.status,
    siteId: row.site_id,
    rmaId: row.rma_id,
    rmaLineId: row.rma_line_id,
    receiptId: row.receipt_id,
    productId: row.product_id,
    quantity: row.quantity,
    lot: row.lot,
    serial: row.serial,
    grade: row.grade,
    defectCodes: JSON.parse(row.defect_codes) as string[],
    noFaultFound: row.no_fault_found === 1,
    findings: row.findings,
    claimVerdict: row.claim_verdict,
    receivedAt: row.received_at,
    photos: photos.map((p) => ({ id: p.id, sha256: p.sha256, url: photoUrl(p.inspection_id, p.id) })),
  };
}
export type CompletedInspection = NonNullable<Awaited<ReturnType<typeof findCompletedInspection>>>;

/** Units inspected per return line (finished inspections): the return's progress reads this. */
export async function findInspectedUnits(db: Reader, rmaIds: readonly string[]) {
  if (rmaIds.length === 0) return [];
  const rows = await db
    .selectFrom('inspections')
    .select(['rma_line_id', (eb) => eb.fn.sum<number>('quantity').as('units')])
    .where('rma_id', 'in', rmaIds)
    .where('status', '=', 'completed')
    .groupBy('rma_line_id')
    .execute();
  return rows.map((r) => ({ rmaLineId: r.rma_line_id, inspected: Number(r.units) }));
}

/** Findings and defect codes of inspections, by id: what a work order's bench works from. */
export async function findInspectionFindings(db: Reader, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { findings: string; defectCodes: string[] }>();
  const rows = await db
    .selectFrom('inspections')
    .select(['id', 'findings', 'defect_codes'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { findings: r.findings, defectCodes: JSON.parse(r.defect_codes) as string[] }]),
  );
}

/**
 * Every open inspection past its SLA target, longest overdue first, with what a person needs to
 * find it (for the staff digest; no actor: the scheduled job reads it for the queue's staff).
 */
export function findOpenSlaBreaches(db: Reader, now: Date) {
  return db
    .selectFrom('inspections as i')
    .select([
      'i.id',
      'i.site_id',
      'i.rma_id',
      'i.quantity',
      'i.sla_due_at',
      productSkuOf('i.product_id').as('product_sku'),
    ])
    .where('i.status', 'in', OPEN)
    .where('i.sla_due_at', '<', now.toISOString())
    .orderBy('i.sla_due_at')
    .orderBy('i.id')
    .execute();
}
