// The UCI import (npm run import:uci) on an excerpt in the source's shape, on every database: what
// becomes a return, a fee, a skipped guest line or a write-off note; returns keep their real
// dates and are judged as of them; more than shipped is refused; channel 'import'; history is
// not news (no e-mail, no webhook); a second run is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { importUci, type UciImportReport } from '../../src/cli/uci-import.js';
import type { LineFate } from '../../src/cli/import-fates.js';

// The first C536391 lines are the source's own; the rest are rows in its shape around them.
const EXCERPT = `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536390,22556,PLASTERS IN TIN CIRCUS PARADE ,12,2010-12-01 10:19:00,1.65,17548,United Kingdom
536390,21984,PACK OF 12 PINK PAISLEY TISSUES ,24,2010-12-01 10:19:00,0.29,17548,United Kingdom
536390,POST,POSTAGE,1,2010-12-01 10:19:00,18,17548,United Kingdom
C536391,22556,PLASTERS IN TIN CIRCUS PARADE ,-12,2010-12-01 10:24:00,1.65,17548,United Kingdom
C536391,21984,PACK OF 12 PINK PAISLEY TISSUES ,-30,2010-12-01 10:24:00,0.29,17548,United Kingdom
C536391,POST,POSTAGE,-1,2010-12-01 10:24:00,18,17548,United Kingdom
C536392,D,Discount,-1,2010-12-01 10:30:00,27.5,14527,United Kingdom
C536393,22556,PLASTERS IN TIN CIRCUS PARADE ,-2,2010-12-01 10:35:00,1.65,,United Kingdom
536589,21777,damaged,-10,2010-12-01 16:50:00,0.0,,United Kingdom
536590,21777,check,-5,2010-12-01 16:55:00,0.0,,United Kingdom
540001,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2011-01-04 10:00:00,2.55,17850,United Kingdom
C550001,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2011-06-01 10:00:00,2.55,17850,United Kingdom
580001,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2011-11-20 10:00:00,2.55,17850,United Kingdom
C581000,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2011-12-01 10:00:00,2.55,17850,United Kingdom
C581001,99999,NEVER SOLD HERE,-1,2011-12-02 10:00:00,1.00,17850,United Kingdom
`;

describe.each(DIALECTS)('the UCI import on %s', (dialect) => {
  let t: TestApp;
  let report: UciImportReport;
  const fates = new Map<number, LineFate>();
  beforeAll(async () => {
    t = await startTestApp(dialect);
    report = await importUci(t.platform, { text: EXCERPT }, (fate) => {
      fates.set(fate.line, fate);
    });
  });
  afterAll(async () => t?.close());

  const fateOf = (line: number) => fates.get(line)!;

  it('imports customers, products and the orders, postage included', () => {
    expect(report.isImported).toBe(true);
    expect(report.rows).toBe(15);
    expect(report).toMatchObject({ customers: 2, orders: 3, orderLines: 5 });
    for (const line of [2, 3, 4, 12, 14]) expect(fateOf(line).fate).toBe('imported');
  });

  it('maps cancellations: a return, more than shipped refused, fees and guests skipped', () => {
    expect(fateOf(5)).toMatchObject({ fate: 'imported', record: 'C536391' });
    expect(fateOf(6)).toMatchObject({ fate: 'refused', field: 'Quantity' });
    expect(fateOf(6).message).toMatch(/only 24 remain returnable/);
    expect(fateOf(7)).toMatchObject({ fate: 'skipped', message: expect.stringContaining('POST: postage') });
    expect(fateOf(8)).toMatchObject({ fate: 'skipped', message: expect.stringContaining('D: discount') });
    expect(fateOf(9)).toMatchObject({ fate: 'skipped', message: expect.stringContaining('guest cancellation') });
    expect(fateOf(16)).toMatchObject({ fate: 'refused', message: expect.stringContaining('no earlier shipment') });
  });

  it('judges a return as of its own date: late then is refused, in time then is authorized', async () => {
    expect(fateOf(13)).toMatchObject({ fate: 'refused' });
    expect(fateOf(13).message).toMatch(/Return window of 45 days from delivery on 2011-01-04 ended on 2011-02-18/);
    expect(fateOf(15)).toMatchObject({ fate: 'imported', record: 'C581000' });
    const rma = await t.platform.db
      .selectFrom('rmas')
      .selectAll()
      .where('customer_reference', '=', 'C581000')
      .executeTakeFirstOrThrow();
    expect(rma).toMatchObject({
      status: 'authorized',
      channel: 'import',
      created_at: '2011-12-01T10:00:00.000Z',
      authorized_at: '2011-12-01T10:00:00.000Z',
      // Our policy authorizes it as of that day (a manager's case would be decided by the source).
      decided_by: 'policy',
      decision_comment: expect.stringContaining('UCI Online Retail history'),
      expires_on: null,
    });
    const agent = await t.tokenFor('cs_agent');
    const read = await t.request(agent, { method: 'GET', url: `/api/v1/returns/${rma.id}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ channel: 'import', createdAt: '2011-12-01T10:00:00.000Z' });
    expect(read.json().lines).toEqual([expect.objectContaining({ reasonCode: 'CANCELLED_ORDER', quantity: 2 })]);
  });

  it('groups a cancellation invoice into one return with the lines that matched, holding the quantity', async () => {
    const rmas = await t.platform.db
      .selectFrom('rmas')
      .innerJoin('rma_lines', 'rma_lines.rma_id', 'rmas.id')
      .select(['rmas.customer_reference', 'rma_lines.quantity', 'rma_lines.order_line_id'])
      .where('rmas.customer_reference', '=', 'C536391')
      .execute();
    expect(rmas).toHaveLength(1);
    const held = await t.platform.db
      .selectFrom('sales_order_lines')
      .select(['quantity_shipped', 'quantity_committed'])
      .where('id', '=', rmas[0]!.order_line_id!)
      .executeTakeFirstOrThrow();
    expect(held).toEqual({ quantity_shipped: 12, quantity_committed: 12 });
    expect(report).toMatchObject({ returns: 2, returnLines: 2, returnUnits: 14 });
  });

  it('counts write-off notes as scrap and other stock adjustments as skipped', () => {
    expect(fateOf(10)).toMatchObject({
      fate: 'write_off',
      message: 'write-off note: scrap, 10 units of 21777 on 2010-12-01 ("damaged")',
    });
    expect(fateOf(11)).toMatchObject({ fate: 'skipped', message: expect.stringContaining('count correction') });
    expect(report).toMatchObject({ writeOffNotes: 1, writeOffUnits: 10 });
  });

  it('writes its events as history: nothing waits for e-mails or webhooks', async () => {
    const waiting = await t.platform.db
      .selectFrom('outbox_events')
      .select('event_type')
      .where((eb) => eb.or([eb('notifications_at', 'is', null), eb('webhooks_at', 'is', null)]))
      .where('aggregate_type', '=', 'rma')
      .execute();
    expect(waiting).toEqual([]);
  });

  it('refuses a second run without writing anything', async () => {
    const again = await importUci(t.platform, { text: EXCERPT });
    expect(again.isImported).toBe(false);
    const count = await t.platform.db
      .selectFrom('rmas')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });
});
