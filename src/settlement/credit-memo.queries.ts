// Reading credit memos. Staff read them all; a customer reads only its own account's, and only
// once issued (a draft is the distributor's working paper). Another account's memo is a 404.
import type { DayEnd } from '../platform/calendar.js';
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
import { withdrawnFromCredits, withdrawnUnitsByReturnLine } from './early-credit-withdrawal.queries.js';

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
  // Units withdrawn because they never arrived are not settled (an unissued memo's withdrawn
  // units are not counted above to begin with, so only issued ones are taken off).
  const withdrawn = await withdrawnUnitsByReturnLine(db, rmaIds, ['issued', 'applied']);
  return rows.map((row) => ({
    rmaLineId: row.rma_line_id,
    settled: Number(row.units) - (withdrawn.get(row.rma_line_id) ?? 0),
  }));
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

/**
 * What inspection charged back from an issued memo's credit, and what was withdrawn from it for
 * units that never arrived, in the books' currency.
 */
export async function chargedBackOfMemo(db: Reader, memoId: string): Promise<number> {
  const row = await db
    .selectFrom('credit_reserve_releases')
    .select((eb) => eb.fn.sum<number>('charged_back_functional_minor').as('total'))
    .where('credit_memo_id', '=', memoId)
    .where('voided_at', 'is', null)
    .where('entry_id', 'is not', null)
    .executeTakeFirst();
  const withdrawn = await withdrawnFromCredits(db, [memoId]);
  return Number(row?.total ?? 0) + (withdrawn.get(memoId) ?? 0);
}

/**
 * The customer-credit subledger of an entity: per issued (or applied) memo, the credit it gave
 * less what inspection charged back, what was withdrawn for units that never arrived
 * (early-credit-withdrawal.ts) and what applying it cleared — debit-positive, like the
 * account's balance (a credit owed to the customer is negative). With `end`, as the memos stood
 * at the end of that day: issued by then and not yet voided, less the charge-backs posted and the
 * application made by then.
 */
export async function openCustomerCredits(db: Reader, legalEntityId: string, end?: DayEnd) {
  let memoQuery = db
    .selectFrom('credit_memos')
    .select(['id', 'functional_credit_minor', 'applied_functional_minor', 'applied_at'])
    .where('legal_entity_id', '=', legalEntityId)
    .where('functional_credit_minor', 'is not', null);
  memoQuery = end
    ? memoQuery
        .where('issued_at', '<', end.before)
        .where((eb) => eb.or([eb('voided_at', 'is', null), eb('voided_at', '>=', end.before)]))
    : memoQuery.where('status', 'in', ['issued', 'applied']);
  const memos = await memoQuery.execute();
  // A charge-back posts when its inspection is recorded, or when the memo is issued if that is
  // later: for a memo issued by the day's end, one recorded by then had posted by then.
  let chargebackQuery = db
    .selectFrom('credit_reserve_releases')
    .select(['credit_memo_id', (eb) => eb.fn.sum<number>('charged_back_functional_minor').as('total')])
    .where('credit_memo_id', 'in', memos.length > 0 ? memos.map((memo) => memo.id) : [''])
    .where('entry_id', 'is not', null)
    .groupBy('credit_memo_id');
  chargebackQuery = end
    ? chargebackQuery
        .where('created_at', '<', end.before)
        .where((eb) => eb.or([eb('voided_at', 'is', null), eb('voided_at', '>=', end.before)]))
    : chargebackQuery.where('voided_at', 'is', null);
  const chargebacks = await chargebackQuery.execute();
  const chargedBack = new Map(chargebacks.map((row) => [row.credit_memo_id, Number(row.total ?? 0)]));
  const withdrawn = await withdrawnFromCredits(
    db,
    memos.map((memo) => memo.id),
    end,
  );
  let totalMinor = 0;
  let items = 0;
  for (const memo of memos) {
    const applied = !end || (memo.applied_at !== null && memo.applied_at < end.before);
    const open =
      memo.functional_credit_minor! -
      (chargedBack.get(memo.id) ?? 0) -
      (withdrawn.get(memo.id) ?? 0) -
      (applied ? (memo.applied_functional_minor ?? 0) : 0);
    if (open === 0) continue;
    totalMinor -= open;
    items += 1;
  }
  return { totalMinor, items };
}
