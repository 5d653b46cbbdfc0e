// Dated exchange rates: the rate between two currencies on a day is the latest published on or
// before it — directly, the other way round, or across the euro as the ECB publishes them.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { crossRate, invertRate } from './domain/fx.js';

type Reader = Kysely<DB> | Transaction<DB>;

/** The ECB's reference rates are all against the euro. */
const PIVOT = 'EUR';

async function published(db: Reader, base: string, quote: string, onOrBefore: string) {
  return db
    .selectFrom('fx_rates')
    .select(['rate', 'rate_date'])
    .where('base_currency', '=', base)
    .where('quote_currency', '=', quote)
    .where('rate_date', '<=', onOrBefore)
    .orderBy('rate_date', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Units of `to` per unit of `from` on `date`, or null when no rate is known. */
export async function findRate(db: Reader, from: string, to: string, date: string): Promise<string | null> {
  if (from === to) return '1';
  const direct = await published(db, from, to, date);
  if (direct) return direct.rate;
  const inverse = await published(db, to, from, date);
  if (inverse) return invertRate(inverse.rate);
  const [fromPerPivot, toPerPivot] = await Promise.all([
    from === PIVOT ? { rate: '1' } : published(db, PIVOT, from, date),
    to === PIVOT ? { rate: '1' } : published(db, PIVOT, to, date),
  ]);
  if (fromPerPivot && toPerPivot) return crossRate(fromPerPivot.rate, toPerPivot.rate);
  return null;
}

export async function requireRate(db: Reader, from: string, to: string, date: string): Promise<string> {
  const rate = await findRate(db, from, to, date);
  if (rate === null)
    throw new AppError(
      'rule_violation',
      `no exchange rate from ${from} to ${to} on or before ${date}: finance imports rates (ECB daily XML) before the books can value it`,
      { errors: [{ path: 'currency', message: `no ${from}/${to} rate` }] },
    );
  return rate;
}
