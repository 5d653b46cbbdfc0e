// Exchange rates into the books: finance imports the ECB's reference rates (the daily file, or a
// history file), and reads back the rates in force on a day. A day's rate for a pair is replaced
// when the same day is imported again (a corrected file); what each replaced rate was is kept in
// the audit record. Valuations already fixed keep the rate they were made with
// (return_line_valuations.rate): importing never changes what was booked.
import type { Kysely, Transaction } from 'kysely';
import type { FxImportResult, FxRate } from '../contracts/ledger.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import type { DB } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { isKnownCurrency } from '../platform/money/currencies.js';
import { runInTransaction, type Platform, type Tx } from '../platform/unit-of-work.js';
import { EcbRatesError, parseEcbRates, type EcbRates } from './domain/ecb-rates.js';
import { isRate } from './domain/fx.js';
import type { FxRatesTable } from './ledger.tables.js';

type Reader = Kysely<DB> | Transaction<DB>;

export interface FxRatesToStore {
  /** The currency every rate is quoted against (the ECB's: EUR). */
  base: string;
  /** Per day, units of `quote` per one `base`, as decimal strings. */
  days: ReadonlyArray<{ date: string; rates: ReadonlyArray<{ quote: string; rate: string }> }>;
  /** Where the rates come from: 'ecb', 'demo'… */
  source: string;
}

/** Rows per statement: 6 columns each, far below either database's parameter limit. */
const ROWS_PER_STATEMENT = 1000;
const DATES_PER_QUERY = 500;

/**
 * The step that stores rates in the caller's transaction: each (base, quote, day) inserted, or
 * replaced when it was there. One audit record per day.
 */
export async function storeFxRates(tx: Tx, input: FxRatesToStore): Promise<{ dates: string[]; imported: number }> {
  assertCan(tx.ctx.actor, 'fx.import');
  const rows: FxRatesTable[] = [];
  for (const day of input.days)
    for (const { quote, rate } of day.rates) {
      if (!isKnownCurrency(input.base) || !isKnownCurrency(quote) || quote === input.base || !isRate(rate))
        throw new AppError('validation_failed', `not a rate that can be stored: ${input.base}/${quote} ${rate}`, {
          errors: [{ path: `${day.date}.${quote}`, message: 'not a positive rate between two current currencies' }],
        });
      rows.push({
        rate_date: day.date,
        base_currency: input.base,
        quote_currency: quote,
        rate,
        source: input.source,
        imported_at: tx.now,
      });
    }
  const dates = [...new Set(input.days.map((day) => day.date))].sort();
  const before = await storedRates(tx.db, input.base, dates);

  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT)
    await tx.db
      .insertInto('fx_rates')
      .values(rows.slice(start, start + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc.columns(['base_currency', 'quote_currency', 'rate_date']).doUpdateSet((eb) => ({
          rate: eb.ref('excluded.rate'),
          source: eb.ref('excluded.source'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();

  for (const day of input.days) {
    const changed = day.rates.flatMap(({ quote, rate }) => {
      const was = before.get(`${day.date} ${quote}`);
      return was !== undefined && was !== rate ? [{ quote, from: was, to: rate }] : [];
    });
    tx.audit({
      entityType: 'fx_rates',
      entityId: day.date,
      action: 'fx_rates.imported',
      after: {
        date: day.date,
        count: day.rates.length,
        base: input.base,
        source: input.source,
        ...(changed.length > 0 ? { changed } : {}),
      },
    });
  }
  return { dates, imported: rows.length };
}

/** The rates already stored for these days, by "date quote". */
async function storedRates(db: Reader, base: string, dates: string[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  for (let start = 0; start < dates.length; start += DATES_PER_QUERY) {
    const rows = await db
      .selectFrom('fx_rates')
      .select(['rate_date', 'quote_currency', 'rate'])
      .where('base_currency', '=', base)
      .where('rate_date', 'in', dates.slice(start, start + DATES_PER_QUERY))
      .execute();
    for (const row of rows) stored.set(`${row.rate_date} ${row.quote_currency}`, row.rate);
  }
  return stored;
}

/**
 * Imports the ECB's reference-rates XML (daily or history) in one transaction. A file that is not
 * ECB reference rates changes nothing and is refused with every problem found.
 */
export async function importEcbRates(
  platform: Platform,
  ctx: RequestContext,
  xmlText: string,
): Promise<FxImportResult> {
  assertCan(ctx.actor, 'fx.import');
  const parsed = parseOrRefuse(xmlText);
  const stored = await runInTransaction(platform, ctx, (tx) =>
    storeFxRates(tx, { base: parsed.base, days: parsed.days, source: 'ecb' }),
  );
  return { imported: stored.imported, dates: stored.dates, skipped: parsed.skipped };
}

function parseOrRefuse(xmlText: string): EcbRates {
  try {
    return parseEcbRates(xmlText);
  } catch (error) {
    if (!(error instanceof EcbRatesError)) throw error;
    throw new AppError('validation_failed', `the rates file is refused, nothing was imported: ${error.message}`, {
      errors: error.problems.map((problem) => ({ path: '(body)', message: problem })),
    });
  }
}

const toFxRate = (row: FxRatesTable): FxRate => ({
  rateDate: row.rate_date,
  baseCurrency: row.base_currency,
  quoteCurrency: row.quote_currency,
  rate: row.rate,
  source: row.source,
});

/**
 * The rates in force on `date`: for each pair, the latest published on or before it (without a
 * date, the latest of all) — the rate a posting on that day would use (fx-rates.ts).
 */
export async function listRates(
  db: Kysely<DB>,
  ctx: RequestContext,
  query: { date?: string | undefined; quote?: string | undefined },
): Promise<{ items: FxRate[] }> {
  assertCan(ctx.actor, 'ledger.read');
  let latest = db
    .selectFrom('fx_rates')
    .select(['base_currency', 'quote_currency'])
    .select((eb) => eb.fn.max('rate_date').as('rate_date'))
    .groupBy(['base_currency', 'quote_currency']);
  if (query.date !== undefined) latest = latest.where('rate_date', '<=', query.date);
  if (query.quote !== undefined) latest = latest.where('quote_currency', '=', query.quote);
  const rows = await db
    .selectFrom('fx_rates as r')
    .innerJoin(latest.as('latest'), (join) =>
      join
        .onRef('latest.base_currency', '=', 'r.base_currency')
        .onRef('latest.quote_currency', '=', 'r.quote_currency')
        .onRef('latest.rate_date', '=', 'r.rate_date'),
    )
    .selectAll('r')
    .orderBy('r.base_currency')
    .orderBy('r.quote_currency')
    .execute();
  return { items: rows.map(toFxRate) };
}
