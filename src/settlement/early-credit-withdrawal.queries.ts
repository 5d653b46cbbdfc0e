// Reading what was withdrawn of credit given ahead of proof for units that never arrived
// (early-credit-withdrawal.ts): for inspection (which proves only the units left), for a void and
// a new credit on the order line (which free only what is still credited), for progress (withdrawn
// units are not settled), for the memo's view, and for the reserve and customer-credit subledgers.
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { CreditMemoStatus } from '../contracts/settlement.js';
import type { DayEnd } from '../platform/calendar.js';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** Units withdrawn from each of these lines (they are the lines' last units). */
export async function withdrawnUnitsByLine(db: Reader, lineIds: readonly string[]): Promise<Map<string, number>> {
  if (lineIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('early_credit_withdrawals')
    .select(['credit_memo_line_id', (eb) => eb.fn.sum<number>('quantity').as('units')])
    .where('credit_memo_line_id', 'in', lineIds)
    .where('voided_at', 'is', null)
    .groupBy('credit_memo_line_id')
    .execute();
  return new Map(rows.map((row) => [row.credit_memo_line_id, Number(row.units)]));
}

/** Per line of a memo: the units and amount withdrawn (a void frees only what is still credited). */
export async function withdrawnOfMemoLines(db: Reader, memoId: string) {
  const rows = await db
    .selectFrom('early_credit_withdrawals')
    .select([
      'credit_memo_line_id',
      (eb) => eb.fn.sum<number>('quantity').as('units'),
      (eb) => eb.fn.sum<number>('total_minor').as('total'),
    ])
    .where('credit_memo_id', '=', memoId)
    .where('voided_at', 'is', null)
    .groupBy('credit_memo_line_id')
    .execute();
  return new Map(
    rows.map((row) => [row.credit_memo_line_id, { units: Number(row.units), totalMinor: Number(row.total) }]),
  );
}

/** The tax of an order line's units withdrawn from live memos (no longer given back). */
export async function withdrawnTaxOfOrderLine(db: Reader, orderLineId: string): Promise<number> {
  const row = await db
    .selectFrom('early_credit_withdrawals as w')
    .innerJoin('credit_memo_lines as l', 'l.id', 'w.credit_memo_line_id')
    .select((eb) => eb.fn.sum<number>('w.tax_minor').as('tax'))
    .where('l.order_line_id', '=', orderLineId)
    .where('w.voided_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.tax ?? 0);
}

/** Units withdrawn per return line of these returns, from memos in these statuses: they are not settled. */
export async function withdrawnUnitsByReturnLine(
  db: Reader,
  rmaIds: readonly string[],
  statuses: readonly CreditMemoStatus[],
) {
  if (rmaIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('early_credit_withdrawals as w')
    .innerJoin('credit_memos as m', 'm.id', 'w.credit_memo_id')
    .select(['w.rma_line_id', (eb) => eb.fn.sum<number>('w.quantity').as('units')])
    .where('w.rma_id', 'in', rmaIds)
    .where('m.status', 'in', statuses)
    .where('w.voided_at', 'is', null)
    .groupBy('w.rma_line_id')
    .execute();
  return new Map(rows.map((row) => [row.rma_line_id, Number(row.units)]));
}

/** Standing at a day's end (or now): recorded by then and not void by then. */
function standing(end: DayEnd | undefined) {
  return end
    ? sql<SqlBool>`(w.voided_at is null or w.voided_at >= ${end.before}) and w.created_at < ${end.before}`
    : sql<SqlBool>`w.voided_at is null`;
}

/** Per memo: what withdrawals took from the customer's credit, posted (in the books' currency). */
export async function withdrawnFromCredits(
  db: Reader,
  memoIds: readonly string[],
  end?: DayEnd,
): Promise<Map<string, number>> {
  if (memoIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('early_credit_withdrawals as w')
    .select(['w.credit_memo_id', (eb) => eb.fn.sum<number>('w.reserve_withdrawn_minor').as('total')])
    .where('w.credit_memo_id', 'in', memoIds)
    .where('w.entry_id', 'is not', null)
    .where(standing(end))
    .groupBy('w.credit_memo_id')
    .execute();
  return new Map(rows.map((row) => [row.credit_memo_id, Number(row.total ?? 0)]));
}

/** Per return: what withdrawals took out of an entity's reserve, posted (in the books' currency). */
export async function withdrawnFromReserve(db: Reader, legalEntityId: string, end?: DayEnd) {
  let query = db
    .selectFrom('early_credit_withdrawals as w')
    .innerJoin('credit_reserves as c', 'c.credit_memo_line_id', 'w.credit_memo_line_id')
    .select(['c.rma_id', (eb) => eb.fn.sum<number>('w.reserve_withdrawn_minor').as('withdrawn')])
    .where('c.legal_entity_id', '=', legalEntityId)
    .where('w.entry_id', 'is not', null)
    .where(standing(end))
    .where(
      end ? sql<SqlBool>`(c.voided_at is null or c.voided_at >= ${end.before})` : sql<SqlBool>`c.voided_at is null`,
    )
    .groupBy('c.rma_id');
  if (end) query = query.where('c.created_at', '<', end.before);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.rma_id, Number(row.withdrawn ?? 0)]));
}

/** The withdrawals of these lines, for the memo's view. */
export function findWithdrawalsOfLines(db: Reader, lineIds: readonly string[]) {
  return db
    .selectFrom('early_credit_withdrawals')
    .selectAll()
    .where('credit_memo_line_id', 'in', lineIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
