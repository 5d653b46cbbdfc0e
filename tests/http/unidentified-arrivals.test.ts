// Goods from a sender who is not a customer we know, or products not in the catalogue, are taken
// in as unidentified arrivals: numbered, queued oldest first, and identified later — which opens
// the return (awaiting a decision) and records the receipt as of the day the goods came in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { makeWorld } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('unidentified arrivals on %s', (dialect) => {
  let t: TestApp;
  let warehouse: string;
  let agent: string;

  const api = (token: string, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    t.request(token, { method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    warehouse = await t.tokenFor('warehouse');
    agent = await t.tokenFor('cs_agent');
  });
  afterAll(() => t.close());

  it('takes in a parcel from an unknown sender with an unknown product, and identifies it later', async () => {
    const w = await makeWorld(t.platform);
    const recorded = await api(warehouse, 'POST', '/receiving/arrivals', {
      siteId: w.site.id,
      sender: 'J. Smith Hardware, 12 Mill Lane, Leeds',
      carrierReference: '1Z999AA10123456784',
      note: 'Two boxed drills and a charger, handwritten note "faulty"',
      lines: [
        { productId: w.product.id, quantity: 2, claimedCondition: 'defective', serials: [] },
        { description: 'Battery charger, grey, no brand', scannedCode: '4006381333931', quantity: 1 },
      ],
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const arrival = recorded.json();
    expect(arrival).toMatchObject({
      status: 'awaiting_identification',
      arrivalNumber: expect.stringMatching(/^UA-\d{7}$/),
      siteCode: w.site.code,
      customerId: null,
      sender: 'J. Smith Hardware, 12 Mill Lane, Leeds',
      lineCount: 2,
      units: 3,
      rmaId: null,
    });
    expect(arrival.lines[0]).toMatchObject({ productId: w.product.id, productSku: w.product.sku, quantity: 2 });
    expect(arrival.lines[1]).toMatchObject({ productId: null, description: 'Battery charger, grey, no brand' });

    // The queue finds it by sender, by a line's scanned code, and by status.
    for (const q of ['smith hardware', '4006381333931', arrival.arrivalNumber]) {
      const found = (await api(agent, 'GET', `/receiving/arrivals?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((a: { id: string }) => a.id)).toEqual([arrival.id]);
    }
    const waiting = (await api(agent, 'GET', '/receiving/arrivals?status=awaiting_identification')).json();
    expect(waiting.items.map((a: { id: string }) => a.id)).toContain(arrival.id);

    // Identified: the sender is this customer, the charger is a catalogue product after all.
    const charger = w.product;
    const identified = await api(
      agent,
      'POST',
      `/receiving/arrivals/${arrival.id}/identify`,
      {
        customerId: w.customer.id,
        lines: [
          { lineId: arrival.lines[1].id, productId: charger.id },
          { lineId: arrival.lines[0].id, productId: w.product.id, orderLineId: w.orderLine.id },
        ],
      },
      { 'if-match': `"${arrival.version}"` },
    );
    expect(identified.statusCode, identified.body).toBe(201);
    const rma = identified.json();
    expect(rma).toMatchObject({
      isUnauthorized: true,
      status: 'pending_approval',
      customerId: w.customer.id,
      customerReference: '1Z999AA10123456784',
      progress: { stage: 'awaiting_approval' },
    });
    expect(rma.note).toContain(`Arrived unidentified as ${arrival.arrivalNumber}. Sent by: J. Smith Hardware`);
    expect(rma.lines.map((l: { quantity: number }) => l.quantity)).toEqual([1, 2]);
    expect(
      rma.lines.every(
        (l: { progress: { units: { awaitingInspection: number; total: number } } }) =>
          l.progress.units.awaitingInspection === l.progress.units.total,
      ),
    ).toBe(true);

    // The arrival is closed and points at the return; the receipt keeps the day the goods came in.
    const after = (await api(agent, 'GET', `/receiving/arrivals/${arrival.id}`)).json();
    expect(after).toMatchObject({ status: 'identified', rmaId: rma.id, version: arrival.version + 1 });
    const receipt = await t.platform.db
      .selectFrom('receipts')
      .select(['received_at', 'received_by'])
      .where('rma_id', '=', rma.id)
      .executeTakeFirstOrThrow();
    expect(receipt.received_at).toBe(arrival.receivedAt);
    expect(receipt.received_by).toBe(arrival.receivedBy);
    // The matched order line's quantity is held like any return's.
    const held = await t.platform.db
      .selectFrom('sales_order_lines')
      .select('quantity_committed')
      .where('id', '=', w.orderLine.id)
      .executeTakeFirstOrThrow();
    expect(Number(held.quantity_committed)).toBe(2);
    const timeline = (await api(agent, 'GET', `/returns/${rma.id}/timeline`)).json();
    expect(timeline.items.map((e: { action: string }) => e.action)).toEqual([
      'rma.unauthorized_recorded',
      'receipt.recorded',
      // One inspection per received line: the parcel held two.
      'inspection.queued',
      'inspection.queued',
    ]);

    // Identifying twice is refused; so is an old version.
    const twice = await api(agent, 'POST', `/receiving/arrivals/${arrival.id}/identify`, {
      customerId: w.customer.id,
      lines: arrival.lines.map((l: { id: string }) => ({ lineId: l.id, productId: w.product.id })),
    });
    expectProblem(twice, 409);
    expect(twice.json().detail).toMatch(/already identified/);
  });

  it('keeps a known customer, and refuses what cannot be true without recording anything', async () => {
    const w = await makeWorld(t.platform);
    const count = async () => (await api(agent, 'GET', '/receiving/arrivals')).json().total as number;
    const before = await count();
    const refusals: Array<[object, number, string]> = [
      [{ siteId: w.site.id, note: 'box', lines: [{ description: 'a box', quantity: 1 }] }, 400, 'sender'],
      [{ siteId: w.site.id, sender: 'someone', note: 'box', lines: [{ quantity: 1 }] }, 400, 'lines.0.description'],
      [
        { siteId: w.site.id, customerId: 'cus_nope', note: 'box', lines: [{ description: 'x', quantity: 1 }] },
        400,
        'customerId',
      ],
      [
        { siteId: w.site.id, sender: 's', note: 'box', lines: [{ productId: 'prd_nope', quantity: 1 }] },
        400,
        'lines.0.productId',
      ],
      [{ siteId: 'site_nope', sender: 's', note: 'box', lines: [{ description: 'x', quantity: 1 }] }, 400, 'siteId'],
    ];
    for (const [payload, status, path] of refusals) {
      const response = await api(warehouse, 'POST', '/receiving/arrivals', payload);
      expectProblem(response, status);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await count()).toBe(before);

    const known = await api(warehouse, 'POST', '/receiving/arrivals', {
      siteId: w.site.id,
      customerId: w.customer.id,
      note: 'a part we do not list',
      lines: [{ description: 'Gearbox seal kit', quantity: 3 }],
    });
    expect(known.statusCode, known.body).toBe(201);
    const arrival = known.json();
    expect(arrival).toMatchObject({ customerId: w.customer.id, customerName: w.customer.name });

    // Identification must name every line once, with real products; a stale version is refused.
    const identify = (body: object, headers = {}) =>
      api(agent, 'POST', `/receiving/arrivals/${arrival.id}/identify`, body, headers);
    expectProblem(
      await identify({ customerId: w.customer.id, lines: [{ lineId: 'arl_x', productId: w.product.id }] }),
      400,
    );
    expectProblem(
      await identify({ customerId: w.customer.id, lines: [{ lineId: arrival.lines[0].id, productId: 'prd_nope' }] }),
      400,
    );
    expectProblem(
      await identify(
        { customerId: w.customer.id, lines: [{ lineId: arrival.lines[0].id, productId: w.product.id }] },
        { 'if-match': '"7"' },
      ),
      412,
    );
    const unchanged = (await api(agent, 'GET', `/receiving/arrivals/${arrival.id}`)).json();
    expect(unchanged).toMatchObject({ status: 'awaiting_identification', version: 1 });
  });

  it('lets only receiving staff record, and keeps customers out', async () => {
    const w = await makeWorld(t.platform);
    const customer = await t.tokenFor('customer', { customerId: w.customer.id });
    const finance = await t.tokenFor('finance');
    const body = { siteId: w.site.id, sender: 'x', note: 'y', lines: [{ description: 'z', quantity: 1 }] };
    expectProblem(await api(customer, 'POST', '/receiving/arrivals', body), 403);
    expectProblem(await api(finance, 'POST', '/receiving/arrivals', body), 403);
    expectProblem(await api(customer, 'GET', '/receiving/arrivals'), 403);
    expect((await api(finance, 'GET', '/receiving/arrivals')).statusCode).toBe(200);
    const unauthenticated = await t.app.inject({ method: 'GET', url: '/api/v1/receiving/arrivals' });
    expect(unauthenticated.statusCode).toBe(401);
  });
});
