// Sales orders over HTTP: recording shipped orders from the ERP (one at a time and in bulk),
// the checks on their lines, searching them, and what a customer account may see.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeSite } from '../support/factories.js';

const tag = () => randomBytes(4).toString('hex').toUpperCase();
const errorPaths = (res: LightMyRequestResponse) =>
  (res.json().errors ?? []).map((e: { path: string }) => e.path) as string[];

describe.each(DIALECTS)('sales orders over HTTP on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let entityId: string;
  let customerId: string;
  let drillId: string;
  let scannerId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.tokenFor('admin');
    agent = await t.tokenFor('cs_agent');
    entityId = (await makeLegalEntity(t.platform)).id;
    customerId = (await makeCustomer(t.platform, entityId)).id;
    drillId = (await makeProduct(t.platform)).id;
    scannerId = (await makeProduct(t.platform, { name: 'Barcode Scanner', isSerialized: true })).id;
  });
  afterAll(async () => t?.close());

  const countOrders = async () =>
    Number(
      (
        await t.platform.db
          .selectFrom('sales_orders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countLines = async () =>
    Number(
      (
        await t.platform.db
          .selectFrom('sales_order_lines')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  function orderBody(overrides: Record<string, unknown> = {}, lines?: Array<Record<string, unknown>>) {
    return {
      orderNumber: `SO-${tag()}`,
      customerId,
      legalEntityId: entityId,
      currency: 'USD',
      orderDate: '2026-11-02',
      customerPo: `PO-${tag()}`,
      lines: lines ?? [
        {
          lineNumber: 1,
          productId: drillId,
          quantityShipped: 4,
          unitPriceMinor: 10000,
          taxMinor: 3200,
          shipDate: '2026-11-03',
          deliveryDate: '2026-11-05',
        },
        {
          lineNumber: 2,
          productId: scannerId,
          quantityShipped: 2,
          unitPriceMinor: 25000,
          serialsShipped: ['SN-A', 'SN-B'],
        },
      ],
      ...overrides,
    };
  }

  it('records a shipped order and shows it with its lines and nothing committed yet', async () => {
    const body = orderBody({ channel: 'edi' });
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/orders', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(order.id).toMatch(/^so_/);
    expect(res.headers.location).toBe(`/api/v1/orders/${order.id}`);
    expect(order).toMatchObject({
      orderNumber: body.orderNumber,
      customerId,
      legalEntityId: entityId,
      currency: 'USD',
      orderDate: '2026-11-02',
      customerPo: body.customerPo,
      channel: 'edi',
      version: 1,
    });
    expect(order.customerName).toMatch(/^Customer /);
    expect(order.lines).toHaveLength(2);
    expect(order.lines[0]).toMatchObject({
      lineNumber: 1,
      productId: drillId,
      quantityShipped: 4,
      quantityCommitted: 0,
      unitPriceMinor: 10000,
      taxMinor: 3200,
      shipDate: '2026-11-03',
      deliveryDate: '2026-11-05',
      serialsShipped: [],
      lotsShipped: [],
      shipSiteId: null,
      productName: 'Cordless Drill 18V',
    });
    expect(order.lines[1]).toMatchObject({
      lineNumber: 2,
      productId: scannerId,
      quantityCommitted: 0,
      taxMinor: 0,
      serialsShipped: ['SN-A', 'SN-B'],
      deliveryDate: null,
      productName: 'Barcode Scanner',
    });
    expect(order.lines[0].id).toMatch(/^sol_/);
    expect(order.lines[0].sku).toMatch(/^SKU-/);

    const fetched = await t.request(agent, { method: 'GET', url: `/api/v1/orders/${order.id}` });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(order);
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', order.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['sales_order.created']);
    const outbox = await t.platform.db
      .selectFrom('outbox_events')
      .select('event_type')
      .where('aggregate_id', '=', order.id)
      .execute();
    expect(outbox.map((e) => e.event_type)).toEqual(['sales_order.created']);
    expectProblem(await t.request(agent, { method: 'GET', url: '/api/v1/orders/so_nope' }), 404, 'not_found');
  });

  it('records the ship-from site when the line names one', async () => {
    const site = await makeSite(t.platform, entityId);
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/orders',
      payload: orderBody({}, [
        { lineNumber: 1, productId: drillId, quantityShipped: 1, unitPriceMinor: 100, shipSiteId: site.id },
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lines[0].shipSiteId).toBe(site.id);
  });

  it('refuses a second order with the same order number (409)', async () => {
    const body = orderBody();
    expect((await t.request(admin, { method: 'POST', url: '/api/v1/orders', payload: body })).statusCode).toBe(201);
    const before = await countLines();
    const again = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/orders',
      payload: { ...body, customerPo: 'another PO' },
    });
    expectProblem(again, 409, 'conflict');
    expect(again.json().detail).toContain(body.orderNumber);
    expect(await countLines()).toBe(before);
  });

  it('names the line and field that is wrong, and records nothing', async () => {
    const ordersBefore = await countOrders();
    const linesBefore = await countLines();
    const line = (overrides: Record<string, unknown> = {}) => ({
      lineNumber: 1,
      productId: drillId,
      quantityShipped: 1,
      unitPriceMinor: 100,
      ...overrides,
    });
    const cases: Array<[object, string, string | RegExp]> = [
      [orderBody({}, [line(), line({ lineNumber: 2, productId: 'prd_nope' })]), 'lines.1.productId', 'prd_nope'],
      [orderBody({}, [line({ productId: 'prd_nope' }), line({ lineNumber: 2 })]), 'lines.0.productId', 'prd_nope'],
      [
        orderBody({}, [line(), line({ lineNumber: 2, quantityShipped: 3, serialsShipped: ['SN-1', 'SN-2'] })]),
        'lines.1.serialsShipped',
        /2 serials for 3 shipped/,
      ],
      [
        orderBody({}, [line({ quantityShipped: 1, serialsShipped: ['SN-1', 'SN-2'] })]),
        'lines.0.serialsShipped',
        /serials/,
      ],
      [orderBody({}, [line(), line()]), 'lines', /unique/],
      [orderBody({ customerId: 'cus_nope' }), 'customerId', 'cus_nope'],
      [orderBody({ legalEntityId: 'le_nope' }), 'legalEntityId', 'le_nope'],
      [orderBody({ currency: 'BGN' }), 'currency', 'BGN'],
      [orderBody({ currency: 'XXX' }), 'currency', 'XXX'],
      [orderBody({ currency: 'usd' }), 'currency', /currency/],
      [orderBody({}, []), 'lines', /lines/],
      [orderBody({ orderDate: '2026-02-30' }), 'orderDate', /orderDate/],
      [orderBody({ channel: 'fax' }), 'channel', /channel/],
      [orderBody({ source: 'erp' }), '(body)', /source/],
      [orderBody({}, [line({ quantityShipped: -1 })]), 'lines.0.quantityShipped', /quantityShipped/],
      [orderBody({}, [line({ lineNumber: 0 })]), 'lines.0.lineNumber', /lineNumber/],
      [orderBody({}, [line({ unitPriceMinor: 9.99 })]), 'lines.0.unitPriceMinor', /unitPriceMinor/],
      [orderBody({}, [line({ deliveryDate: 'yesterday' })]), 'lines.0.deliveryDate', /deliveryDate/],
      [orderBody({}, [line({ serialsShipped: [''] })]), 'lines.0.serialsShipped.0', /serialsShipped/],
      // Amounts past JavaScript's exact integers would break every list that sums them (found by the fuzz test).
      [
        orderBody({}, [line({ quantityShipped: 1_000_000, unitPriceMinor: Number.MAX_SAFE_INTEGER })]),
        'lines.0.unitPriceMinor',
        /too large an amount/,
      ],
      [
        orderBody({}, [
          line({ unitPriceMinor: Number.MAX_SAFE_INTEGER - 10 }),
          line({ lineNumber: 2, unitPriceMinor: 100 }),
        ]),
        'lines.1.unitPriceMinor',
        /line 2: .*too large an amount/,
      ],
    ];
    for (const [payload, path, detail] of cases) {
      const res = await t.request(admin, { method: 'POST', url: '/api/v1/orders', payload });
      expectProblem(res, 400, 'validation_failed');
      expect(errorPaths(res), JSON.stringify(payload)).toContain(path);
      expect(res.json().detail).toMatch(detail);
    }
    expect(await countOrders()).toBe(ordersBefore);
    expect(await countLines()).toBe(linesBefore);
  });

  it('refuses a ship-from site that does not exist as bad input, not as a server fault', async () => {
    const before = await countOrders();
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/orders',
      payload: orderBody({}, [
        { lineNumber: 1, productId: drillId, quantityShipped: 1, unitPriceMinor: 100, shipSiteId: 'site_nope' },
      ]),
    });
    expect(res.statusCode, res.body).toBeLessThan(500);
    expectProblem(res, 400, 'validation_failed');
    expect(errorPaths(res)).toContain('lines.0.shipSiteId');
    expect(await countOrders()).toBe(before);
  });

  it('lets only admins record orders', async () => {
    for (const role of ['cs_agent', 'cs_manager', 'warehouse', 'finance'] as const) {
      expectProblem(
        await t.request(await t.tokenFor(role), { method: 'POST', url: '/api/v1/orders', payload: orderBody() }),
        403,
        'forbidden',
      );
    }
    const me = await t.tokenFor('customer', { customerId });
    expectProblem(await t.request(me, { method: 'POST', url: '/api/v1/orders', payload: orderBody() }), 403);
    const before = await countOrders();
    const bulk = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/orders/bulk',
      payload: { items: [orderBody(), orderBody()] },
    });
    expectProblem(bulk, 403, 'forbidden');
    expect(await countOrders()).toBe(before);
  });

  it('refuses a bulk load from a non-admin with 403, as master data bulk loads do', async () => {
    expectProblem(
      await t.request(agent, { method: 'POST', url: '/api/v1/orders/bulk', payload: { items: [orderBody()] } }),
      403,
      'forbidden',
    );
  });

  it('reports a bulk item with an unknown ship-from site as one failed result', async () => {
    const line = (shipSiteId: string | null) => [
      { lineNumber: 1, productId: drillId, quantityShipped: 1, unitPriceMinor: 1, shipSiteId },
    ];
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/orders/bulk',
      payload: { items: [orderBody({}, line(null)), orderBody({}, line('site_nope')), orderBody({}, line(null))] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      created: 2,
      failed: 1,
      results: [{ ok: true }, { ok: false, error: { code: 'validation_failed' } }, { ok: true }],
    });
  });

  it('finds orders by order number, customer PO and customer, with paging', async () => {
    const buyer = await makeCustomer(t.platform, entityId, { name: `Hardware ${tag()}` });
    const marker = tag();
    const created = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/orders',
        payload: orderBody({
          customerId: buyer.id,
          orderNumber: `SO-${marker}-${i}`,
          customerPo: `PO-${marker}-${i}`,
          orderDate: `2026-10-0${i + 1}`,
        }),
      });
      expect(res.statusCode).toBe(201);
      created.push(res.json());
    }

    const byNumber = (
      await t.request(agent, { method: 'GET', url: `/api/v1/orders?q=so-${marker.toLowerCase()}-3` })
    ).json();
    expect(byNumber.total).toBe(1);
    expect(byNumber.items[0]).toMatchObject({
      id: created[3].id,
      orderNumber: `SO-${marker}-3`,
      customerId: buyer.id,
      customerName: buyer.name,
      lineCount: 2,
      version: 1,
    });
    const byPo = (await t.request(agent, { method: 'GET', url: `/api/v1/orders?q=PO-${marker}-1` })).json();
    expect(byPo.items.map((o: { id: string }) => o.id)).toEqual([created[1].id]);
    const byCustomerName = (
      await t.request(agent, { method: 'GET', url: `/api/v1/orders?q=${encodeURIComponent(buyer.name)}` })
    ).json();
    expect(byCustomerName.total).toBe(5);

    // Filter by customer: newest order date first, paged.
    const page1 = (
      await t.request(agent, { method: 'GET', url: `/api/v1/orders?customerId=${buyer.id}&pageSize=2` })
    ).json();
    expect(page1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.items.map((o: { orderNumber: string }) => o.orderNumber)).toEqual([
      `SO-${marker}-4`,
      `SO-${marker}-3`,
    ]);
    const page3 = (
      await t.request(agent, { method: 'GET', url: `/api/v1/orders?customerId=${buyer.id}&pageSize=2&page=3` })
    ).json();
    expect(page3.items.map((o: { orderNumber: string }) => o.orderNumber)).toEqual([`SO-${marker}-0`]);
    const combined = (
      await t.request(agent, { method: 'GET', url: `/api/v1/orders?customerId=${customerId}&q=${marker}` })
    ).json();
    expect(combined.total).toBe(0);
    const literal = (
      await t.request(agent, { method: 'GET', url: `/api/v1/orders?q=${encodeURIComponent(`SO-${marker}-_`)}` })
    ).json();
    expect(literal.total).toBe(0);

    for (const query of ['pageSize=500', 'page=-1', 'status=open', `customerId=${'x'.repeat(65)}`]) {
      expectProblem(
        await t.request(agent, { method: 'GET', url: `/api/v1/orders?${query}` }),
        400,
        'validation_failed',
      );
    }
  });

  it('shows a customer only its own orders, whatever it asks for', async () => {
    const mine = await makeCustomer(t.platform, entityId);
    const theirs = await makeCustomer(t.platform, entityId);
    const myOrder = await makeOrder(t.platform, {
      customerId: mine.id,
      legalEntityId: entityId,
      lines: [{ productId: drillId }],
    });
    const theirOrder = await makeOrder(t.platform, {
      customerId: theirs.id,
      legalEntityId: entityId,
      lines: [{ productId: drillId }],
    });
    const me = await t.tokenFor('customer', { customerId: mine.id });

    const list = (await t.request(me, { method: 'GET', url: '/api/v1/orders?pageSize=200' })).json();
    expect(list.total).toBe(1);
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([myOrder.id]);
    const askingForTheirs = (
      await t.request(me, { method: 'GET', url: `/api/v1/orders?customerId=${theirs.id}` })
    ).json();
    expect(askingForTheirs.items.map((o: { id: string }) => o.id)).toEqual([myOrder.id]);
    const searchingForTheirs = (
      await t.request(me, { method: 'GET', url: `/api/v1/orders?q=${theirOrder.orderNumber}` })
    ).json();
    expect(searchingForTheirs.total).toBe(0);
    expect((await t.request(me, { method: 'GET', url: `/api/v1/orders/${myOrder.id}` })).statusCode).toBe(200);
    expectProblem(await t.request(me, { method: 'GET', url: `/api/v1/orders/${theirOrder.id}` }), 404, 'not_found');
    // Staff see both.
    const staff = (await t.request(agent, { method: 'GET', url: `/api/v1/orders?q=${theirOrder.orderNumber}` })).json();
    expect(staff.items.map((o: { id: string }) => o.id)).toEqual([theirOrder.id]);
  });

  it('bulk-records orders with one result per item', async () => {
    const ordersBefore = await countOrders();
    const good1 = orderBody();
    const good2 = orderBody({}, [{ lineNumber: 10, productId: drillId, quantityShipped: 3, unitPriceMinor: 5000 }]);
    const items = [
      good1,
      orderBody({ orderNumber: good1.orderNumber }),
      orderBody({}, [
        { lineNumber: 1, productId: drillId, quantityShipped: 1, unitPriceMinor: 1 },
        { lineNumber: 2, productId: 'prd_nope', quantityShipped: 1, unitPriceMinor: 1 },
      ]),
      { orderNumber: 'SO-HALF' },
      good2,
      'not an order',
    ];
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/orders/bulk', payload: { items } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 2, failed: 4 });
    expect(body.results.map((r: { index: number; ok: boolean }) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, false],
    ]);
    expect(body.results[1].error.code).toBe('conflict');
    expect(body.results[2].error).toMatchObject({ code: 'validation_failed' });
    expect(body.results[2].error.message).toContain('prd_nope');
    expect(body.results[3].error.code).toBe('validation_failed');
    expect(await countOrders()).toBe(ordersBefore + 2);

    const second = (await t.request(agent, { method: 'GET', url: `/api/v1/orders/${body.results[4].id}` })).json();
    expect(second).toMatchObject({
      orderNumber: good2.orderNumber,
      lines: [{ lineNumber: 10, quantityShipped: 3, quantityCommitted: 0 }],
    });
    expectProblem(await t.request(admin, { method: 'POST', url: '/api/v1/orders/bulk', payload: { items: [] } }), 400);
    expectProblem(await t.request(admin, { method: 'POST', url: '/api/v1/orders/bulk', payload: [good1] }), 400);
  });
});
