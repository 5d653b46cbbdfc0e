// Traceability and recalls through the API. A serial's trace follows it from the order line that
// shipped it through its return, receipt, inspection, disposition and stock movements to where it
// lies now; a lot's, every record of that lot. A recall raises one recall RMA per customer who
// received an affected lot, for what each can still return, and reports the lines it skipped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RaisedRecall, Recall, RecallSummary } from '../../src/contracts/recalls.js';
import type { Trace } from '../../src/contracts/trace.js';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeSite } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';
import { call, completeInspection, dispose, receivedReturn, startFlow, type Flow } from './support/inspection-flow.js';

describe.each(DIALECTS)('trace and recall on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let entity: { id: string };
  let site: { id: string; code: string };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    entity = await makeLegalEntity(t.platform);
    site = await makeSite(t.platform, entity.id, { capabilities: ['receiving', 'inspection', 'regulated_goods'] });
  });
  afterEach(() => t.clock.set(`${TODAY}T10:00:00.000Z`));
  afterAll(() => t.close());

  const trace = async (token: string, query: string) => {
    const res = await call(f, token, 'GET', `/trace?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Trace>();
  };
  const customer = (tier: 'gold' | 'bronze' = 'gold') => makeCustomer(t.platform, entity.id, { tier });
  const lotProduct = () => makeProduct(t.platform, { isLotControlled: true });
  const orderOf = (customerId: string, productId: string, quantityShipped: number, lotsShipped: string[]) =>
    makeOrder(t.platform, {
      customerId,
      legalEntityId: entity.id,
      lines: [{ productId, quantityShipped, lotsShipped }],
    });

  it('traces a serial from its sale through return, receipt, inspection and disposition to where it is now', async () => {
    const serials = [`SN-${dialect}-T1`, `SN-${dialect}-T2`];
    const r = await receivedReturn(f, { serials });
    const inspection = r.inspections.find((i) => i.serial === serials[0])!;
    t.clock.set(`${TODAY}T11:00:00.000Z`);
    await completeInspection(f, inspection.id, { grade: 'A' });
    t.clock.set(`${TODAY}T12:00:00.000Z`);
    const { recommendation, response } = await dispose(f, inspection.id);
    expect(response.statusCode, response.body).toBe(201);

    const path = await trace(f.agent, `serial=${serials[0]}`);
    expect(path.query).toEqual({ serial: serials[0], lot: null, productId: null });
    expect(path.matches).toEqual([{ productId: r.product.id, sku: r.product.sku, name: r.product.name }]);
    expect(path.events.map((e) => e.stage)).toEqual([
      'sold',
      'returned',
      'received',
      'moved',
      'inspected',
      'disposed',
      'moved',
    ]);
    const [sold, returned, received, , inspected, disposed, moved] = path.events;
    expect(sold).toMatchObject({ at: '2026-11-12', units: 1, href: expect.stringMatching(/^\/service\/orders\//) });
    expect(returned).toMatchObject({
      reference: r.rma.rmaNumber,
      rmaId: r.rma.id,
      href: `/returns/${r.rma.id}`,
      units: 1,
    });
    expect(returned!.detail).toMatch(/serialized return, authorized/);
    expect(received).toMatchObject({ rmaNumber: r.rma.rmaNumber, title: `Received at ${r.world.site.code}` });
    expect(inspected).toMatchObject({
      title: 'Inspected: grade A',
      reference: inspection.id,
      href: `/quality/inspections/${inspection.id}`,
    });
    expect(disposed!.title).toContain(recommendation.code);
    expect(disposed!.at).toBe(`${TODAY}T12:00:00.000Z`);
    expect(moved!.at).toBe(`${TODAY}T12:00:00.000Z`);
    // Oldest first, every event of this serial and none of the other's.
    const times = path.events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(path.whereNow).toEqual([
      expect.objectContaining({ serial: serials[0], quantity: 1, rmaNumber: r.rma.rmaNumber, status: 'saleable' }),
    ]);

    // The other serial of the same return is received and waits for inspection.
    const other = await trace(f.quality, `serial=${serials[1]}`);
    // Received, queued and put into stock in one transaction: the queue is reported before the stock.
    expect(other.events.map((e) => e.stage)).toEqual(['sold', 'returned', 'received', 'inspected', 'moved']);
    expect(other.events[3]!.title).toMatch(/^Waiting for inspection/);
    expect(other.whereNow).toEqual([
      expect.objectContaining({ serial: serials[1], quantity: 1, status: 'awaiting_inspection' }),
    ]);
    // Serials are matched exactly, as every stage records them.
    expect((await trace(f.agent, `serial=${serials[0]!.toLowerCase()}`)).events).toEqual([]);
  });

  it("follows a serial through what its disposition opened: the work order, its outcome, the unit's disposal", async () => {
    const serial = `SN-${dialect}-REPAIR`;
    const r = await receivedReturn(f, {
      serials: [serial],
      claimedCondition: 'used',
      product: { category: 'Networking' },
    });
    const id = r.inspections[0]!.id;
    t.clock.set(`${TODAY}T11:00:00.000Z`);
    await completeInspection(f, id, { grade: 'D', defectCodes: ['DEAD_ON_ARRIVAL'] });
    const { recommendation, response } = await dispose(f, id);
    expect(recommendation.code).toBe('REPAIR_INTERNAL');
    expect(response.statusCode, response.body).toBe(201);
    const wo = (await call(f, f.quality, 'GET', `/work-orders/${response.json().followUpId}`)).json();
    t.clock.set(`${TODAY}T15:00:00.000Z`);
    const outcome = await call(
      f,
      f.quality,
      'POST',
      `/work-orders/${wo.id}/outcome`,
      { outcome: 'beyond_repair', actualCostMinor: 800, note: 'board burnt' },
      { 'if-match': `"${wo.version}"` },
    );
    expect(outcome.statusCode, outcome.body).toBe(200);

    const path = await trace(f.quality, `serial=${serial}&productId=${r.product.id}`);
    const later = path.events.filter((e) => e.at >= `${TODAY}T11:00:00.000Z`);
    expect(later.map((e) => [e.stage, e.title])).toEqual([
      ['inspected', 'Inspected: grade D'],
      ['disposed', 'Disposition REPAIR_INTERNAL (repair)'],
      ['followed_up', `Work order ${wo.workOrderNumber} opened (repair)`],
      ['moved', expect.stringMatching(/^Moved \S+ → REPAIR \(awaiting inspection → in repair\)$/)],
      ['followed_up', `Work order ${wo.workOrderNumber}: beyond repair`],
      ['followed_up', expect.stringMatching(/^Disposed of \(scrap\) on /)],
      ['moved', 'Moved REPAIR → SCRAP (in repair → scrapped)'],
    ]);
    expect(later[4]!.detail).toContain('board burnt');
    expect(path.whereNow).toEqual([expect.objectContaining({ serial, status: 'scrapped', locationCode: 'SCRAP' })]);
  });

  it('traces a lot: the order lines that shipped it, the returns that named it, its receipt and stock', async () => {
    const product = await lotProduct();
    const lot = `LOT-${dialect}-TRACE`;
    const buyer = await customer();
    const bystander = await customer();
    const order = await orderOf(buyer.id, product.id, 10, [lot, `${lot}-OTHER`]);
    await orderOf(bystander.id, product.id, 5, [`${lot}-OTHER`]);
    const created = await call(f, f.agent, 'POST', '/returns', {
      customerId: buyer.id,
      lines: [
        {
          orderLineId: order.lines[0]!.id,
          quantity: 3,
          reasonCode: 'DEFECTIVE',
          claimedCondition: 'opened_unused',
          lots: [lot],
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const rma = created.json<{ id: string; rmaNumber: string }>();
    const receipt = await call(f, f.warehouse, 'POST', `/returns/${rma.id}/receipts`, {
      siteId: site.id,
      items: [{ productId: product.id, quantity: 3, lots: [lot] }],
    });
    expect(receipt.statusCode, receipt.body).toBe(201);

    const path = await trace(f.warehouse, `lot=${lot}&productId=${product.id}`);
    expect(path.events.map((e) => e.stage)).toEqual(['sold', 'returned', 'received', 'inspected', 'moved']);
    expect(path.events[0]).toMatchObject({ reference: order.orderNumber, units: 10 });
    expect(path.events[0]!.title).toContain(buyer.name);
    expect(path.events[1]).toMatchObject({ reference: rma.rmaNumber, units: 3 });
    expect(path.whereNow).toEqual([
      expect.objectContaining({ lot, quantity: 3, status: 'awaiting_inspection', siteCode: site.code }),
    ]);
    // The other lot of the same line is another trace; a product the lot was not sold on finds nothing.
    expect((await trace(f.warehouse, `lot=${lot}-OTHER`)).events.filter((e) => e.stage === 'sold')).toHaveLength(2);
    const elsewhere = await lotProduct();
    const none = await trace(f.warehouse, `lot=${lot}&productId=${elsewhere.id}`);
    expect(none).toMatchObject({ events: [], whereNow: [], matches: [], unitsLeftStock: 0 });
  });

  it('refuses a trace without exactly one serial or lot, or with one too long, as a problem', async () => {
    for (const query of ['', 'serial=A&lot=B', `serial=${'X'.repeat(101)}`, 'lot=%20%20', 'serial=A&color=red']) {
      expectProblem(await call(f, f.agent, 'GET', `/trace?${query}`), 400, 'validation_failed');
    }
    // Wildcards and quotes are characters like any other, never patterns.
    const serialized = await makeProduct(t.platform, { isSerialized: true });
    const buyer = await customer();
    await makeOrder(t.platform, {
      customerId: buyer.id,
      legalEntityId: entity.id,
      lines: [{ productId: serialized.id, quantityShipped: 2, serialsShipped: [`SN-${dialect}-W1`, 'SN"Q'] }],
    });
    expect((await trace(f.agent, `serial=SN-${dialect}-W1`)).events).toHaveLength(1);
    for (const probe of ['%25', '_', `SN-${dialect}-W_`, 'SN-%25', 'Q', '%22']) {
      expect((await trace(f.agent, `serial=${probe}`)).events, probe).toEqual([]);
    }
    expect((await trace(f.agent, `serial=${encodeURIComponent('SN"Q')}`)).events).toHaveLength(1);
    const nothing = await trace(f.agent, 'serial=NEVER-SOLD-ANYWHERE');
    expect(nothing).toEqual({
      query: { serial: 'NEVER-SOLD-ANYWHERE', lot: null, productId: null },
      matches: [],
      events: [],
      whereNow: [],
      unitsLeftStock: 0,
    });
  });

  it('is for staff: a customer is refused tracing and recalls', async () => {
    const own = await customer();
    const portal = await t.tokenFor('customer', { customerId: own.id });
    expectProblem(await call(f, portal, 'GET', '/trace?serial=SN-1'), 403, 'forbidden');
    expectProblem(await call(f, portal, 'GET', '/recalls'), 403, 'forbidden');
    const product = await lotProduct();
    const body = { productId: product.id, lots: ['L1'], reason: 'contaminated' };
    expectProblem(await call(f, portal, 'POST', '/recalls', body), 403, 'forbidden');
    // Staff without the recall permission may read recalls but not raise them.
    expectProblem(await call(f, f.warehouse, 'POST', '/recalls', body), 403, 'forbidden');
    expect((await call(f, f.warehouse, 'GET', '/recalls')).statusCode).toBe(200);
  });

  it('raises recall RMAs for exactly the customers who received the lot, for what each can still return', async () => {
    const product = await lotProduct();
    const lot = `LOT-${dialect}-RECALL`;
    const [first, second, alreadyReturned, otherLot, otherProduct] = await Promise.all([
      customer(),
      customer(),
      customer(),
      customer(),
      customer(),
    ]);
    const firstOrders = [
      await orderOf(first.id, product.id, 10, [lot]),
      await orderOf(first.id, product.id, 5, [`${lot}-X`, lot]),
    ];
    const secondOrder = await orderOf(second.id, product.id, 4, [lot]);
    const returnedOrder = await orderOf(alreadyReturned.id, product.id, 3, [lot]);
    await orderOf(otherLot.id, product.id, 6, [`${lot}-X`]);
    await orderOf(otherProduct.id, (await lotProduct()).id, 7, [lot]);
    // Before the recall: the second customer returned one unit, the third all of theirs.
    for (const [customerId, orderLineId, quantity] of [
      [second.id, secondOrder.lines[0]!.id, 1],
      [alreadyReturned.id, returnedOrder.lines[0]!.id, 3],
    ] as const) {
      const res = await call(f, f.agent, 'POST', '/returns', {
        customerId,
        lines: [{ orderLineId, quantity, reasonCode: 'OVERSTOCK', claimedCondition: 'unopened' }],
      });
      expect(res.statusCode, res.body).toBe(201);
    }

    const raised = await call(
      f,
      f.quality,
      'POST',
      '/recalls',
      { productId: product.id, lots: [lot, lot], reason: 'Seal failure in this lot' },
      { 'idempotency-key': `recall-${dialect}-1` },
    );
    expect(raised.statusCode, raised.body).toBe(201);
    const recall = raised.json<RaisedRecall>();
    expect(recall.recallNumber).toMatch(/^RCL-/);
    expect(recall.lots).toEqual([lot]);
    expect(recall.createdBy).toBe('quality@test.local');
    expect(recall.rmas.map((r) => [r.customerId, r.units, r.lineCount, r.status]).sort()).toEqual(
      [
        [first.id, 15, 2, 'authorized'],
        [second.id, 3, 1, 'authorized'],
      ].sort(),
    );
    expect(recall.skipped).toEqual([
      expect.objectContaining({
        customerId: alreadyReturned.id,
        orderNumber: returnedOrder.orderNumber,
        quantityShipped: 3,
        quantityReturnedOrHeld: 3,
        reason: expect.stringMatching(/already returned/),
      }),
    ]);

    // Each RMA: a recall return, authorized, of that customer's own order lines only.
    const ownLines = new Map([
      [first.id, firstOrders.map((o) => o.lines[0]!.id)],
      [second.id, [secondOrder.lines[0]!.id]],
    ]);
    for (const summary of recall.rmas) {
      const res = await call(f, f.agent, 'GET', `/returns/${summary.rmaId}`);
      expect(res.statusCode, res.body).toBe(200);
      const rma = res.json<{
        returnType: string;
        status: string;
        customerId: string;
        customerReference: string;
        requestedBy: string;
        channel: string;
        lines: Array<{
          orderLineId: string;
          quantity: number;
          reasonCode: string;
          claimedCondition: string;
          lots: string[];
        }>;
      }>();
      expect(rma).toMatchObject({
        returnType: 'recall',
        channel: 'recall',
        status: 'authorized',
        customerId: summary.customerId,
        customerReference: recall.recallNumber,
        requestedBy: 'quality@test.local',
      });
      expect(rma.lines.map((l) => l.orderLineId).sort()).toEqual([...ownLines.get(summary.customerId)!].sort());
      for (const line of rma.lines)
        expect(line).toMatchObject({ reasonCode: 'RECALL', claimedCondition: 'unopened', lots: [lot] });
    }
    const secondRma = recall.rmas.find((r) => r.customerId === second.id)!;
    const firstRma = recall.rmas.find((r) => r.customerId === first.id)!;
    const secondPortal = await t.tokenFor('customer', { customerId: second.id });
    expect((await call(f, secondPortal, 'GET', `/returns/${secondRma.rmaId}`)).statusCode).toBe(200);
    expectProblem(await call(f, secondPortal, 'GET', `/returns/${firstRma.rmaId}`), 404);

    // A retried request replays the first answer; nothing is raised twice.
    const replay = await call(
      f,
      f.quality,
      'POST',
      '/recalls',
      { productId: product.id, lots: [lot, lot], reason: 'Seal failure in this lot' },
      { 'idempotency-key': `recall-${dialect}-1` },
    );
    expect(replay.json<RaisedRecall>().id).toBe(recall.id);

    // Recalling the lot again finds nothing left to return: never more than shipped.
    const again = await call(f, f.quality, 'POST', '/recalls', {
      productId: product.id,
      lots: [lot],
      reason: 'Second notice',
    });
    expect(again.statusCode, again.body).toBe(201);
    const second_ = again.json<RaisedRecall>();
    expect(second_.rmas).toEqual([]);
    expect(second_.skipped.map((s) => s.customerId).sort()).toEqual(
      [first.id, first.id, second.id, alreadyReturned.id].sort(),
    );
    for (const skip of second_.skipped) expect(skip.quantityReturnedOrHeld).toBe(skip.quantityShipped);

    const listed = await call(f, f.agent, 'GET', `/recalls?productId=${product.id}`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ items: RecallSummary[] }>().items.map((r) => [r.recallNumber, r.rmaCount])).toEqual([
      [second_.recallNumber, 0],
      [recall.recallNumber, 2],
    ]);
    const read = await call(f, f.agent, 'GET', `/recalls/${recall.id}`);
    expect(read.statusCode, read.body).toBe(200);
    const detail = read.json<Recall>();
    expect(detail.rmas.map((r) => [r.rmaNumber, r.customerName, r.status, r.units]).sort()).toEqual(
      recall.rmas.map((r) => [r.rmaNumber, r.customerName, r.status, r.units]).sort(),
    );
    expectProblem(await call(f, f.agent, 'GET', '/recalls/rcl_nope'), 404, 'not_found');

    // The recall shows in the lot's trace: each line of the recall returns names the lot.
    const path = await trace(f.quality, `lot=${lot}&productId=${product.id}`);
    expect(
      path.events
        .filter((e) => e.stage === 'returned')
        .map((e) => e.reference)
        .sort(),
    ).toEqual([firstRma.rmaNumber, firstRma.rmaNumber, secondRma.rmaNumber].sort());
  });

  it('refuses a recall of no lot, too many lots, an unknown product or a lot nobody received', async () => {
    const product = await lotProduct();
    const recall = (body: object) => call(f, f.quality, 'POST', '/recalls', body);
    expectProblem(await recall({ productId: product.id, lots: [], reason: 'x' }), 400, 'validation_failed');
    const lots = Array.from({ length: 51 }, (_, i) => `L${i}`);
    expectProblem(await recall({ productId: product.id, lots, reason: 'x' }), 400, 'validation_failed');
    expectProblem(await recall({ productId: product.id, lots: ['L1'], reason: ' ' }), 400, 'validation_failed');
    expectProblem(await recall({ productId: 'prd_nope', lots: ['L1'], reason: 'x' }), 404, 'not_found');
    expectProblem(await recall({ productId: product.id, lots: ['NEVER-SHIPPED'], reason: 'x' }), 422, 'not_eligible');
    const none = await call(f, f.agent, 'GET', `/recalls?productId=${product.id}`);
    expect(none.json<{ total: number }>().total).toBe(0);
  });
});
