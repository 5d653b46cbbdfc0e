// Returned stock: a receipt puts units into stock awaiting inspection, the warehouse and quality
// move them (every change an immutable movement), planners see only saleable units as available,
// and the API answers where each returned unit is. Balances never go negative — not even when two
// moves race for the last unit — and a refused request, or a transaction that fails later,
// leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveIntoStock, type ReceiveIntoStockInput } from '../../src/inventory/index.js';
import { runInTransaction } from '../../src/platform/unit-of-work.js';
import { DIALECTS } from '../support/databases.js';
import { makeRma, warehouse as warehouseCtx } from '../support/return-factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('inventory on %s', (dialect) => {
  let t: TestApp;
  let warehouse: string;
  let quality: string;
  let agent: string;

  const api = (token: string, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    t.request(token, { method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  /** An authorized return of `quantity` units, with its world (site, product, customer). */
  async function returnOf(quantity = 3, same?: Awaited<ReturnType<typeof makeRma>>['world']) {
    const { rma, world } = await makeRma(t.platform, {
      status: 'authorized',
      quantity,
      ...(same ? { world: same } : {}),
    });
    return { rma, world, line: rma.lines[0]! };
  }

  function receive(input: ReceiveIntoStockInput) {
    return runInTransaction(t.platform, warehouseCtx, (tx) => receiveIntoStock(tx, input));
  }

  async function snapshot(productId: string) {
    const [balances, movements, events] = await Promise.all([
      t.platform.db
        .selectFrom('stock_balances')
        .selectAll()
        .where('product_id', '=', productId)
        .orderBy('location_id')
        .orderBy('status')
        .orderBy('serial')
        .orderBy('rma_line_id')
        .execute(),
      t.platform.db
        .selectFrom('stock_movements')
        .selectAll()
        .where('product_id', '=', productId)
        .orderBy('id')
        .execute(),
      t.platform.db
        .selectFrom('outbox_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_type', '=', 'stock.moved')
        .executeTakeFirstOrThrow(),
    ]);
    return { balances, movements, events: Number(events.n) };
  }

  /** Units received = units on hand + units that left, from the rows themselves. */
  async function expectConserved(productId: string) {
    const { balances, movements } = await snapshot(productId);
    const onHand = balances.reduce((sum, b) => sum + b.quantity, 0);
    const received = movements.filter((m) => m.from_status === null).reduce((sum, m) => sum + m.quantity, 0);
    const left = movements.filter((m) => m.to_status === null).reduce((sum, m) => sum + m.quantity, 0);
    expect(onHand).toBe(received - left);
    expect(balances.every((b) => b.quantity >= 0)).toBe(true);
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    warehouse = await t.tokenFor('warehouse');
    quality = await t.tokenFor('quality');
    agent = await t.tokenFor('cs_agent');
  });
  afterAll(() => t.close());

  it('receives units awaiting inspection, moves them, and answers where each unit is', async () => {
    const { rma, world, line } = await returnOf(3);
    const site = world.site.id;
    const product = world.product.id;
    const base = { siteId: site, productId: product, rmaId: rma.id, rmaLineId: line.id, receiptId: 'rcp_test' };
    await receive({ ...base, quantity: 2 });
    await receive({ ...base, quantity: 1, serial: 'SN-0001' });

    // The site had no locations: its first receipt created the receiving location.
    const locations = (await api(agent, 'GET', `/sites/${site}/locations`)).json();
    expect(locations.items).toEqual([
      expect.objectContaining({ code: 'RETURNS-IN', kind: 'receiving', isActive: true, siteId: site }),
    ]);
    const receiving = locations.items[0].id as string;

    const stock = (await api(agent, 'GET', `/stock?productId=${product}`)).json();
    expect(stock.total).toBe(2);
    expect(stock.items).toEqual([
      expect.objectContaining({ status: 'awaiting_inspection', quantity: 2, serial: null, locationCode: 'RETURNS-IN' }),
      expect.objectContaining({
        status: 'awaiting_inspection',
        quantity: 1,
        serial: 'SN-0001',
        siteCode: world.site.code,
      }),
    ]);
    // Nothing is promised before inspection.
    expect((await api(agent, 'GET', `/stock/available?productId=${product}`)).json()).toEqual({
      productId: product,
      siteId: null,
      available: 0,
      bySite: [],
    });

    const shelf = await api(warehouse, 'POST', `/sites/${site}/locations`, {
      code: 'shelf-a1',
      name: 'Shelf A1',
      kind: 'putaway',
    });
    expect(shelf.statusCode, shelf.body).toBe(201);
    expect(shelf.json()).toMatchObject({ code: 'SHELF-A1', kind: 'putaway', version: 1 });
    const shelfId = shelf.json().id as string;

    const inspected = await api(quality, 'POST', '/stock/moves', {
      productId: product,
      siteId: site,
      from: { locationId: receiving, status: 'awaiting_inspection' },
      to: { locationId: shelfId, status: 'saleable' },
      quantity: 1,
      reason: 'inspected: as new',
    });
    expect(inspected.statusCode, inspected.body).toBe(201);
    expect(inspected.json().movements).toEqual([
      expect.objectContaining({
        kind: 'move',
        quantity: 1,
        rmaId: rma.id,
        rmaLineId: line.id,
        from: { locationId: receiving, locationCode: 'RETURNS-IN', status: 'awaiting_inspection' },
        to: { locationId: shelfId, locationCode: 'SHELF-A1', status: 'saleable' },
        reason: 'inspected: as new',
      }),
    ]);
    const quarantined = await api(quality, 'POST', '/stock/moves', {
      productId: product,
      siteId: site,
      from: { locationId: receiving, status: 'awaiting_inspection' },
      to: { status: 'quarantined' },
      quantity: 1,
      serial: 'SN-0001',
      reason: 'water damage',
    });
    expect(quarantined.statusCode, quarantined.body).toBe(201);

    const atp = (await api(agent, 'GET', `/stock/available?productId=${product}&siteId=${site}`)).json();
    expect(atp).toEqual({
      productId: product,
      siteId: site,
      available: 1,
      bySite: [{ siteId: site, siteCode: world.site.code, available: 1 }],
    });

    // Where is serial SN-0001? Quarantined where it was received, and how it got there.
    const unit = (await api(agent, 'GET', '/stock/units?serial=SN-0001')).json();
    expect(unit.units).toEqual([
      expect.objectContaining({ status: 'quarantined', locationCode: 'RETURNS-IN', quantity: 1, rmaId: rma.id }),
    ]);
    expect(unit.movements.map((m: { kind: string; reason: string }) => [m.kind, m.reason])).toEqual([
      ['receipt', 'receipt'],
      ['move', 'water damage'],
    ]);

    // The saleable unit is sent out as a replacement; it has left stock.
    const allocated = await api(warehouse, 'POST', '/stock/moves', {
      productId: product,
      siteId: site,
      from: { locationId: shelfId, status: 'saleable' },
      to: { status: 'allocated_to_replacement' },
      quantity: 1,
      reason: 'replacement for RMA of another customer',
    });
    expect(allocated.statusCode, allocated.body).toBe(201);
    const shipped = await api(warehouse, 'POST', '/stock/moves', {
      productId: product,
      siteId: site,
      from: { locationId: shelfId, status: 'allocated_to_replacement' },
      to: null,
      quantity: 1,
      reason: 'shipped as replacement',
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    expect(shipped.json().movements[0]).toMatchObject({ kind: 'issue', to: null });

    // Every unit of the return: one still awaiting inspection, one quarantined, one gone.
    const ofReturn = (await api(agent, 'GET', `/stock/units?rmaId=${rma.id}`)).json();
    expect(
      ofReturn.units.map((u: { status: string; quantity: number; serial: string | null }) => [
        u.status,
        u.quantity,
        u.serial,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['awaiting_inspection', 1, null],
        ['quarantined', 1, 'SN-0001'],
      ]),
    );
    expect(ofReturn.units).toHaveLength(2);
    expect(ofReturn.unitsLeft).toBe(1);
    expect(ofReturn.movements).toHaveLength(6);

    const history = (await api(agent, 'GET', `/stock/movements?rmaId=${rma.id}&pageSize=2`)).json();
    expect(history).toMatchObject({ total: 6, page: 1, pageSize: 2 });
    expect(history.items[0]).toMatchObject({ kind: 'issue', reason: 'shipped as replacement' });
    const intoQuarantine = (await api(agent, 'GET', `/stock/movements?status=quarantined&productId=${product}`)).json();
    expect(intoQuarantine.total).toBe(1);

    await expectConserved(product);
    const audited = await t.platform.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'stock.moved')
      .where(
        'entity_id',
        'in',
        ofReturn.movements.map((m: { id: string }) => m.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(6);
  });

  it('splits a move across the return lines whose units lie together, oldest first', async () => {
    const first = await returnOf(2);
    const second = await returnOf(2, first.world);
    const site = first.world.site.id;
    const product = first.world.product.id;
    await receive({
      siteId: site,
      productId: product,
      quantity: 2,
      rmaId: first.rma.id,
      rmaLineId: first.line.id,
      receiptId: 'rcp_1',
    });
    await receive({
      siteId: site,
      productId: product,
      quantity: 2,
      rmaId: second.rma.id,
      rmaLineId: second.line.id,
      receiptId: 'rcp_2',
    });
    const receiving = (await api(agent, 'GET', `/sites/${site}/locations`)).json().items[0].id;
    const moved = await api(quality, 'POST', '/stock/moves', {
      productId: product,
      siteId: site,
      from: { locationId: receiving, status: 'awaiting_inspection' },
      to: { status: 'in_repair' },
      quantity: 3,
      reason: 'batch to repair',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const lines = [first.line.id, second.line.id].sort();
    expect(
      moved.json().movements.map((m: { rmaLineId: string; quantity: number }) => [m.rmaLineId, m.quantity]),
    ).toEqual([
      [lines[0], 2],
      [lines[1], 1],
    ]);
    const stock = (await api(agent, 'GET', `/stock?productId=${product}&status=in_repair`)).json();
    expect(stock.items).toEqual([expect.objectContaining({ quantity: 3, status: 'in_repair' })]);
    await expectConserved(product);
  });

  it('refuses bad input and forbidden moves with problem+json, and changes nothing', async () => {
    const { rma, world, line } = await returnOf(2);
    const site = world.site.id;
    const product = world.product.id;
    await receive({ siteId: site, productId: product, quantity: 1, rmaId: rma.id, rmaLineId: line.id, receiptId: 'r' });
    await receive({
      siteId: site,
      productId: product,
      quantity: 1,
      serial: 'SN-X',
      rmaId: rma.id,
      rmaLineId: line.id,
      receiptId: 'r',
    });
    const receiving = (await api(agent, 'GET', `/sites/${site}/locations`)).json().items[0].id;
    const scrap = (
      await api(warehouse, 'POST', `/sites/${site}/locations`, { code: 'SCRAP', name: 'Scrap cage', kind: 'scrap' })
    ).json().id;
    const scrapped = await api(quality, 'POST', '/stock/moves', {
      productId: product,
      siteId: site,
      from: { locationId: receiving, status: 'awaiting_inspection' },
      to: { locationId: scrap, status: 'scrapped' },
      quantity: 1,
      serial: 'SN-X',
      reason: 'crushed',
    });
    expect(scrapped.statusCode, scrapped.body).toBe(201);
    const other = await returnOf(1);
    const otherSiteLocation = (
      await api(warehouse, 'POST', `/sites/${other.world.site.id}/locations`, {
        code: 'IN',
        name: 'In',
        kind: 'receiving',
      })
    ).json().id;

    const before = await snapshot(product);
    const move = {
      productId: product,
      siteId: site,
      from: { locationId: receiving, status: 'awaiting_inspection' },
      to: { locationId: receiving, status: 'saleable' },
      quantity: 1,
      reason: 'inspected',
    };
    const refusals: Array<[string, object, number, string?]> = [
      ['no units', { ...move, quantity: 0 }, 400],
      ['part of a unit', { ...move, quantity: 0.5 }, 400],
      ['an unknown field', { ...move, bin: 'A1' }, 400],
      ['no reason', { ...move, reason: ' ' }, 400],
      ['an unknown status', { ...move, to: { status: 'lost' } }, 400],
      ['an unknown product', { ...move, productId: 'prd_nope' }, 400, 'validation_failed'],
      ['a location of another site', { ...move, to: { locationId: otherSiteLocation, status: 'saleable' } }, 400],
      ['a location that does not exist', { ...move, from: { locationId: 'loc_nope', status: 'saleable' } }, 400],
      ['to where the units are', { ...move, to: { status: 'awaiting_inspection' } }, 400],
      ['a serial as two units', { ...move, serial: 'SN-X', quantity: 2 }, 400],
      ['more units than there are', { ...move, quantity: 2 }, 422, 'rule_violation'],
      ['units of a line that has none there', { ...move, rmaLineId: 'rml_nope' }, 422, 'rule_violation'],
      ['uninspected units out of stock', { ...move, to: null }, 422, 'rule_violation'],
      ['expected units, as if in stock', { ...move, from: { locationId: receiving, status: 'expected' } }, 422],
      [
        'scrapped units back to saleable',
        { ...move, from: { locationId: scrap, status: 'scrapped' }, to: { status: 'saleable' }, serial: 'SN-X' },
        422,
        'rule_violation',
      ],
    ];
    for (const [what, body, status, code] of refusals) {
      const res = await api(quality, 'POST', '/stock/moves', body);
      expectProblem(res, status, code);
      expect(res.statusCode, what).toBe(status);
    }
    for (const query of ['', '?serial=A&rmaId=B', '?page=1'])
      expectProblem(await api(agent, 'GET', `/stock/units${query}`), 400);
    expectProblem(await api(agent, 'GET', '/stock/available'), 400);
    expectProblem(await api(agent, 'GET', '/stock?status=lost'), 400);
    expectProblem(
      await api(warehouse, 'POST', `/sites/${site}/locations`, { code: 'scrap', name: 'Again', kind: 'scrap' }),
      409,
      'conflict',
    );
    expectProblem(
      await api(warehouse, 'POST', '/sites/site_nope/locations', { code: 'X', name: 'X', kind: 'dock' }),
      404,
    );
    expectProblem(
      await api(warehouse, 'POST', `/sites/${site}/locations`, { code: 'a b', name: 'X', kind: 'dock' }),
      400,
    );
    // A serial already in stock is not received twice.
    await expect(
      receive({
        siteId: site,
        productId: product,
        quantity: 1,
        serial: 'SN-X',
        rmaId: rma.id,
        rmaLineId: line.id,
        receiptId: 'r',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshot(product)).toEqual(before);
  });

  it('lets staff read stock, only warehouse and quality move it, and customers neither', async () => {
    const { rma, world, line } = await returnOf(1);
    await receive({
      siteId: world.site.id,
      productId: world.product.id,
      quantity: 1,
      rmaId: rma.id,
      rmaLineId: line.id,
      receiptId: 'r',
    });
    const receiving = (await api(agent, 'GET', `/sites/${world.site.id}/locations`)).json().items[0].id;
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    const move = {
      productId: world.product.id,
      siteId: world.site.id,
      from: { locationId: receiving, status: 'awaiting_inspection' },
      to: { status: 'saleable' },
      quantity: 1,
      reason: 'inspected',
    };
    const reads = [
      `/stock?productId=${world.product.id}`,
      `/stock/available?productId=${world.product.id}`,
      `/stock/units?rmaId=${rma.id}`,
      '/stock/movements',
      `/sites/${world.site.id}/locations`,
    ];
    for (const url of reads) {
      expectProblem(await api(customer, 'GET', url), 403, 'forbidden');
      expect((await api(agent, 'GET', url)).statusCode, url).toBe(200);
    }
    const before = await snapshot(world.product.id);
    for (const token of [customer, agent]) {
      expectProblem(await api(token, 'POST', '/stock/moves', move), 403, 'forbidden');
      expectProblem(
        await api(token, 'POST', `/sites/${world.site.id}/locations`, { code: 'X1', name: 'X', kind: 'dock' }),
        403,
      );
    }
    expectProblem(await t.request(null, { method: 'GET', url: '/api/v1/stock' }), 401);
    expect(await snapshot(world.product.id)).toEqual(before);
    // Moving a receipt's goods into stock is part of receiving: a customer cannot do it either.
    await expect(
      runInTransaction(
        t.platform,
        { actor: { ...warehouseCtx.actor, role: 'customer', customerId: world.customer.id }, requestId: 'r' },
        (tx) =>
          receiveIntoStock(tx, {
            siteId: world.site.id,
            productId: world.product.id,
            quantity: 1,
            rmaId: rma.id,
            rmaLineId: line.id,
            receiptId: 'r',
          }),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets exactly one of two moves racing for the last unit through, and never goes negative', async () => {
    const { rma, world, line } = await returnOf(1);
    const site = world.site.id;
    const product = world.product.id;
    const receiving = async () => (await api(agent, 'GET', `/sites/${site}/locations`)).json().items[0].id as string;
    for (let round = 0; round < 5; round += 1) {
      await receive({
        siteId: site,
        productId: product,
        quantity: 1,
        rmaId: rma.id,
        rmaLineId: line.id,
        receiptId: `r${round}`,
      });
      const from = { locationId: await receiving(), status: 'awaiting_inspection' };
      const [a, b] = await Promise.all([
        api(quality, 'POST', '/stock/moves', {
          productId: product,
          siteId: site,
          from,
          to: { status: 'saleable' },
          quantity: 1,
          reason: 'A',
        }),
        api(warehouse, 'POST', '/stock/moves', {
          productId: product,
          siteId: site,
          from,
          to: { status: 'quarantined' },
          quantity: 1,
          reason: 'B',
        }),
      ]);
      expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([201, 422]);
      expectProblem(a.statusCode === 422 ? a : b, 422, 'rule_violation');
      const left = await t.platform.db
        .selectFrom('stock_balances')
        .select('quantity')
        .where('product_id', '=', product)
        .where('status', '=', 'awaiting_inspection')
        .executeTakeFirstOrThrow();
      expect(left.quantity).toBe(0);
    }
    const { movements, balances } = await snapshot(product);
    expect(movements).toHaveLength(10);
    expect(balances.reduce((sum, b) => sum + b.quantity, 0)).toBe(5);
    await expectConserved(product);
  });

  it('replays a move sent twice with the same Idempotency-Key instead of moving twice', async () => {
    const { rma, world, line } = await returnOf(2);
    await receive({
      siteId: world.site.id,
      productId: world.product.id,
      quantity: 2,
      rmaId: rma.id,
      rmaLineId: line.id,
      receiptId: 'r',
    });
    const receiving = (await api(agent, 'GET', `/sites/${world.site.id}/locations`)).json().items[0].id;
    const body = {
      productId: world.product.id,
      siteId: world.site.id,
      from: { locationId: receiving, status: 'awaiting_inspection' },
      to: { status: 'saleable' },
      quantity: 1,
      reason: 'inspected',
    };
    const key = { 'idempotency-key': `move-${rma.id}` };
    const first = await api(quality, 'POST', '/stock/moves', body, key);
    const again = await api(quality, 'POST', '/stock/moves', body, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json()).toEqual(first.json());
    const atp = (await api(agent, 'GET', `/stock/available?productId=${world.product.id}`)).json();
    expect(atp.available).toBe(1);
  });

  it('leaves nothing behind when the transaction that received the goods fails later', async () => {
    const { rma, world, line } = await returnOf(2);
    const before = await snapshot(world.product.id);
    await expect(
      runInTransaction(t.platform, warehouseCtx, async (tx) => {
        await receiveIntoStock(tx, {
          siteId: world.site.id,
          productId: world.product.id,
          quantity: 2,
          serial: undefined,
          rmaId: rma.id,
          rmaLineId: line.id,
          receiptId: 'rcp_failed',
        });
        throw new Error('a later step of the receipt failed');
      }),
    ).rejects.toThrow('a later step of the receipt failed');
    expect(await snapshot(world.product.id)).toEqual(before);
    // Not even the receiving location its first use would have created.
    expect((await api(agent, 'GET', `/sites/${world.site.id}/locations`)).json().items).toEqual([]);
    const audited = await t.platform.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'stock.moved')
      .where('after', 'like', `%${line.id}%`)
      .execute();
    expect(audited).toEqual([]);
  });
});
