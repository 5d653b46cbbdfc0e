// Reading supplier claims. Staff who follow the money read them all; a supplier's own people and
// keys read only that supplier's (another's is a 404, never data), without what our books hold.
import type { Kysely, Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type { ClaimAging, ListClaimsQuery, SupplierClaim, SupplierViewClaim } from '../contracts/recovery.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { readPage, toPage } from '../platform/pagination.js';
import { productSkuOf, supplierNameOf } from '../masterdata/index.js';
import { vendorReturnNumberOf } from '../disposition/index.js';
import { findRmaNumbers } from '../returns/index.js';
import { ageClaims, claimAgeDays, OPEN_CLAIM_STATUSES } from './domain/claim-aging.js';
import type { SupplierClaimsTable } from './recovery.tables.js';
import { isSupplier } from './supplier-claims.js';

type Reader = Kysely<DB> | Transaction<DB>;
type NamedRow = SupplierClaimsTable & { supplier_name: string | null; vendor_return_number: string | null };

export type StaffSupplierClaim = SupplierClaim & { functionalCurrency: string; receivableMinor: number };
type AnyClaim = SupplierClaim | StaffSupplierClaim | SupplierViewClaim;

function assertMayRead(ctx: RequestContext) {
  assertCan(ctx.actor, isSupplier(ctx.actor) ? 'claims.supplier' : 'claims.read');
}

function named(db: Reader) {
  return db
    .selectFrom('supplier_claims as c')
    .selectAll('c')
    .select([
      supplierNameOf('c.supplier_id').as('supplier_name'),
      vendorReturnNumberOf('c.vendor_return_id').as('vendor_return_number'),
    ]);
}

async function claimsOf(db: Reader, rows: NamedRow[], ctx: RequestContext, today: string) {
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('supplier_claim_lines as l')
    .selectAll('l')
    .select(productSkuOf('l.product_id').as('product_sku'))
    .where(
      'l.claim_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('l.id')
    .execute();
  const numbers = await findRmaNumbers(db, [...new Set(lines.map((line) => line.rma_id))]);
  return rows.map((row): AnyClaim => {
    const claim: SupplierClaim = {
      id: row.id,
      claimNumber: row.claim_number,
      supplierId: row.supplier_id,
      supplierName: row.supplier_name,
      legalEntityId: row.legal_entity_id,
      vendorReturnId: row.vendor_return_id,
      vendorReturnNumber: row.vendor_return_number,
      currency: row.currency,
      status: row.status,
      claimedMinor: row.claimed_minor,
      acceptedMinor: row.accepted_minor,
      paidMinor: row.paid_minor,
      supplierReference: row.supplier_reference,
      submittedAt: row.submitted_at,
      acknowledgedAt: row.acknowledged_at,
      acknowledgedBy: row.acknowledged_by,
      decidedAt: row.decided_at,
      decidedBy: row.decided_by,
      decisionNote: row.decision_note,
      paidAt: row.paid_at,
      paymentReference: row.payment_reference,
      ageDays: claimAgeDays(row, today),
      version: row.version,
      lines: lines
        .filter((line) => line.claim_id === row.id)
        .map((line) => ({
          id: line.id,
          rmaId: line.rma_id,
          rmaNumber: numbers.get(line.rma_id) ?? null,
          rmaLineId: line.rma_line_id,
          inspectionId: line.inspection_id,
          productId: line.product_id,
          productSku: line.product_sku,
          quantity: line.quantity,
          lot: line.lot,
          serial: line.serial,
          basis: line.basis,
          unitCostMinor: line.unit_cost_minor,
          termsBps: line.terms_bps,
          claimedMinor: line.claimed_minor,
          acceptedMinor: line.accepted_minor,
          explanation: line.explanation,
          evidence: evidenceOf(line.evidence),
        })),
    };
    return isSupplier(ctx.actor)
      ? toSupplierView(claim)
      : { ...claim, functionalCurrency: row.functional_currency, receivableMinor: row.receivable_minor };
  });
}

function toSupplierView(claim: SupplierClaim): SupplierViewClaim {
  return {
    ...claim,
    lines: claim.lines.map(({ rmaId: _r, rmaLineId: _l, inspectionId: _i, ...line }) => line),
  };
}

/**
 * The inspection a photo of the claim's evidence belongs to, for whoever may read the claim (a
 * supplier only its own); a photo that is not on the claim is not found.
 */
export async function findEvidencePhoto(db: Reader, ctx: RequestContext, claimId: string, photoId: string) {
  assertMayRead(ctx);
  const claim = await db
    .selectFrom('supplier_claims')
    .select(['id', 'supplier_id'])
    .where('id', '=', claimId)
    .executeTakeFirst();
  if (!claim || (isSupplier(ctx.actor) && claim.supplier_id !== ctx.actor.partnerId))
    throw new AppError('not_found', `supplier claim ${claimId} was not found`);
  const lines = await db
    .selectFrom('supplier_claim_lines')
    .select(['inspection_id', 'evidence'])
    .where('claim_id', '=', claimId)
    .execute();
  const line = lines.find((l) => evidenceOf(l.evidence).photos.some((photo) => photo.id === photoId));
  if (!line) throw new AppError('not_found', `photo ${photoId} is not evidence of supplier claim ${claimId}`);
  return { inspectionId: line.inspection_id };
}

/** The inspection's evidence as the vendor return carried it (older rows may lack a field). */
function evidenceOf(text: string): SupplierClaim['lines'][number]['evidence'] {
  const raw = JSON.parse(text) as Partial<SupplierClaim['lines'][number]['evidence']> | null;
  return {
    defectCodes: raw?.defectCodes ?? [],
    findings: raw?.findings ?? '',
    noFaultFound: raw?.noFaultFound ?? false,
    photos: (raw?.photos ?? []).map((photo) => ({ id: photo.id, sha256: photo.sha256 })),
  };
}

export async function listSupplierClaims(
  db: Reader,
  ctx: RequestContext,
  filter: ListClaimsQuery,
  today: string,
): Promise<Page<AnyClaim>> {
  assertMayRead(ctx);
  let query = named(db);
  if (isSupplier(ctx.actor)) {
    // A supplier login not tied to a supplier has no claims.
    if (!ctx.actor.partnerId) return toPage([], filter.page, filter.pageSize, 0);
    query = query.where('c.supplier_id', '=', ctx.actor.partnerId);
  }
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.open === 'true') query = query.where('c.status', 'in', [...OPEN_CLAIM_STATUSES]);
  if (filter.open === 'false') query = query.where('c.status', 'not in', [...OPEN_CLAIM_STATUSES]);
  if (filter.supplierId) query = query.where('c.supplier_id', '=', filter.supplierId);
  if (filter.legalEntityId) query = query.where('c.legal_entity_id', '=', filter.legalEntityId);
  if (filter.submittedFrom) query = query.where('c.submitted_at', '>=', filter.submittedFrom);
  if (filter.submittedTo) query = query.where('c.submitted_at', '<', `${filter.submittedTo}\uffff`);
  if (filter.rmaId) {
    const rmaId = filter.rmaId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('supplier_claim_lines as fl')
          .select('fl.id')
          .whereRef('fl.claim_id', '=', 'c.id')
          .where('fl.rma_id', '=', rmaId),
      ),
    );
  }
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        eb('c.claim_number', '=', q.toUpperCase()),
        eb('c.supplier_reference', '=', q),
        eb(vendorReturnNumberOf('c.vendor_return_id'), '=', q.toUpperCase()),
      ]),
    );
  }
  const { rows, total } = await readPage(
    query,
    query.orderBy('c.submitted_at', 'desc').orderBy('c.id', 'desc'),
    filter,
  );
  return toPage(await claimsOf(db, rows as NamedRow[], ctx, today), filter.page, filter.pageSize, total);
}

export async function getSupplierClaim(db: Reader, ctx: RequestContext, id: string, today: string): Promise<AnyClaim> {
  assertMayRead(ctx);
  const row = await named(db).where('c.id', '=', id).executeTakeFirst();
  if (!row || (isSupplier(ctx.actor) && row.supplier_id !== ctx.actor.partnerId))
    throw new AppError('not_found', `supplier claim ${id} was not found`);
  return (await claimsOf(db, [row], ctx, today))[0]!;
}

/** Open claims by supplier in age buckets, and how long paid claims took: finance's board. */
export async function supplierClaimAging(
  db: Reader,
  ctx: RequestContext,
  filter: { legalEntityId?: string | undefined; supplierId?: string | undefined },
  today: string,
): Promise<ClaimAging> {
  assertCan(ctx.actor, 'claims.read');
  let query = db
    .selectFrom('supplier_claims as c')
    .select([
      'c.supplier_id',
      supplierNameOf('c.supplier_id').as('supplier_name'),
      'c.currency',
      'c.status',
      'c.submitted_at',
      'c.decided_at',
      'c.paid_at',
      'c.claimed_minor',
      'c.accepted_minor',
      'c.paid_minor',
    ]);
  if (filter.legalEntityId) query = query.where('c.legal_entity_id', '=', filter.legalEntityId);
  if (filter.supplierId) query = query.where('c.supplier_id', '=', filter.supplierId);
  return { asOf: today, rows: ageClaims(await query.execute(), today) };
}

/** The supplier-claims subledger: what the books should hold as vendor receivable, per claim. */
export async function openClaimReceivables(db: Reader, legalEntityId: string) {
  const rows = await db
    .selectFrom('supplier_claims')
    .select(['id', 'claim_number', 'supplier_id', 'status', 'receivable_minor', 'functional_currency'])
    .where('legal_entity_id', '=', legalEntityId)
    .where('receivable_minor', '!=', 0)
    .orderBy('claim_number')
    .execute();
  return rows.map((row) => ({
    claimId: row.id,
    claimNumber: row.claim_number,
    supplierId: row.supplier_id,
    receivableMinor: row.receivable_minor,
  }));
}

/** The open claims as they stood at the end of a day: each one's receivable changes posted by then. */
export async function claimReceivablesThrough(db: Reader, legalEntityId: string, through: string) {
  const rows = await db
    .selectFrom('supplier_claim_receivable_changes as r')
    .innerJoin('supplier_claims as c', 'c.id', 'r.claim_id')
    .select((eb) => ['c.id', 'c.claim_number', 'c.supplier_id', eb.fn.sum<number>('r.change_minor').as('receivable')])
    .where('r.legal_entity_id', '=', legalEntityId)
    .where('r.posting_date', '<=', through)
    .groupBy(['c.id', 'c.claim_number', 'c.supplier_id'])
    .orderBy('c.claim_number')
    .execute();
  return rows
    .map((row) => ({
      claimId: row.id,
      claimNumber: row.claim_number,
      supplierId: row.supplier_id,
      receivableMinor: Number(row.receivable),
    }))
    .filter((row) => row.receivableMinor !== 0);
}
