// Orders and returns are found by what is on them, not only by their numbers: a product's SKU,
// GTIN or name, and a serial or lot number (what a warehouse scanner or a customer's e-mail gives).
// A customer finds only their own, whatever they search for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeSite } from '../support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('search by product, serial and lot on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  let portal: string;
  let ids: { drillOrder: string; sawOrder: string; otherOrder: string; drillReturn: string };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
    const entity = await makeLegalEntity(t.platform);
    await makeSite(t.platform, entity.id);
    const customer = await makeCustomer(t.platform, entity.id);
    const other = await makeCustomer(t.platform, entity.id);
    portal = await t.tokenFor('customer', { customerId: customer.id });
    const drill = await makeProduct(t.platform, {
      sku: 'DRL-18V-KIT',
      gtin: '4006381333931',
      name: 'Schlagbohrmaschine ÄRA 18V',
      isSerialized: true,
    });
    const saw = await makeProduct(t.platform, {
      sku: 'SAW-CIRC-190',
      name: 'Circular Saw 190mm',
      isLotControlled: true,
    });
    const drillOrder = await makeOrder(t.platform, {
      customerId: customer.id,
      legalEntityId: entity.id,
      lines: [{ productId: drill.id, quantityShipped: 2, serialsShipped: ['SN-77A01', 'SN-77A02'] }],
    });
    const sawOrder = await makeOrder(t.platform, {
      customerId: customer.id,
      legalEntityId: entity.id,
      lines: [{ productId: saw.id, quantityShipped: 5, lotsShipped: ['LOT-2026-11-B'] }],
    });
    const otherOrder = await makeOrder(t.platform, {
      customerId: other.id,
      legalEntityId: entity.id,
      lines: [{ productId: drill.id, quantityShipped: 1, serialsShipped: ['SN-99Z09'] }],
    });
    const created = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: {
        customerId: customer.id,
        returnType: 'serialized',
        lines: [
          {
            orderLineId: drillOrder.lines[0]!.id,
            quantity: 1,
            reasonCode: 'DEFECTIVE',
            claimedCondition: 'defective',
            serials: ['SN-77A02'],
          },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    ids = {
      drillOrder: drillOrder.id,
      sawOrder: sawOrder.id,
      otherOrder: otherOrder.id,
      drillReturn: created.json().id,
    };
  });
  afterAll(() => t?.close());

  const search = async (token: string, what: 'orders' | 'returns', q: string) => {
    const res = await t.request(token, { method: 'GET', url: `/api/v1/${what}?q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ items: Array<{ id: string }> }>()
      .items.map((item) => item.id)
      .sort();
  };

  it.each([
    ['DRL-18V', 'by SKU'],
    ['drl-18v-kit', 'by SKU in any case'],
    ['4006381333931', 'by GTIN'],
    ['schlagbohrmaschine ära', 'by product name, folding every letter'],
  ])('finds orders and returns %s (%s)', async (q) => {
    expect(await search(agent, 'orders', q)).toEqual([ids.drillOrder, ids.otherOrder].sort());
    expect(await search(agent, 'returns', q)).toEqual([ids.drillReturn]);
  });

  it('finds by serial number: the order that shipped it and the return that holds it', async () => {
    expect(await search(agent, 'orders', 'sn-77a02')).toEqual([ids.drillOrder]);
    expect(await search(agent, 'returns', 'SN-77A02')).toEqual([ids.drillReturn]);
    expect(await search(agent, 'returns', 'SN-77A01')).toEqual([]);
  });

  it('finds by lot number', async () => {
    expect(await search(agent, 'orders', 'LOT-2026-11-B')).toEqual([ids.sawOrder]);
  });

  it('gives a customer only their own orders, whatever they search for', async () => {
    expect(await search(portal, 'orders', 'DRL-18V-KIT')).toEqual([ids.drillOrder]);
    expect(await search(portal, 'orders', 'SN-99Z09')).toEqual([]);
    expect(await search(portal, 'returns', 'DRL-18V-KIT')).toEqual([ids.drillReturn]);
  });

  it('treats LIKE wildcards in the search text as plain characters', async () => {
    expect(await search(agent, 'orders', '%')).toEqual([]);
    expect(await search(agent, 'returns', '_')).toEqual([]);
  });
});
