// The books through the API, for the ledger's HTTP tests: an authorized return that is not yet
// received (so a test can watch the receipt post, or be refused), exchange rates inserted as finance
// would import them, and the journal and trial balance read back.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeSite } from '../../support/factories.js';
import type { TestApp } from './test-app.js';
import { call, type Flow, type SiteWorld } from './inspection-flow.js';

export interface EntryLine {
  lineNumber: number;
  accountId: string;
  accountCode: string;
  accountName: string;
  debitMinor: number;
  creditMinor: number;
  memo: string;
}

export interface Entry {
  id: string;
  entryNumber: string;
  legalEntityId: string;
  postingDate: string;
  period: string;
  currency: string;
  description: string;
  event: string;
  sourceType: string;
  sourceId: string;
  rmaId: string | null;
  rmaNumber: string | null;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  totalMinor: number;
  lines: EntryLine[];
}

export interface TrialBalanceRow {
  accountId: string;
  code: string;
  role: string | null;
  type: string;
  openingMinor: number;
  debitMinor: number;
  creditMinor: number;
  closingMinor: number;
}

export interface TrialBalance {
  legalEntityId: string;
  period: string;
  currency: string;
  isClosed: boolean;
  rows: TrialBalanceRow[];
  totals: { debitMinor: number; creditMinor: number };
  isBalanced: boolean;
}

/** A legal entity in `currency` with one site (every capability) and a customer. */
export async function makeEntityWorld(t: TestApp, currency: string): Promise<SiteWorld> {
  const entity = await makeLegalEntity(t.platform, { currency });
  const site = await makeSite(t.platform, entity.id, { capabilities: ['receiving', 'inspection', 'regulated_goods'] });
  const customer = await makeCustomer(t.platform, entity.id);
  return { entity, site, customer };
}

export interface AuthorizedReturn {
  world: SiteWorld;
  product: Awaited<ReturnType<typeof makeProduct>>;
  rma: { id: string; rmaNumber: string; lines: Array<{ id: string }> };
}

/** An authorized return of `quantity` units of a product (a new one unless given), not yet received. */
export async function authorizedReturn(
  f: Flow,
  world: SiteWorld,
  options: {
    quantity: number;
    product?: AuthorizedReturn['product'];
    productOverrides?: Parameters<typeof makeProduct>[1];
  },
): Promise<AuthorizedReturn> {
  const product = options.product ?? (await makeProduct(f.t.platform, options.productOverrides ?? {}));
  const order = await makeOrder(f.t.platform, {
    customerId: world.customer.id,
    legalEntityId: world.entity.id,
    lines: [{ productId: product.id, quantityShipped: Math.max(10, options.quantity), unitPriceMinor: 10000 }],
  });
  const created = await call(f, f.agent, 'POST', '/returns', {
    customerId: world.customer.id,
    returnType: 'standard',
    lines: [
      {
        orderLineId: order.lines[0]!.id,
        quantity: options.quantity,
        reasonCode: 'ORDERED_IN_ERROR',
        claimedCondition: 'unopened',
      },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  let rma = created.json();
  if (rma.status === 'pending_approval') {
    const manager = await f.t.tokenFor('cs_manager');
    const approved = await call(
      f,
      manager,
      'POST',
      `/returns/${rma.id}/approve`,
      { comment: 'ok' },
      { 'if-match': `"${rma.version}"` },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    rma = approved.json();
  }
  return { world, product, rma };
}

/** Receives `quantity` units of the return's product at its world's site (the response, as it came). */
export function receive(
  f: Flow,
  r: AuthorizedReturn,
  quantity: number,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return call(
    f,
    f.warehouse,
    'POST',
    `/returns/${r.rma.id}/receipts`,
    { siteId: r.world.site.id, items: [{ productId: r.product.id, quantity }] },
    headers,
  );
}

/** A reference rate as an import would store it: units of `quote` per one `base`. */
export async function insertRate(t: TestApp, rate: { date: string; base?: string; quote: string; rate: string }) {
  await t.platform.db
    .insertInto('fx_rates')
    .values({
      rate_date: rate.date,
      base_currency: rate.base ?? 'EUR',
      quote_currency: rate.quote,
      rate: rate.rate,
      source: 'test',
      imported_at: `${rate.date}T16:00:00.000Z`,
    })
    .execute();
}

/** Every journal entry matching the query (all pages), newest first. */
export async function entries(f: Flow, token: string, query: Record<string, string>): Promise<Entry[]> {
  const all: Entry[] = [];
  for (let page = 1; ; page += 1) {
    const params = new URLSearchParams({ ...query, page: String(page), pageSize: '200' });
    const res = await call(f, token, 'GET', `/ledger/entries?${params.toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: Entry[]; total: number }>();
    all.push(...body.items);
    if (all.length >= body.total || body.items.length === 0) return all;
  }
}

/** An entry's lines as [account code, debit, credit], in line order. */
export const linesOf = (entry: Entry): Array<[string, number, number]> =>
  entry.lines.map((line) => [line.accountCode, line.debitMinor, line.creditMinor]);

/** An entry's lines netted per account code (debit − credit), without the zeros. */
export function netByCode(list: readonly Entry[]): Record<string, number> {
  const net: Record<string, number> = {};
  for (const entry of list)
    for (const line of entry.lines)
      net[line.accountCode] = (net[line.accountCode] ?? 0) + line.debitMinor - line.creditMinor;
  return Object.fromEntries(
    Object.entries(net)
      .filter(([, value]) => value !== 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export async function trialBalanceOf(f: Flow, token: string, legalEntityId: string, period: string) {
  const res = await call(f, token, 'GET', `/ledger/trial-balance?legalEntityId=${legalEntityId}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TrialBalance>();
}
