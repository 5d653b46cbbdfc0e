// Receiving against a return through the API: by GS1 scan or by hand, the counted goods are set
// against what the return still expects; surplus, foreign products and unknown serials become
// exceptions in a queue (never errors that lose the goods), and each receipt puts the units in
// stock awaiting inspection in the same transaction. Two receivers racing for the last unit never
// receive more than the line expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGtin13 } from '../../src/demo/gtin.js';
import { DIALECTS } from '../support/databases.js';
import { makeOrder, makeProduct, makeWorld } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const GS = String.fromCharCode(0x1d);
let itemReference = 100;

describe.each(DIALECTS)('receiving against a return on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  let warehouse: string;
  const api = (token: string, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    t.request(token, { method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
    warehouse = await t.tokenFor('warehouse');
  });
  afterAll(() => t.close());

  /** An authorized return of `quantity` units of a product with a GTIN. */
  async function authorizedReturn(quantity = 3) {
    const w = await makeWorld(t.platform);
    const gtin = buildGtin13(dialect === 'postgres' ? '4012345' : '4098765', itemReference++);
    const product = await makeProduct(t.platform, { gtin });
    const order = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: product.id, quantityShipped: 10, unitPriceMinor: 1000 }],
    });
    const created = await api(agent, 'POST', '/returns', {
      customerId: w.customer.id,
      returnType: 'standard',
      lines: [
        { orderLineId: order.lines[0]!.id, quantity, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const rma = created.json();
    expect(rma.status).toBe('authorized');
    return { w, product, gtin, rma };
  }

  const receive = (rmaId: string, siteId: string, items: object[]) =>
    api(warehouse, 'POST', `/returns/${rmaId}/receipts`, { siteId, items });

  it('a serial scanned again by a later receipt becomes an over-receipt exception, not a refusal', async () => {
    const w = await makeWorld(t.platform);
    const product = await makeProduct(t.platform, { isSerialized: true });
    const order = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: product.id, quantityShipped: 2, unitPriceMinor: 1000, serialsShipped: ['SN-A', 'SN-B'] }],
    });
    const created = await api(agent, 'POST', '/returns', {
      customerId: w.customer.id,
      returnType: 'serialized',
      lines: [
        {
          orderLineId: order.lines[0]!.id,
          quantity: 2,
          reasonCode: 'ORDERED_IN_ERROR',
          claimedCondition: 'unopened',
          serials: ['SN-A', 'SN-B'],
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const rma = created.json();
    const first = await receive(rma.id, w.site.id, [{ productId: product.id, serials: ['SN-A'] }]);
    expect(first.statusCode, first.body).toBe(201);
    const again = await receive(rma.id, w.site.id, [{ productId: product.id, serials: ['SN-A'] }]);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().received).toEqual([]);
    expect(again.json().exceptions).toEqual([
      expect.objectContaining({ kind: 'over_receipt', serials: ['SN-A'], reason: 'serial SN-A was already received' }),
    ]);
    expect(again.json().lines[0]).toMatchObject({ received: 1, expected: 1 });
    const last = await receive(rma.id, w.site.id, [{ productId: product.id, serials: ['SN-B'] }]);
    expect(last.json().lines[0]).toMatchObject({ received: 2, expected: 0 });
  });

  it('receives a GS1 scan onto its line with lot and expiry, and puts the unit in stock awaiting inspection', async () => {
    const { w, gtin, rma } = await authorizedReturn();
    const scan = `]C101${gtin.padStart(14, '0')}10LOT42${GS}17271231`;
    const response = await receive(rma.id, w.site.id, [{ scan, condition: 'opened_unused' }]);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result.received).toEqual([
      { rmaLineId: rma.lines[0].id, productId: rma.lines[0].productId, quantity: 1, serials: [], lots: ['LOT42'] },
    ]);
    expect(result.exceptions).toEqual([]);
    expect(result.lines).toEqual([expect.objectContaining({ quantity: 3, received: 1, expected: 2 })]);

    const view = (await api(agent, 'GET', `/returns/${rma.id}`)).json();
    expect(view.progress.units).toMatchObject({ total: 3, expected: 2, awaitingInspection: 1 });
    const where = (await api(agent, 'GET', `/stock/units?rmaId=${rma.id}`)).json();
    expect(JSON.stringify(where)).toContain('awaiting_inspection');
    expect(JSON.stringify(where)).toContain('LOT42');
    const line = await t.platform.db
      .selectFrom('receipt_lines')
      .select(['condition', 'expiry'])
      .where('rma_id', '=', rma.id)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ condition: 'opened_unused', expiry: '2027-12-31' });
  });

  it('turns surplus and foreign goods into exceptions, refuses unknown codes whole, and resolves exceptions', async () => {
    const { w, product, rma } = await authorizedReturn();
    const other = await makeProduct(t.platform);
    const counted = await receive(rma.id, w.site.id, [
      { productId: product.id, quantity: 4 },
      { scan: other.sku, quantity: 2 },
    ]);
    expect(counted.statusCode, counted.body).toBe(201);
    const result = counted.json();
    expect(result.lines[0]).toMatchObject({ received: 3, expected: 0 });
    expect(result.exceptions.map((e: { kind: string; quantity: number }) => [e.kind, e.quantity])).toEqual([
      ['over_receipt', 1],
      ['wrong_item', 2],
    ]);
    expect(result.exceptions[0]).toMatchObject({ rmaNumber: rma.rmaNumber, status: 'open', productSku: product.sku });

    const before = (await api(agent, 'GET', `/receiving/exceptions?rmaId=${rma.id}`)).json().total;
    const unknown = await receive(rma.id, w.site.id, [{ productId: product.id }, { scan: 'NO-SUCH-CODE' }]);
    expectProblem(unknown, 400);
    expect(unknown.json().errors).toEqual([{ path: 'items.1.scan', message: 'no product has this code' }]);
    expect((await api(agent, 'GET', `/receiving/exceptions?rmaId=${rma.id}`)).json().total).toBe(before);
    const badGs1 = await receive(rma.id, w.site.id, [{ scan: `]C10100000000000001` }]);
    expectProblem(badGs1, 400);
    expect(badGs1.json().detail).toMatch(/check digit/i);

    const [surplus, foreign] = result.exceptions;
    const resolve = (id: string, body: object, version = 1) =>
      api(warehouse, 'POST', `/receiving/exceptions/${id}/resolve`, body, { 'if-match': `"${version}"` });
    const notOnReturn = await resolve(foreign.id, { resolution: 'accepted_onto_return', note: 'customer says so' });
    expectProblem(notOnReturn, 422);
    const opened = await resolve(foreign.id, {
      resolution: 'unauthorized_return',
      note: 'sent by mistake with the return',
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'resolved', resolution: 'unauthorized_return', version: 2 });
    const newReturn = (await api(agent, 'GET', `/returns/${opened.json().resolvedRmaId}`)).json();
    expect(newReturn).toMatchObject({ isUnauthorized: true, status: 'pending_approval', customerId: w.customer.id });
    expect(newReturn.progress.units).toMatchObject({ total: 2, awaitingInspection: 2 });

    expectProblem(await resolve(surplus.id, { resolution: 'refused', note: 'x' }, 7), 412);
    const accepted = await resolve(surplus.id, { resolution: 'accepted_onto_return', note: 'customer sent one more' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const grown = (await api(agent, 'GET', `/returns/${rma.id}`)).json();
    expect(grown.progress.units).toMatchObject({ total: 4, awaitingInspection: 4 });
    expectProblem(await resolve(surplus.id, { resolution: 'refused', note: 'again' }, 2), 409);
    const open = (await api(agent, 'GET', `/receiving/exceptions?status=open&rmaId=${rma.id}`)).json();
    expect(open.total).toBe(0);
  });

  it('two receivers racing for the last unit: one receives it, the other raises an over-receipt', async () => {
    const { w, product, rma } = await authorizedReturn(1);
    const [first, second] = await Promise.all([
      receive(rma.id, w.site.id, [{ productId: product.id }]),
      receive(rma.id, w.site.id, [{ productId: product.id }]),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    type Answer = { received: Array<{ quantity: number }>; exceptions: Array<{ kind: string }> };
    const answers = [first, second].map((r) => r.json<Answer>());
    expect(answers.flatMap((a) => a.received).map((r) => r.quantity)).toEqual([1]);
    expect(answers.flatMap((a) => a.exceptions).map((e) => e.kind)).toEqual(['over_receipt']);
    const view = (await api(agent, 'GET', `/returns/${rma.id}`)).json();
    expect(view.progress.units).toMatchObject({ total: 1, awaitingInspection: 1, expected: 0 });
  });

  it('receives only authorized returns, and only staff who receive', async () => {
    const { w, product, rma } = await authorizedReturn();
    const customer = await t.tokenFor('customer', { customerId: w.customer.id });
    expectProblem(
      await api(customer, 'POST', `/returns/${rma.id}/receipts`, {
        siteId: w.site.id,
        items: [{ productId: product.id }],
      }),
      403,
    );
    const manager = await t.tokenFor('cs_manager');
    await api(manager, 'POST', `/returns/${rma.id}/cancel`, { reason: 'kept by the customer' });
    const late = await receive(rma.id, w.site.id, [{ productId: product.id }]);
    expectProblem(late, 409);
    expect(late.json().detail).toMatch(/once it is authorized/);
  });
});
