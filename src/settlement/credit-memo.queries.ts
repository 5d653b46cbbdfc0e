// Reading credit memos. Staff read them all; a customer reads only its own account's, and only
// once issued (a draft is the distributor's working paper). Another account's memo is a 404.
import type { Kysely, Transaction } from 'kysely';
import type { Page } from '../contracts/common.js';
import type { CreditMemo, CreditMemoStatus } from '../contracts/settlement.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan, isVisibleToActor } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { readPage, toPage } from '../platform/pagination.js';
import { customerNameOf, productSkuOf } from '../masterdata/index.js';
import { findRmaNumbers } from '../returns/index.js';
import type { CreditMemosTable } from './settlement.tables.js';
import { findLineReserves, findProvenInspections } from './credit-reserve.js';

type Reader = Kysely<DB> | Transaction<DB>;
const CUSTOMER_STATUSES: CreditMemoStatus[] = ['issued', 'applied'];

function named(db: Reader) {
  return db
    .selectFrom('credit_memos as cm')
    .selectAll('cm')
    .select(customerNameOf('cm.customer_id').as('customer_name'));
}
type NamedRow = CreditMemosTable & { customer_name: string | null };

async function memosOf(db: Reader, rows: NamedRow[]): Promise<CreditMemo[]> {
  if (rows.length === 0) return [];
  const [lines, numbers] = await Promise.all([
    db
      .selectFrom('credit_memo_lines as l')
      .selectAll('l')
      .select(productSkuOf('l.product_id').as('product_sku'))
      .where(
        'l.credit_memo_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('l.id')
      .execute(),
    findRmaNumbers(db, [...new Set(rows.map((row) => row.rma_id))]),
  ]);
  const statusOf = new Map(rows.map((row) => [row.id, row.status]));
  const reserves = await findLineReserves(
    db,
    lines.map((line) => ({ ...line, memoStatus: statusOf.get(line.credit_memo_id) ?? 'void' })),
  );
  return rows.map((row) => ({
    id: row.id,
    creditMemoNumber: row.credit_memo_number,
    rmaId: row.rma_id,
    rmaNumber: numbers.get(row.rma_id) ?? null,
    customerId: row.customer_id,
    customerName: row.customer_name,
    legalEntityId: row.legal_entity_id,
    currency: row.currency,
    status: row.status,
    priceMinor: row.price_minor,
    taxMinor: row.tax_minor,
    restockingFeeMinor: row.restocking_fee_minor,
    deductionMinor: row.deduction_minor,
    totalMinor: row.total_minor,
    needsFinanceApproval: row.needs_finance_approval === 1,
    policyVersion: row.policy_version,
    createdAt: row.created_at,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    issueEntryId: row.issue_entry_id,
    appliedAt: row.applied_at,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    version: row.version,
    lines: lines
      .filter((line) => line.credit_memo_id === row.id)
      .map((line) => ({
        id: line.id,
        rmaLineId: line.rma_line_id,
        orderLineId: line.order_line_id,
        // Lines voided before credit timing existed kept their inspection apart by its id.
        inspectionId: line.inspection_id?.split(':void:')[0] ?? null,
        basis: line.basis,
        reserve: reserves.get(line.id) ?? null,
        productId: line.product_id,
        productSku: line.product_sku,
        quantity: line.quantity,
        unitPriceMinor: line.unit_price_minor,
        priceMinor: line.price_minor,
        taxMinor: line.tax_minor,
        restockingFeeMinor: line.restocking_fee_minor,
        deductionMinor: line.deduction_minor,
        totalMinor: line.total_minor,
        explanation: line.explanation,
      })),
  }));
}

export interface CreditMemoFilter {
  status?: CreditMemoStatus | undefined;
  rmaId?: string | undefined;
  customerId?: string | undefined;
  legalEntityId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listCreditMemos(
  db: Reader,
  ctx: RequestContext,
  filter: CreditMemoFilter,
): Promise<Page<CreditMemo>> {
  assertCan(ctx.actor, 'credits.read');
  let query = named(db);
  if (ctx.actor.customerId !== null || ctx.actor.role === 'customer') {
    query = query.where('cm.customer_id', '=', ctx.actor.customerId ?? '').where('cm.status', 'in', CUSTOMER_STATUSES);
  }
  if (filter.status) query = query.where('cm.status', '=', filter.status);
  if (filter.rmaId) query = query.where('cm.rma_id', '=', filter.rmaId);
  if (filter.customerId) query = query.where('cm.customer_id', '=', filter.customerId);
  if (filter.legalEntityId) query = query.where('cm.legal_entity_id', '=', filter.legalEntityId);
  const { rows, total } = await readPage(
    query,
    query.orderBy('cm.created_at', 'desc').orderBy('cm.id', 'desc'),
    filter,
  );
  return toPage(await memosOf(db, rows as NamedRow[]), filter.page, filter.pageSize, total);
}

export async function getCreditMemo(db: Reader, ctx: RequestContext, id: string): Promise<CreditMemo> {
  assertCan(ctx.actor, 'credits.read');
  const row = (await named(db).where('cm.id', '=', id).executeTakeFirst()) as NamedRow | undefined;
  const customerMaySee = (r: NamedRow) => ctx.actor.role !== 'customer' || CUSTOMER_STATUSES.includes(r.status);
  if (!row || !isVisibleToActor(ctx.actor, row.customer_id) || !customerMaySee(row)) throw notFound('credit memo', id);
  return (await memosOf(db, [row]))[0]!;
}

/** Units of each return line credited on memos that were issued (or since applied): settled. */
export async function findSettledUnits(db: Reader, rmaIds: readonly string[]) {
  if (rmaIds.length === 0) return [];
  const rows = await db
    .selectFrom('credit_memo_lines as l')
    .innerJoin('credit_memos as cm', 'cm.id', 'l.credit_memo_id')
    .select(['l.rma_line_id', (eb) => eb.fn.sum<number>('l.quantity').as('units')])
    .where('cm.rma_id', 'in', rmaIds)
    .where('cm.status', 'in', ['issued', 'applied'])
    .groupBy('l.rma_line_id')
    .execute();
  return rows.map((row) => ({ rmaLineId: row.rma_line_id, settled: Number(row.units) }));
}

/**
 * The inspections of a return whose units are on a live (not void) credit memo — credited after
 * inspection, or proven against credit given ahead of it.
 */
export async function findCreditedInspections(db: Reader, rmaId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('credit_memo_lines as l')
    .innerJoin('credit_memos as cm', 'cm.id', 'l.credit_memo_id')
    .select('l.inspection_id')
    .where('cm.rma_id', '=', rmaId)
    .where('cm.status', '!=', 'void')
    .where('l.inspection_id', 'is not', null)
    .execute();
  const proven = await findProvenInspections(db, rmaId);
  return new Set([...rows.flatMap((row) => (row.inspection_id ? [row.inspection_id] : [])), ...proven]);
}

/** The chargebacks inspection took from an issued memo's credit, in the books' currency. */
export async function chargedBackOfMemo(db: Reader, memoId: string): Promise<number> {
  const row = await db
    .selectFrom('credit_reserve_releases')
    .select((eb) => eb.fn.sum<number>('charged_back_functional_minor').as('total'))
    .where('credit_memo_id', '=', memoId)
    .where('voided_at', 'is', null)
    .where('entry_id', 'is not', null)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/**
 * The customer-credit subledger of an entity: per issued (or applied) memo, the credit it gave
 * less what inspection charged back and what applying it cleared — debit-positive, like the
 * account's balance (a credit owed to the customer is negative).
 */
export async function openCustomerCredits(db: Reader, legalEntityId: string) {
  const memos = await db
    .selectFrom('credit_memos')
    .select(['id', 'functional_credit_minor', 'applied_functional_minor'])
    .where('legal_entity_id', '=', legalEntityId)
    .where('status', 'in', ['issued', 'applied'])
    .where('functional_credit_minor', 'is not', null)
    .execute();
  const chargebacks = await db
    .selectFrom('credit_reserve_releases')
    .select(['credit_memo_id', (eb) => eb.fn.sum<number>('charged_back_functional_minor').as('total')])
    .where('credit_memo_id', 'in', memos.length > 0 ? memos.map((memo) => memo.id) : [''])
    .where('voided_at', 'is', null)
    .where('entry_id', 'is not', null)
    .groupBy('credit_memo_id')
    .execute();
  const chargedBack = new Map(chargebacks.map((row) => [row.credit_memo_id, Number(row.total ?? 0)]));
  let totalMinor = 0;
  let items = 0;
  for (const memo of memos) {
    const open = memo.functional_credit_minor! - (chargedBack.get(memo.id) ?? 0) - (memo.applied_functional_minor ?? 0);
    if (open === 0) continue;
    totalMinor -= open;
    items += 1;
  }
  return { totalMinor, items };
}
