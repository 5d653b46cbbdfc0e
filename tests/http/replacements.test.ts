// Replacement, exchange and advance-replacement orders through the API, on both databases: a
// return line's units are replaced within what it authorized less what is already replaced or
// credited; the warehouse allocates saleable units (or the order waits, backordered) and ships
// them at their carrying value to cost of goods sold. An advance replacement charges a deposit —
// the units' invoiced price and tax — released as the return's units are received, or invoiced
// (a sale) by the sweep when they do not arrive within the policy's days; the deposit is fixed when
// it is requested, so shipping charges what the customer was told. An exchange's price difference,
// quoted at the request with the original line's tax rate, is invoiced (a dearer product) or
// credited (a cheaper one) against the receivable when it ships. Replaced units are never credited
// in money. The books balance and the subledgers tie out after every path; customers read their
// own orders only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReplacementOrder } from '../../src/contracts/replacements.js';
import { DIALECTS } from '../support/databases.js';
import { makeProduct } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';
import {
  call,
  completeInspection,
  dispose,
  ifMatch,
  makeSiteWorld,
  startFlow,
  stockOf,
  withCustomer,
  type Flow,
  type SiteWorld,
} from './support/inspection-flow.js';
import { entries, insertRate, linesOf, netByCode, trialBalanceOf } from './support/ledger-flow.js';
import {
  openReturn,
  receiveUnits,
  soldLine,
  type OpenedReturn as Rma,
  type SoldLine,
} from './support/settlement-flow.js';

describe.each(DIALECTS)('replacement orders on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let finance: string;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    finance = await t.tokenFor('finance');
    manager = await t.tokenFor('cs_manager');
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(`${TODAY}T10:00:00.000Z`));

  /** A delivered order line: 10 units at 100.00, tax 80.00 on the line, of a new product (the factory's) unless given. */
  const sold = async (world: SiteWorld, product?: { id: string; sku: string }) =>
    soldLine(f, world, { product: product ?? (await makeProduct(t.platform)) });

  /** An authorized return of `quantity` units, claimed defective unless another reason is given. */
  const returnOf = (line: SoldLine, quantity: number, reasonCode = 'DEFECTIVE') =>
    openReturn(f, manager, line, {
      quantity,
      reasonCode,
      claimedCondition: reasonCode === 'DEFECTIVE' ? 'defective' : 'unopened',
    });

  /** Receives units of the return; the inspection the receipt opened. */
  const receive = (line: SoldLine, rma: Rma, quantity: number) =>
    receiveUnits(f, line, rma.id, quantity, { exactlyOne: false });

  /** `units` saleable units of the product at the world's site: another customer's return, restocked. */
  async function stockUp(world: SiteWorld, product: { id: string; sku: string }, units: number) {
    const line = await sold(world, product);
    const rma = await returnOf(line, units, 'ORDERED_IN_ERROR');
    const inspectionId = await receive(line, rma, units);
    await completeInspection(f, inspectionId, { grade: 'A' });
    const { recommendation, response } = await dispose(f, inspectionId, { code: 'RESTOCK', overrideReason: 'as new' });
    if (response.statusCode !== 201) {
      expect(recommendation.code).toBe('RESTOCK');
      const again = await dispose(f, inspectionId);
      expect(again.response.statusCode, again.response.body).toBe(201);
    }
  }

  const request = (rma: Rma, body: object, token = f.agent, headers: Record<string, string> = {}) =>
    call(f, token, 'POST', `/returns/${rma.id}/replacement-orders`, body, headers);

  const act = (order: { id: string; version: number }, action: string, body?: object, token = f.warehouse) =>
    call(f, token, 'POST', `/replacement-orders/${order.id}/${action}`, body, ifMatch(order.version));

  async function requested(rma: Rma, kind: string, quantity: number, extra: object = {}): Promise<ReplacementOrder> {
    const res = await request(rma, { kind, lines: [{ rmaLineId: rma.lines[0]!.id, quantity, ...extra }] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ReplacementOrder>();
  }

  async function allocated(order: ReplacementOrder): Promise<ReplacementOrder> {
    const res = await act(order, 'allocate');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReplacementOrder>();
  }

  async function shipped(order: ReplacementOrder, carrierReference = '1Z999AA10123456784'): Promise<ReplacementOrder> {
    const res = await act(order, 'ship', { carrierReference });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReplacementOrder>();
  }

  async function ordersOf(rmaId: string, token = f.agent): Promise<ReplacementOrder[]> {
    const res = await call(f, token, 'GET', `/replacement-orders?rmaId=${rmaId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ReplacementOrder[] }>().items;
  }

  const orderEntries = (order: { id: string }, token = finance) =>
    entries(f, token, { sourceType: 'replacement_order', sourceId: order.id });

  /** A token signed in at the clock's time (tokens last 12 hours: a test that moves the clock needs new ones). */
  let signIns = 0;
  const signInNow = (role: 'finance' | 'cs_agent' | 'warehouse') =>
    t.tokenFor(role, { email: `${role}.${(signIns += 1)}@later.test` });

  async function expectBalancedBooks(world: SiteWorld, period = TODAY.slice(0, 7), token = finance) {
    const tb = await trialBalanceOf(f, token, world.entity.id, period);
    expect(tb.isBalanced).toBe(true);
    expect(tb.totals.debitMinor).toBe(tb.totals.creditMinor);
  }

  /** Open credit memos, supplier claims and the returns reserve each equal their control account. */
  async function expectSubledgersTieOut(world: SiteWorld) {
    const res = await call(f, finance, 'GET', `/ledger/reconciliation?legalEntityId=${world.entity.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const { subledgers } = res.json<{ subledgers: Array<{ name: string; differenceMinor: number }> }>();
    expect(subledgers.length).toBeGreaterThan(0);
    for (const row of subledgers) expect(row.differenceMinor, row.name).toBe(0);
  }

  it('a replacement is requested, allocated from saleable stock and shipped at its carrying value', async () => {
    const world = await makeSiteWorld(t);
    const line = await sold(world);
    await stockUp(world, line.product, 3);
    const rma = await returnOf(line, 2);

    const body = { kind: 'replacement', note: 'customer waits', lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 2 }] };
    expectProblem(await request(rma, body, f.warehouse), 403);
    expectProblem(await request(rma, { ...body, kind: 'swap' }), 400);
    expectProblem(await request(rma, { ...body, lines: [] }), 400);
    const created = await request(rma, body, f.agent, { 'idempotency-key': `rpl-${rma.id}` });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json<ReplacementOrder>();
    expect(order).toMatchObject({
      rmaId: rma.id,
      rmaNumber: rma.rmaNumber,
      kind: 'replacement',
      status: 'requested',
      siteId: world.site.id,
      depositStatus: 'none',
      note: 'customer waits',
      version: 1,
      lines: [
        expect.objectContaining({
          rmaLineId: rma.lines[0]!.id,
          productId: line.product.id,
          productSku: line.product.sku,
          quantity: 2,
          unitPriceMinor: 10_000,
          priceDifferenceMinor: null,
        }),
      ],
    });
    expect(order.replacementNumber).toMatch(/^RPL-\d{7}$/);
    expect(created.headers.etag).toBe('"1"');
    // The same request again (same key) replays the first answer: one order.
    const replay = await request(rma, body, f.agent, { 'idempotency-key': `rpl-${rma.id}` });
    expect(replay.json<ReplacementOrder>().id).toBe(order.id);
    expect(await ordersOf(rma.id)).toHaveLength(1);

    expectProblem(await call(f, f.warehouse, 'POST', `/replacement-orders/${order.id}/allocate`), 428);
    expectProblem(await act({ ...order, version: 7 }, 'allocate'), 412);
    expectProblem(await act(order, 'allocate', undefined, f.agent), 403);
    expectProblem(await act(order, 'ship', { carrierReference: 'X1' }), 409);
    const held = await allocated(order);
    expect(held).toMatchObject({ status: 'allocated', version: 2, shortage: '' });
    expect(await stockOf(f, line.product.id)).toEqual([
      { status: 'allocated_to_replacement', location: 'REPLACE', quantity: 2, serial: null },
      { status: 'saleable', location: expect.any(String), quantity: 1, serial: null },
    ]);
    expect(await orderEntries(order)).toEqual([]);

    expectProblem(await act(held, 'ship', {}), 400);
    const out = await shipped(held);
    expect(out).toMatchObject({ status: 'shipped', carrierReference: '1Z999AA10123456784', version: 3 });
    expect(out.shippedAt).not.toBeNull();
    expect(await stockOf(f, line.product.id)).toEqual([
      { status: 'saleable', location: expect.any(String), quantity: 1, serial: null },
    ]);
    // Two units at 60.00 leave inventory for cost of goods sold.
    const posted = await orderEntries(order);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ event: 'replacement_order.shipped' });
    expect(netByCode(posted)).toEqual({ '1400': -12_000, '5000': 12_000 });
    expectProblem(await act(out, 'ship', { carrierReference: 'again' }), 409);
    expectProblem(await act(out, 'cancel', { reason: 'too late' }, f.agent), 409);
    await expectBalancedBooks(world);
  });

  it('waits backordered without saleable stock, and is allocated once units are restocked', async () => {
    const world = await makeSiteWorld(t);
    const line = await sold(world);
    const rma = await returnOf(line, 2);
    const order = await requested(rma, 'replacement', 2);
    const waiting = await allocated(order);
    expect(waiting).toMatchObject({
      status: 'backordered',
      shortage: `${line.product.sku}: 0 saleable of 2 wanted`,
      allocatedAt: null,
    });
    expect(await stockOf(f, line.product.id)).toEqual([]);

    await stockUp(world, line.product, 1);
    const stillShort = await allocated(waiting);
    expect(stillShort).toMatchObject({
      status: 'backordered',
      shortage: `${line.product.sku}: 1 saleable of 2 wanted`,
    });
    await stockUp(world, line.product, 1);
    const ready = await allocated(stillShort);
    expect(ready).toMatchObject({ status: 'allocated', shortage: '' });
    expect(ready.allocatedAt).not.toBeNull();
    // Taken from the two returns that restocked them, oldest first, one movement each.
    const moves = await t.platform.db
      .selectFrom('stock_movements')
      .select(['rma_line_id', 'quantity', 'to_status'])
      .where('source_type', '=', 'replacement_order')
      .where('source_id', '=', order.id)
      .execute();
    expect(moves).toHaveLength(2);
    expect(moves.every((m) => m.to_status === 'allocated_to_replacement' && m.quantity === 1)).toBe(true);

    // Cancelled while allocated: the units go back to saleable stock where they were.
    expectProblem(await act(ready, 'cancel', { reason: 'x' }, f.agent), 400);
    expectProblem(await act(ready, 'cancel', { reason: 'customer changed mind' }, f.warehouse), 403);
    const cancelled = await act(ready, 'cancel', { reason: 'customer changed mind' }, f.agent);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<ReplacementOrder>()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'customer changed mind',
    });
    const stock = await stockOf(f, line.product.id);
    expect(stock.filter((s) => s.status === 'allocated_to_replacement')).toEqual([]);
    expect(stock.filter((s) => s.status === 'saleable').reduce((sum, s) => sum + s.quantity, 0)).toBe(2);
    // A cancelled order's units may be replaced again.
    expect((await requested(rma, 'replacement', 2)).status).toBe('requested');
    await expectBalancedBooks(world);
  });

  it('refuses more than the line authorized less what is replaced or credited, and changes nothing', async () => {
    const world = await makeSiteWorld(t);
    const line = await sold(world);
    const rma = await returnOf(line, 2);
    const over = await request(rma, { kind: 'replacement', lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 3 }] });
    expectProblem(over, 422, 'rule_violation');
    expect(over.json<{ detail: string }>().detail).toContain('has 2 of its 2 authorized units left');
    expect(await ordersOf(rma.id)).toEqual([]);
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('stream_id', '=', rma.id)
      .where('action', 'like', 'replacement_order.%')
      .execute();
    expect(audit).toEqual([]);

    // Another product for a replacement is an exchange; an exchange names its product.
    const other = await makeProduct(t.platform, { listPriceMinor: 12_500 });
    expectProblem(
      await request(rma, {
        kind: 'replacement',
        lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 1, productId: other.id }],
      }),
      422,
    );
    expectProblem(await request(rma, { kind: 'exchange', lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 1 }] }), 422);
    expectProblem(await request(rma, { kind: 'exchange', lines: [{ rmaLineId: 'rml_nope', quantity: 1 }] }), 422);
    const exchange = await requested(rma, 'exchange', 1, { productId: other.id });
    // 125.00 list against 100.00 sold: 25.00 for the customer to pay, noted on the line.
    expect(exchange.lines[0]).toMatchObject({
      productId: other.id,
      returnedProductId: line.product.id,
      priceDifferenceMinor: 2_500,
    });
    await requested(rma, 'replacement', 1);
    expectProblem(
      await request(rma, { kind: 'replacement', lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 1 }] }),
      422,
    );

    // The replaced units come back and are restocked: no credit memo, the audit says why.
    const inspectionId = await receive(line, rma, 2);
    await completeInspection(f, inspectionId, { grade: 'D', defectCodes: ['ELECTRICAL_FAULT'] });
    const { response } = await dispose(f, inspectionId, {
      code: 'QUARANTINE',
      overrideReason: 'held for the supplier',
    });
    expect(response.statusCode, response.body).toBe(201);
    const memos = await call(f, finance, 'GET', `/credit-memos?rmaId=${rma.id}`);
    expect(memos.json<{ items: unknown[] }>().items).toEqual([]);
    const skipped = await t.platform.db
      .selectFrom('audit_log')
      .select('after')
      .where('stream_id', '=', rma.id)
      .where('action', '=', 'credit_memo.not_drafted')
      .execute();
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.after).toContain('were replaced (2), not credited in money');

    // Units already credited are not replaced.
    const credited = await sold(world);
    const creditedRma = await returnOf(credited, 1, 'ORDERED_IN_ERROR');
    const creditedInspection = await receive(credited, creditedRma, 1);
    await completeInspection(f, creditedInspection, { grade: 'A' });
    expect((await dispose(f, creditedInspection)).response.statusCode).toBe(201);
    expect(
      (await call(f, finance, 'GET', `/credit-memos?rmaId=${creditedRma.id}`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
    const refused = await request(creditedRma, {
      kind: 'replacement',
      lines: [{ rmaLineId: creditedRma.lines[0]!.id, quantity: 1 }],
    });
    expectProblem(refused, 422);
    expect(refused.json<{ detail: string }>().detail).toContain('1 credited');
    await expectBalancedBooks(world);
  });

  it('an advance replacement charges its deposit on shipping and releases it as the return arrives', async () => {
    const world = await makeSiteWorld(t);
    const line = await sold(world);
    await stockUp(world, line.product, 2);
    const rma = await returnOf(line, 2);
    const order = await requested(rma, 'advance', 2);
    // Known from the request on: two units at 100.00 and their 2/10 of the 80.00 tax, and the
    // policy's 30 days from the day it ships (the date is set then).
    expect(order).toMatchObject({
      kind: 'advance',
      depositStatus: 'pending',
      depositMinor: 21_600,
      depositDays: 30,
      depositDueOn: null,
      depositEntryId: null,
      differenceStatus: 'none',
    });
    expect(order.lines[0]).toMatchObject({ depositUnits: 2, depositMinor: 21_600, releasedUnits: 0 });
    expect(await orderEntries(order)).toEqual([]);
    const out = await shipped(await allocated(order));
    // Two units at 100.00 and their 2/10 of the 80.00 tax, due back within the policy's 30 days.
    expect(out).toMatchObject({
      status: 'shipped',
      depositStatus: 'held',
      depositMinor: 21_600,
      functionalCurrency: 'USD',
      depositFunctionalMinor: 21_600,
      depositDueOn: '2026-12-26',
    });
    expect(out.lines[0]).toMatchObject({ depositUnits: 2, depositMinor: 21_600, releasedUnits: 0 });
    const charged = (await orderEntries(order)).find((e) => e.event === 'replacement_order.deposit_charged')!;
    expect(charged).toMatchObject({ rmaId: rma.id, entryNumber: expect.any(String) });
    expect(out.depositEntryId).toBe(charged.id);
    expect(linesOf(charged)).toEqual([
      ['1100', 21_600, 0],
      ['2500', 0, 21_600],
    ]);
    // Nothing more can be replaced in advance: both units are awaited under this deposit.
    expectProblem(await request(rma, { kind: 'advance', lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 1 }] }), 422);

    await receive(line, rma, 1);
    const half = (await ordersOf(rma.id))[0]!;
    expect(half).toMatchObject({ depositStatus: 'held' });
    expect(half.lines[0]).toMatchObject({ releasedUnits: 1 });
    await receive(line, rma, 1);
    const back = (await ordersOf(rma.id))[0]!;
    expect(back).toMatchObject({ depositStatus: 'released' });
    expect(back.depositSettledAt).not.toBeNull();
    const posted = await orderEntries(order);
    const releases = posted.filter((e) => e.event === 'replacement_order.deposit_released');
    expect(releases.map(linesOf)).toEqual([
      [
        ['2500', 10_800, 0],
        ['1100', 0, 10_800],
      ],
      [
        ['2500', 10_800, 0],
        ['1100', 0, 10_800],
      ],
    ]);
    // The deposit and its releases net to nothing; what is left is the replacement's cost.
    expect(netByCode(posted)).toEqual({ '1400': -12_000, '5000': 12_000 });
    // The sweep has nothing to invoice, however late it runs.
    t.clock.set('2027-02-01T10:00:00.000Z');
    const sweep = await call(f, await signInNow('finance'), 'POST', '/replacement-orders/invoice-overdue-deposits');
    expect(sweep.statusCode, sweep.body).toBe(200);
    expect(sweep.json<{ invoiced: string[] }>().invoiced).not.toContain(order.id);
    t.clock.set(`${TODAY}T10:00:00.000Z`);
    await expectBalancedBooks(world);
  });

  it('an advance replacement that never comes back is invoiced by the sweep after the policy’s days', async () => {
    const world = await makeSiteWorld(t);
    const line = await sold(world);
    await stockUp(world, line.product, 1);
    const rma = await returnOf(line, 1);
    const out = await shipped(await allocated(await requested(rma, 'advance', 1)));
    expect(out).toMatchObject({ depositStatus: 'held', depositMinor: 10_800, depositDueOn: '2026-12-26' });

    let sweeper = finance;
    const sweep = () => call(f, sweeper, 'POST', '/replacement-orders/invoice-overdue-deposits');
    expectProblem(await call(f, f.warehouse, 'POST', '/replacement-orders/invoice-overdue-deposits'), 403);
    expect((await sweep()).json<{ invoiced: string[] }>().invoiced).not.toContain(out.id);
    // On its last day it is still waited for; the day after, it is a sale.
    t.clock.set('2026-12-26T10:00:00.000Z');
    sweeper = await signInNow('finance');
    expect((await sweep()).json<{ invoiced: string[] }>().invoiced).not.toContain(out.id);
    t.clock.set('2026-12-27T10:00:00.000Z');
    sweeper = await signInNow('finance');
    const run = await sweep();
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json<{ invoiced: string[] }>().invoiced).toContain(out.id);
    expect((await sweep()).json<{ invoiced: string[] }>().invoiced).not.toContain(out.id);

    const after = (await ordersOf(rma.id, sweeper))[0]!;
    expect(after).toMatchObject({ depositStatus: 'invoiced' });
    expect(after.lines[0]).toMatchObject({ depositUnits: 1, releasedUnits: 0, invoicedUnits: 1 });
    const invoice = (await orderEntries(out, sweeper)).find((e) => e.event === 'replacement_order.deposit_invoiced')!;
    expect(after.invoiceEntryId).toBe(invoice.id);
    expect(invoice).toMatchObject({ postingDate: '2026-12-27', period: '2026-12', rmaId: rma.id });
    // The deposit becomes the sale of the replacement and the tax on it; the receivable stays, invoiced.
    expect(linesOf(invoice)).toEqual([
      ['2500', 10_800, 0],
      ['4000', 0, 10_000],
      ['2200', 0, 800],
    ]);
    expect(netByCode(await orderEntries(out, sweeper))).toEqual({
      '1100': 10_800,
      '1400': -6_000,
      '2200': -800,
      '4000': -10_000,
      '5000': 6_000,
    });
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', out.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['replacement_order.deposit_charged', 'replacement_order.deposit_invoiced']),
    );
    await expectBalancedBooks(world, '2026-11', sweeper);
    await expectBalancedBooks(world, '2026-12', sweeper);
  });

  it('an advance replacement charges the deposit fixed at the request, for the units still awaited when it ships', async () => {
    const world = await makeSiteWorld(t);
    const line = await sold(world);
    await stockUp(world, line.product, 2);
    const rma = await returnOf(line, 2);
    const order = await requested(rma, 'advance', 2);
    expect(order).toMatchObject({ depositMinor: 21_600, depositDays: 30 });
    // The ERP sends the line again with another tax: what the customer was told stands.
    await t.platform.db
      .updateTable('sales_order_lines')
      .set({ tax_minor: 9_000 })
      .where('id', '=', line.orderLineId)
      .execute();
    // One unit comes back before the replacement ships: the deposit covers the other one only,
    // at the request's figures — 100.00 and 8.00 (not the 9.00 the line now says).
    await receive(line, rma, 1);
    const out = await shipped(await allocated(order));
    expect(out).toMatchObject({ depositStatus: 'held', depositMinor: 10_800, depositDueOn: '2026-12-26' });
    expect(out.lines[0]).toMatchObject({ depositUnits: 1, depositMinor: 10_800 });
    const charged = (await orderEntries(order)).find((e) => e.event === 'replacement_order.deposit_charged')!;
    expect(linesOf(charged)).toEqual([
      ['1100', 10_800, 0],
      ['2500', 0, 10_800],
    ]);
    await receive(line, rma, 1);
    expect((await ordersOf(rma.id))[0]).toMatchObject({ depositStatus: 'released' });
    await expectBalancedBooks(world);
  });

  it('an exchange for a dearer product invoices the difference and its tax when it ships', async () => {
    const world = await makeSiteWorld(t);
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    const line = await sold(world);
    const dearer = await makeProduct(t.platform, { listPriceMinor: 12_500 });
    await stockUp(world, dearer, 2);
    const rma = await returnOf(line, 2);
    const order = await requested(rma, 'exchange', 2, { productId: dearer.id });
    // 2 × (125.00 − 100.00) = 50.00, taxed as the sale was (80.00 on 1,000.00: 8 %): 4.00. Quoted, not posted.
    expect(order).toMatchObject({
      differenceStatus: 'pending',
      differenceMinor: 5_400,
      differenceTaxMinor: 400,
      differenceFunctionalMinor: 0,
      differenceEntryId: null,
      depositStatus: 'none',
      depositMinor: 0,
    });
    expect(order.lines[0]).toMatchObject({ priceDifferenceMinor: 5_000, priceDifferenceTaxMinor: 400 });
    expect(await orderEntries(order)).toEqual([]);

    const out = await shipped(await allocated(order));
    const posted = await orderEntries(order);
    // In the transaction that ships it: the units' cost, and the invoice of the difference.
    expect(posted.map((e) => e.event).sort()).toEqual([
      'replacement_order.price_difference_invoiced',
      'replacement_order.shipped',
    ]);
    const invoice = posted.find((e) => e.event === 'replacement_order.price_difference_invoiced')!;
    expect(invoice).toMatchObject({ rmaId: rma.id, currency: 'USD', totalMinor: 5_400, postingDate: TODAY });
    expect(linesOf(invoice)).toEqual([
      ['1100', 5_400, 0],
      ['4000', 0, 5_000],
      ['2200', 0, 400],
    ]);
    expect(out).toMatchObject({
      differenceStatus: 'invoiced',
      differenceMinor: 5_400,
      differenceTaxMinor: 400,
      functionalCurrency: 'USD',
      differenceFunctionalMinor: 5_400,
      differenceEntryId: invoice.id,
    });
    expect(netByCode(posted)).toEqual({ '1100': 5_400, '1400': -12_000, '2200': -400, '4000': -5_000, '5000': 12_000 });
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', order.id)
      .where('action', '=', 'replacement_order.price_difference_invoiced')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after ?? '{}')).toMatchObject({ amountMinor: 5_400, taxMinor: 400, currency: 'USD' });
    // The customer reads what it is invoiced, not where in the books.
    const seen = (await call(f, customer, 'GET', `/replacement-orders/${order.id}`)).json<Record<string, unknown>>();
    expect(seen).toMatchObject({ differenceStatus: 'invoiced', differenceMinor: 5_400, differenceTaxMinor: 400 });
    for (const hidden of ['differenceEntryId', 'differenceFunctionalMinor', 'functionalCurrency'])
      expect(seen, hidden).not.toHaveProperty(hidden);
    await expectBalancedBooks(world);
    await expectSubledgersTieOut(world);
  });

  it('an exchange for a cheaper product credits the difference against the receivable, not as customer credit', async () => {
    const world = await makeSiteWorld(t);
    const line = await sold(world);
    const cheaper = await makeProduct(t.platform, { listPriceMinor: 8_800 });
    await stockUp(world, cheaper, 1);
    const rma = await returnOf(line, 1);
    const order = await requested(rma, 'exchange', 1, { productId: cheaper.id });
    // 88.00 − 100.00 = −12.00 and 8 % of it given back: −12.96.
    expect(order).toMatchObject({ differenceStatus: 'pending', differenceMinor: -1_296, differenceTaxMinor: -96 });
    expect(order.lines[0]).toMatchObject({ priceDifferenceMinor: -1_200, priceDifferenceTaxMinor: -96 });

    const out = await shipped(await allocated(order));
    const credit = (await orderEntries(order)).find((e) => e.event === 'replacement_order.price_difference_credited')!;
    expect(linesOf(credit)).toEqual([
      ['4100', 1_200, 0],
      ['2200', 96, 0],
      ['1100', 0, 1_296],
    ]);
    expect(out).toMatchObject({
      differenceStatus: 'credited',
      differenceMinor: -1_296,
      differenceFunctionalMinor: -1_296,
      differenceEntryId: credit.id,
    });
    // Customer credit holds open credit memos only: this credit is not one, and nothing stands apart.
    expect(netByCode(await orderEntries(order))).not.toHaveProperty('1200');
    await expectBalancedBooks(world);
    await expectSubledgersTieOut(world);
  });

  it('an exchange at the same price posts nothing for the difference; a cancelled one quotes nothing', async () => {
    const world = await makeSiteWorld(t);
    const line = await sold(world);
    const same = await makeProduct(t.platform, { listPriceMinor: 10_000 });
    await stockUp(world, same, 1);
    const rma = await returnOf(line, 2);
    const order = await requested(rma, 'exchange', 1, { productId: same.id });
    expect(order).toMatchObject({ differenceStatus: 'none', differenceMinor: 0, differenceTaxMinor: 0 });
    expect(order.lines[0]).toMatchObject({ priceDifferenceMinor: 0, priceDifferenceTaxMinor: 0 });
    const out = await shipped(await allocated(order));
    expect(out).toMatchObject({ differenceStatus: 'none', differenceEntryId: null, differenceFunctionalMinor: 0 });
    expect((await orderEntries(order)).map((e) => e.event)).toEqual(['replacement_order.shipped']);

    const dearer = await makeProduct(t.platform, { listPriceMinor: 11_000 });
    const quoted = await requested(rma, 'exchange', 1, { productId: dearer.id });
    expect(quoted).toMatchObject({ differenceStatus: 'pending', differenceMinor: 1_080 });
    const cancelled = await act(quoted, 'cancel', { reason: 'customer keeps the old one' }, f.agent);
    expect(cancelled.json<ReplacementOrder>()).toMatchObject({ status: 'cancelled', differenceStatus: 'none' });
    expect(await orderEntries(quoted)).toEqual([]);
    await expectBalancedBooks(world);
  });

  it('refuses one exchange whose lines cost more and less: an invoice and a credit are two exchanges', async () => {
    const world = await makeSiteWorld(t);
    const [first, second] = [await sold(world), await sold(world)];
    const created = await call(f, f.agent, 'POST', '/returns', {
      customerId: world.customer.id,
      returnType: 'standard',
      lines: [first, second].map((line) => ({
        orderLineId: line.orderLineId,
        quantity: 1,
        reasonCode: 'DEFECTIVE',
        claimedCondition: 'defective',
      })),
    });
    expect(created.statusCode, created.body).toBe(201);
    let rma = created.json<Rma>();
    if (rma.status === 'pending_approval')
      rma = (
        await call(f, manager, 'POST', `/returns/${rma.id}/approve`, { comment: 'ok' }, ifMatch(rma.version))
      ).json<Rma>();
    const [dearer, cheaper] = [
      await makeProduct(t.platform, { listPriceMinor: 12_000 }),
      await makeProduct(t.platform, { listPriceMinor: 9_000 }),
    ];
    const mixed = await request(rma, {
      kind: 'exchange',
      lines: [
        { rmaLineId: rma.lines[0]!.id, quantity: 1, productId: dearer.id },
        { rmaLineId: rma.lines[1]!.id, quantity: 1, productId: cheaper.id },
      ],
    });
    expectProblem(mixed, 422, 'rule_violation');
    expect(mixed.json<{ errors: Array<{ path: string }> }>().errors[0]!.path).toBe('lines.1.productId');
    expect(await ordersOf(rma.id)).toEqual([]);
    // Each on its own is fine.
    expect((await requested(rma, 'exchange', 1, { productId: dearer.id })).differenceMinor).toBe(2_160);
  });

  it('an exchange sold in another currency is quoted in it and booked in the entity’s at the ship day’s rate', async () => {
    // EUR/USD 1.25: the USD-listed product converts into the sale's euros, the difference into dollars.
    await insertRate(t, { date: TODAY, quote: 'USD', rate: '1.25' });
    const world = await makeSiteWorld(t);
    const line = await soldLine(f, world, { currency: 'EUR' });
    const dearer = await makeProduct(t.platform, { listPriceMinor: 15_000, currency: 'USD' });
    await stockUp(world, dearer, 1);
    const rma = await returnOf(line, 1);
    const order = await requested(rma, 'exchange', 1, { productId: dearer.id });
    // USD 150.00 is EUR 120.00: EUR 20.00 more than the 100.00 sold, and 8 % tax: EUR 21.60.
    expect(order).toMatchObject({ currency: 'EUR', differenceMinor: 2_160, differenceTaxMinor: 160 });
    expect(order.lines[0]).toMatchObject({ priceDifferenceMinor: 2_000 });
    const out = await shipped(await allocated(order));
    const invoice = (await orderEntries(order)).find((e) => e.event === 'replacement_order.price_difference_invoiced')!;
    expect(invoice).toMatchObject({ currency: 'USD', totalMinor: 2_700 });
    expect(linesOf(invoice)).toEqual([
      ['1100', 2_700, 0],
      ['4000', 0, 2_500],
      ['2200', 0, 200],
    ]);
    expect(out).toMatchObject({ functionalCurrency: 'USD', differenceMinor: 2_160, differenceFunctionalMinor: 2_700 });
    await expectBalancedBooks(world);
    await expectSubledgersTieOut(world);
  });

  it('a customer reads the replacements of its own returns in its own shape; another customer gets 404', async () => {
    const world = await makeSiteWorld(t);
    const neighbour = await withCustomer(t, world, 'silver');
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    const stranger = await t.tokenFor('customer', { customerId: neighbour.customer.id });
    const line = await sold(world);
    const rma = await returnOf(line, 1);
    const order = await requested(rma, 'advance', 1);

    const own = await call(f, customer, 'GET', `/replacement-orders/${order.id}`);
    expect(own.statusCode, own.body).toBe(200);
    const seen = own.json<Record<string, unknown>>();
    // The deposit the customer will be charged is theirs to read from the request on.
    expect(seen).toMatchObject({
      id: order.id,
      kind: 'advance',
      status: 'requested',
      depositStatus: 'pending',
      depositMinor: 10_800,
      depositDays: 30,
    });
    for (const hidden of [
      'note',
      'siteId',
      'shortage',
      'depositEntryId',
      'requestedBy',
      'depositFunctionalMinor',
      'differenceEntryId',
      'differenceFunctionalMinor',
    ])
      expect(seen, hidden).not.toHaveProperty(hidden);
    const listed = await ordersOf(rma.id, customer);
    expect(listed.map((o) => o.id)).toEqual([order.id]);
    expect(listed[0]).not.toHaveProperty('note');

    expectProblem(await call(f, stranger, 'GET', `/replacement-orders/${order.id}`), 404);
    expect(await ordersOf(rma.id, stranger)).toEqual([]);
    expectProblem(
      await request(rma, { kind: 'replacement', lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 1 }] }, customer),
      403,
    );
    expectProblem(await act(order, 'allocate', undefined, customer), 403);
    expectProblem(await act(order, 'cancel', { reason: 'not mine' }, customer), 403);
    expectProblem(await call(f, f.agent, 'GET', '/replacement-orders/rpo_missing'), 404);
    // Staff cannot request against another customer's return by mistake of scope either: a 404 for the customer.
    expectProblem(
      await request(rma, { kind: 'replacement', lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 1 }] }, stranger),
      403,
    );
  });
});
