// The demo's exchange rates. Its three entities book in USD, EUR and GBP, and products are priced in
// their supplier's currency, so a unit received at a UK site of a product bought in dollars is
// valued at a USD/GBP rate (ledger/valuation.ts refuses to guess). The rates are the ones the
// catalogue was priced with (USD_PER_UNIT), quoted against the euro as the ECB publishes them, and
// dated with the master data: before the first order, so every receipt finds one.
import { storeFxRates } from '../ledger/index.js';
import type { RequestContext } from '../platform/actor.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import { USD_PER_UNIT } from './demo-companies.js';

const BASE = 'EUR';

/** Units of each other demo currency per euro, to five significant digits (ECB style: 1.0800, 0.85039). */
export function demoRatesPerEuro(): Array<{ quote: string; rate: string }> {
  const euroInUsd = USD_PER_UNIT[BASE]!;
  return Object.entries(USD_PER_UNIT)
    .filter(([currency]) => currency !== BASE)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quote, usdPerUnit]) => ({ quote, rate: (euroInUsd / usdPerUnit).toPrecision(5) }));
}

/** Stores the demo's rates, dated `date`, with source 'demo', in one transaction. */
export async function loadDemoRates(platform: Platform, ctx: RequestContext, date: string): Promise<number> {
  const { imported } = await runInTransaction(platform, ctx, (tx) =>
    storeFxRates(tx, { base: BASE, days: [{ date, rates: demoRatesPerEuro() }], source: 'demo' }),
  );
  return imported;
}
