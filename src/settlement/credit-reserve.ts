// Credit given ahead of proof and the returns reserve. A trusted customer's units may be credited
// when the return is authorized or its goods received (domain/credit-timing.ts); issuing such a
// memo books the early lines' credit into the reserve, not sales returns (credit_reserves). When
// inspection later finds the units, their share leaves the reserve — released into sales returns,
// or, when the claim is contradicted, the deduction charged back (credit_reserve_releases). A
// release recorded while the memo is still unissued is posted when it is issued; voiding the memo
// voids both. The reserve open for an entity is what it booked less what inspection released and
// what was withdrawn for units that never arrived (early-credit-withdrawal.ts).
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { SettlementPolicy } from '../contracts/configuration.js';
import type { LineReserveSchema } from '../contracts/settlement.js';
import type { DB } from '../platform/db/database.js';
import type { DayEnd } from '../platform/calendar.js';
import { lockForTransaction } from '../platform/db/transaction-lock.js';
import type { Tx } from '../platform/unit-of-work.js';
import type { z } from 'zod';
import type { Grade } from './domain/credit-calculation.js';
import { releaseOf, shareOfUnits } from './domain/reserve-release.js';
import type { CreditReserveReleasesTable, CreditReservesTable } from './credit-reserve.tables.js';
import { recordWithdrawalsVoid } from './early-credit-withdrawal.js';
import {
  findWithdrawalsOfLines,
  withdrawnFromReserve,
  withdrawnUnitsByLine,
} from './early-credit-withdrawal.queries.js';

type Reader = Kysely<DB> | Transaction<DB>;
const EARLY_BASES = ['authorization', 'receipt'] as const;

/** Per return line: units on live memos (any basis), and what early credit they already hold. */
export async function findReturnLineCredits(db: Reader, rmaId: string) {
  const rows = await db
    .selectFrom('credit_memo_lines as l')
    .innerJoin('credit_memos as m', 'm.id', 'l.credit_memo_id')
    .select(['l.rma_line_id', 'l.quantity', 'l.basis', 'l.credit_key'])
    .where('m.rma_id', '=', rmaId)
    .where('m.status', '!=', 'void')
    .execute();
  const byLine = new Map<
    string,
    { creditedUnits: number; hasAuthorizationCredit: boolean; creditedReceiptLines: Set<string> }
  >();
  for (const row of rows) {
    const line = byLine.get(row.rma_line_id) ?? {
      creditedUnits: 0,
      hasAuthorizationCredit: false,
      creditedReceiptLines: new Set<string>(),
    };
    line.creditedUnits += row.quantity;
    if (row.basis === 'authorization') line.hasAuthorizationCredit = true;
    if (row.basis === 'receipt') line.creditedReceiptLines.add(row.credit_key.slice('receipt:'.length));
    byLine.set(row.rma_line_id, line);
  }
  return byLine;
}

/** A release the books must take: its share of the reserve, at the rate the reserve was booked. */
export interface ReleaseToPost {
  release: CreditReserveReleasesTable;
  reserve: CreditReservesTable;
  /** The release's share of the reserve, in the books' currency (cumulative over the line's units). */
  reserveReleasedMinor: number;
  memo: { id: string; number: string | null; currency: string };
}

export interface InspectedUnits {
  id: string;
  rmaLineId: string;
  quantity: number;
  claimVerdict: 'confirmed' | 'contradicted' | 'not_assessed' | null;
  grade: Grade | null;
}

/**
 * The step, when inspected units are dispositioned: as many of them as the return line's live
 * early credit has not yet seen inspected are proven against it, oldest early line first. Returns
 * how many units that covered (the caller credits only the rest) and the releases the books take
 * now — those of memos already issued; the others wait for the memo's issue.
 */
export async function recordEarlyCreditProof(
  tx: Tx,
  inspection: InspectedUnits,
  policy: Pick<SettlementPolicy, 'damageDeductionBpsByGrade'>,
): Promise<{ provenUnits: number; creditMemoId: string | null; toPost: ReleaseToPost[] }> {
  await lockForTransaction(tx, `early-credit:${inspection.rmaLineId}`);
  const earlyLines = await tx.db
    .selectFrom('credit_memo_lines as l')
    .innerJoin('credit_memos as m', 'm.id', 'l.credit_memo_id')
    .selectAll('l')
    .select(['m.status', 'm.credit_memo_number', 'm.currency', 'm.rma_id'])
    .where('l.rma_line_id', '=', inspection.rmaLineId)
    .where('l.basis', 'in', EARLY_BASES)
    .where('m.status', '!=', 'void')
    .orderBy('m.created_at')
    .orderBy('l.id')
    .execute();
  if (earlyLines.length === 0) return { provenUnits: 0, creditMemoId: null, toPost: [] };
  const proven = await provenUnitsOf(
    tx.db,
    earlyLines.map((line) => line.id),
  );
  const reserves = await reservesOf(
    tx.db,
    earlyLines.map((line) => line.id),
  );
  // A line's last units may have been withdrawn (never received): inspection proves only the rest.
  const withdrawn = await withdrawnUnitsByLine(
    tx.db,
    earlyLines.map((line) => line.id),
  );
  let left = inspection.quantity - (proven.byInspection.get(inspection.id) ?? 0);
  let creditMemoId: string | null = null;
  const toPost: ReleaseToPost[] = [];
  const touched = new Set<string>();
  for (const line of earlyLines) {
    const before = proven.byLine.get(line.id) ?? 0;
    const units = Math.min(left, line.quantity - before - (withdrawn.get(line.id) ?? 0));
    if (units <= 0) continue;
    // A void racing this must not leave a release on a void memo: the memo's version moves with it.
    if (!touched.has(line.credit_memo_id)) {
      if (!(await touchLiveMemo(tx, line.credit_memo_id))) continue;
      touched.add(line.credit_memo_id);
    }
    const computed = releaseOf(
      {
        quantity: line.quantity,
        unitPriceMinor: line.unit_price_minor,
        priceMinor: line.price_minor,
        taxMinor: line.tax_minor,
        restockingFeeMinor: line.restocking_fee_minor,
      },
      before,
      units,
      { claimVerdict: inspection.claimVerdict, grade: inspection.grade },
      policy,
    );
    const release: CreditReserveReleasesTable = {
      id: tx.ids.next('crr'),
      credit_memo_line_id: line.id,
      credit_memo_id: line.credit_memo_id,
      rma_id: line.rma_id,
      rma_line_id: line.rma_line_id,
      inspection_id: inspection.id,
      quantity: units,
      units_before: before,
      claim_verdict: inspection.claimVerdict,
      grade: inspection.grade,
      price_minor: computed.priceMinor,
      tax_minor: computed.taxMinor,
      restocking_fee_minor: computed.restockingFeeMinor,
      charged_back_minor: computed.chargedBackMinor,
      released_minor: computed.releasedMinor,
      explanation: computed.explanation,
      reserve_released_minor: null,
      charged_back_functional_minor: null,
      entry_id: null,
      created_at: tx.now,
      created_by: tx.ctx.actor.name,
      voided_at: null,
    };
    await tx.db.insertInto('credit_reserve_releases').values(release).execute();
    tx.audit({
      entityType: 'credit_memo',
      entityId: line.credit_memo_id,
      streamId: line.rma_id,
      action: computed.chargedBackMinor > 0 ? 'credit_memo.reserve_charged_back' : 'credit_memo.reserve_released',
      after: {
        creditMemoLineId: line.id,
        inspectionId: inspection.id,
        quantity: units,
        claimVerdict: inspection.claimVerdict,
        grade: inspection.grade,
        chargedBackMinor: computed.chargedBackMinor,
        releasedMinor: computed.releasedMinor,
        explanation: computed.explanation,
      },
    });
    const reserve = reserves.get(line.id);
    if (reserve)
      toPost.push({
        release,
        reserve,
        reserveReleasedMinor: shareOfUnits(reserve.reserved_minor, before, units, line.quantity),
        memo: { id: line.credit_memo_id, number: line.credit_memo_number, currency: line.currency },
      });
    creditMemoId = line.credit_memo_id;
    left -= units;
  }
  return { provenUnits: inspection.quantity - left, creditMemoId, toPost };
}

async function touchLiveMemo(tx: Tx, memoId: string): Promise<boolean> {
  const touched = await tx.db
    .updateTable('credit_memos')
    .set({ version: sql<number>`version + 1`, updated_at: tx.now })
    .where('id', '=', memoId)
    .where('status', '!=', 'void')
    .executeTakeFirst();
  return Number(touched.numUpdatedRows) === 1;
}

async function provenUnitsOf(db: Reader, lineIds: readonly string[]) {
  const rows = await db
    .selectFrom('credit_reserve_releases')
    .select(['credit_memo_line_id', 'inspection_id', 'quantity'])
    .where('credit_memo_line_id', 'in', lineIds)
    .where('voided_at', 'is', null)
    .execute();
  const byLine = new Map<string, number>();
  const byInspection = new Map<string, number>();
  for (const row of rows) {
    byLine.set(row.credit_memo_line_id, (byLine.get(row.credit_memo_line_id) ?? 0) + row.quantity);
    byInspection.set(row.inspection_id, (byInspection.get(row.inspection_id) ?? 0) + row.quantity);
  }
  return { byLine, byInspection };
}

async function reservesOf(db: Reader, lineIds: readonly string[]): Promise<Map<string, CreditReservesTable>> {
  if (lineIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('credit_reserves')
    .selectAll()
    .where('credit_memo_line_id', 'in', lineIds)
    .where('voided_at', 'is', null)
    .execute();
  return new Map(rows.map((row) => [row.credit_memo_line_id, row]));
}

/**
 * The step, when a memo is issued: its early lines' reserve, in the books' currency at the issue's
 * rate, and the releases inspection recorded before the issue — which the books take now.
 */
export async function recordCreditReserves(
  tx: Tx,
  memo: { id: string; credit_memo_number: string | null; currency: string; legal_entity_id: string; rma_id: string },
  booked: {
    currency: string;
    rate: string;
    entryId: string | null;
    lines: ReadonlyArray<{ id: string; reservedMinor: number }>;
  },
): Promise<ReleaseToPost[]> {
  if (booked.lines.length === 0) return [];
  const rows: CreditReservesTable[] = booked.lines.map((line) => ({
    credit_memo_line_id: line.id,
    credit_memo_id: memo.id,
    legal_entity_id: memo.legal_entity_id,
    rma_id: memo.rma_id,
    currency: booked.currency,
    rate: booked.rate,
    reserved_minor: line.reservedMinor,
    issue_entry_id: booked.entryId,
    created_at: tx.now,
    voided_at: null,
  }));
  await tx.db.insertInto('credit_reserves').values(rows).execute();
  const reserves = new Map(rows.map((row) => [row.credit_memo_line_id, row]));
  const pending = await tx.db
    .selectFrom('credit_reserve_releases as r')
    .innerJoin('credit_memo_lines as l', 'l.id', 'r.credit_memo_line_id')
    .selectAll('r')
    .select('l.quantity as line_quantity')
    .where('r.credit_memo_id', '=', memo.id)
    .where('r.voided_at', 'is', null)
    .where('r.entry_id', 'is', null)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return pending.flatMap(({ line_quantity, ...release }) => {
    const reserve = reserves.get(release.credit_memo_line_id);
    if (!reserve) return [];
    return [
      {
        release,
        reserve,
        reserveReleasedMinor: shareOfUnits(
          reserve.reserved_minor,
          release.units_before,
          release.quantity,
          line_quantity,
        ),
        memo: { id: memo.id, number: memo.credit_memo_number, currency: memo.currency },
      },
    ];
  });
}

/** The step: a release the books took, with its entry, its share of the reserve and the chargeback. */
export async function linkReleaseEntry(
  tx: Tx,
  releaseId: string,
  posted: { entryId: string | null; reserveReleasedMinor: number; chargedBackMinor: number },
): Promise<void> {
  await tx.db
    .updateTable('credit_reserve_releases')
    .set({
      entry_id: posted.entryId,
      reserve_released_minor: posted.reserveReleasedMinor,
      charged_back_functional_minor: posted.chargedBackMinor,
    })
    .where('id', '=', releaseId)
    .execute();
}

/**
 * The step, when a memo is void: its reserve is no longer open and its releases no longer count
 * (the units they proved may be credited anew). Gives back the release entries to reverse.
 */
export async function recordReserveVoid(tx: Tx, memoId: string): Promise<string[]> {
  const posted = await tx.db
    .selectFrom('credit_reserve_releases')
    .select('entry_id')
    .where('credit_memo_id', '=', memoId)
    .where('voided_at', 'is', null)
    .where('entry_id', 'is not', null)
    .orderBy('created_at')
    .execute();
  await tx.db
    .updateTable('credit_reserve_releases')
    .set({ voided_at: tx.now })
    .where('credit_memo_id', '=', memoId)
    .where('voided_at', 'is', null)
    .execute();
  await tx.db
    .updateTable('credit_reserves')
    .set({ voided_at: tx.now })
    .where('credit_memo_id', '=', memoId)
    .where('voided_at', 'is', null)
    .execute();
  const withdrawals = await recordWithdrawalsVoid(tx, memoId);
  return [...posted.flatMap((row) => (row.entry_id ? [row.entry_id] : [])), ...withdrawals];
}

/**
 * The returns reserve an entity holds for credit given ahead of proof, in its books' currency:
 * what issued memos booked less what inspection released and what was withdrawn for units that
 * never arrived — per return, and in total. It equals the returns_reserve account's balance (the
 * reconciliation ties the two). With `end`, as it stood at the end of that day: reserves booked
 * and releases (and withdrawals) recorded by then, not voided by then (a release posts when
 * recorded, or when its reserve is booked if that is later).
 */
export async function openReserveByEntity(db: Reader, legalEntityId: string, end?: DayEnd) {
  const standing = (column: 'c.voided_at' | 'r.voided_at') =>
    end
      ? sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} >= ${end.before})`
      : sql<SqlBool>`${sql.ref(column)} is null`;
  let bookedQuery = db
    .selectFrom('credit_reserves as c')
    .select(['c.rma_id', 'c.currency', (eb) => eb.fn.sum<number>('c.reserved_minor').as('reserved')])
    .where('c.legal_entity_id', '=', legalEntityId)
    .where(standing('c.voided_at'))
    .groupBy(['c.rma_id', 'c.currency']);
  if (end) bookedQuery = bookedQuery.where('c.created_at', '<', end.before);
  let releasedQuery = db
    .selectFrom('credit_reserve_releases as r')
    .innerJoin('credit_reserves as c', 'c.credit_memo_line_id', 'r.credit_memo_line_id')
    .select(['c.rma_id', (eb) => eb.fn.sum<number>('r.reserve_released_minor').as('released')])
    .where('c.legal_entity_id', '=', legalEntityId)
    .where(standing('c.voided_at'))
    .where(standing('r.voided_at'))
    .where('r.entry_id', 'is not', null)
    .groupBy('c.rma_id');
  if (end) releasedQuery = releasedQuery.where('c.created_at', '<', end.before).where('r.created_at', '<', end.before);
  const [booked, released, withdrawn] = await Promise.all([
    bookedQuery.execute(),
    releasedQuery.execute(),
    withdrawnFromReserve(db, legalEntityId, end),
  ]);
  const releasedByReturn = new Map(released.map((row) => [row.rma_id, Number(row.released ?? 0)]));
  const byReturn = booked
    .map((row) => ({
      rmaId: row.rma_id,
      openMinor: Number(row.reserved ?? 0) - (releasedByReturn.get(row.rma_id) ?? 0) - (withdrawn.get(row.rma_id) ?? 0),
    }))
    .filter((row) => row.openMinor !== 0);
  return {
    legalEntityId,
    currency: booked[0]?.currency ?? null,
    openMinor: byReturn.reduce((sum, row) => sum + row.openMinor, 0),
    byReturn,
  };
}

type LineReserve = z.infer<typeof LineReserveSchema>;

/** Where each early line stands with the reserve, for the memo's view (inspection lines: none). */
export async function findLineReserves(
  db: Reader,
  lines: ReadonlyArray<{ id: string; basis: string; quantity: number; memoStatus: string }>,
): Promise<Map<string, LineReserve>> {
  const early = lines.filter((line) => line.basis !== 'inspection');
  if (early.length === 0) return new Map();
  const ids = early.map((line) => line.id);
  const [reserves, releases, withdrawals] = await Promise.all([
    db.selectFrom('credit_reserves').select('credit_memo_line_id').where('credit_memo_line_id', 'in', ids).execute(),
    db
      .selectFrom('credit_reserve_releases')
      .selectAll()
      .where('credit_memo_line_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    findWithdrawalsOfLines(db, ids),
  ]);
  const booked = new Set(reserves.map((row) => row.credit_memo_line_id));
  return new Map(
    early.map((line) => {
      const isVoid = line.memoStatus === 'void';
      const own = releases.filter((r) => r.credit_memo_line_id === line.id && (isVoid || r.voided_at === null));
      const unitsInspected = own.reduce((sum, r) => sum + r.quantity, 0);
      const taken = withdrawals.filter((w) => w.credit_memo_line_id === line.id && (isVoid || w.voided_at === null));
      const unitsWithdrawn = taken.reduce((sum, w) => sum + w.quantity, 0);
      const status: LineReserve['status'] = isVoid
        ? 'void'
        : !booked.has(line.id)
          ? 'not_booked'
          : unitsWithdrawn > 0 && unitsInspected + unitsWithdrawn >= line.quantity
            ? 'withdrawn'
            : unitsInspected === 0
              ? 'held'
              : unitsInspected < line.quantity
                ? 'partly_released'
                : 'released';
      return [
        line.id,
        {
          status,
          unitsInspected,
          chargedBackMinor: own.reduce((sum, r) => sum + r.charged_back_minor, 0),
          releases: own.map((r) => ({
            inspectionId: r.inspection_id,
            quantity: r.quantity,
            claimVerdict: r.claim_verdict,
            grade: r.grade,
            chargedBackMinor: r.charged_back_minor,
            releasedMinor: r.released_minor,
            explanation: r.explanation,
            isPosted: r.entry_id !== null,
            createdAt: r.created_at,
          })),
          unitsWithdrawn,
          withdrawals: taken.map((w) => ({
            cause: w.cause,
            quantity: w.quantity,
            withdrawnMinor: w.total_minor,
            explanation: w.explanation,
            isPosted: w.entry_id !== null,
            createdAt: w.created_at,
          })),
        },
      ];
    }),
  );
}

/** Inspections of a return whose units a live early credit has seen (they are credited). */
export async function findProvenInspections(db: Reader, rmaId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('credit_reserve_releases')
    .select('inspection_id')
    .where('rma_id', '=', rmaId)
    .where('voided_at', 'is', null)
    .execute();
  return rows.map((row) => row.inspection_id);
}
