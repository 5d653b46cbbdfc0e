// Fiscal periods are calendar months, open until finance closes them. Nothing posts into a closed
// period: the posting step asks here, and a closed month refuses the whole transaction.
import { AppError } from '../platform/errors.js';
import type { Tx } from '../platform/unit-of-work.js';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';

type Reader = Kysely<DB> | Transaction<DB>;

export async function isPeriodClosed(db: Reader, legalEntityId: string, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('fiscal_period_closes')
    .select('period')
    .where('legal_entity_id', '=', legalEntityId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row !== undefined;
}

export async function assertPeriodOpen(tx: Tx, legalEntityId: string, period: string, entityCode: string) {
  if (await isPeriodClosed(tx.db, legalEntityId, period))
    throw new AppError(
      'rule_violation',
      `the books of ${entityCode} for ${period} are closed: nothing can be posted into that period`,
      { errors: [{ path: 'period', message: 'closed period' }] },
    );
}
