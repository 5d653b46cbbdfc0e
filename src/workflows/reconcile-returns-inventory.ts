// Returns inventory, reconciled: for each account that holds returned stock, its balance in the
// books beside the units on hand in the statuses it holds, times their carrying value; and the
// other subledgers (open supplier claims, open customer credits) beside their control accounts
// (reconcile-subledgers.ts). Any difference is flagged with the account; a clean run shows none.
// For a period, everything as at the end of its last day: entries posted through that date, the
// units on hand rebuilt from the movements made by then, the documents as they stood — so a
// closed month's report still reads as it did when the month ended. Read-only.
import type { AccountRole } from '../contracts/ledger.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { Platform } from '../platform/unit-of-work.js';
import { toIsoDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import { findLegalEntity, findSiteIdsOfEntity } from '../masterdata/index.js';
import { findReturnStockOnHand, findReturnStockOnHandBefore } from '../inventory/index.js';
import { dayEnd, lastDayOfMonth } from '../platform/calendar.js';
import { carryingValues, STOCK_ACCOUNT_ROLES, stockAccountBalances, stockAccountOfStatus } from '../ledger/index.js';
import { reconcileSubledgers } from './reconcile-subledgers.js';

export interface ReconciliationRow {
  role: AccountRole;
  accountCode: string | null;
  accountName: string | null;
  ledgerMinor: number;
  subledgerMinor: number;
  units: number;
  differenceMinor: number;
}

export async function reconcileReturnsInventory(
  { db, clock }: Pick<Platform, 'db' | 'clock'>,
  ctx: RequestContext,
  legalEntityId: string,
  period?: string,
) {
  assertCan(ctx.actor, 'ledger.read');
  const entity = await findLegalEntity(db, legalEntityId);
  if (!entity) throw notFound('legal entity', legalEntityId);
  const end = period ? dayEnd(lastDayOfMonth(period)) : undefined;
  const [balances, values, onHand, subledgers] = await Promise.all([
    stockAccountBalances(db, legalEntityId, end?.date),
    carryingValues(db, legalEntityId),
    findSiteIdsOfEntity(db, legalEntityId).then((sites) =>
      end ? findReturnStockOnHandBefore(db, sites, end.before) : findReturnStockOnHand(db, sites),
    ),
    reconcileSubledgers(db, legalEntityId, end),
  ]);
  const subledger = new Map<AccountRole, { valueMinor: number; units: number; unvalued: number }>();
  for (const row of onHand) {
    const role = stockAccountOfStatus(row.status);
    if (!role) continue;
    const sum = subledger.get(role) ?? { valueMinor: 0, units: 0, unvalued: 0 };
    const unit = values.get(row.rma_line_id);
    sum.units += row.quantity;
    if (unit === undefined) sum.unvalued += row.quantity;
    else sum.valueMinor += unit * row.quantity;
    subledger.set(role, sum);
  }
  const rows: ReconciliationRow[] = STOCK_ACCOUNT_ROLES.map((role) => {
    const books = balances.get(role);
    const stock = subledger.get(role);
    const ledgerMinor = books?.balanceMinor ?? 0;
    const subledgerMinor = stock?.valueMinor ?? 0;
    return {
      role,
      accountCode: books?.code ?? null,
      accountName: books?.name ?? null,
      ledgerMinor,
      subledgerMinor,
      units: stock?.units ?? 0,
      differenceMinor: ledgerMinor - subledgerMinor,
    };
  });
  // Units received before the ledger existed have no carrying value: reported, never guessed.
  const unvaluedUnits = [...subledger.values()].reduce((sum, s) => sum + s.unvalued, 0);
  return {
    legalEntityId,
    currency: entity.functional_currency,
    period: period ?? null,
    asOf: end?.date ?? toIsoDate(clock.now()),
    rows,
    unvaluedUnits,
    subledgers,
    isReconciled:
      rows.every((row) => row.differenceMinor === 0) &&
      subledgers.every((row) => row.differenceMinor === 0) &&
      unvaluedUnits === 0,
  };
}
