// Every path that creates a return records how it came to us (rmas.channel, migration 0026): a
// staff user is 'staff', a customer-portal user 'portal', an API key 'api', goods that arrived
// without an authorization 'arrival'. Staff read it on the return; the portal's view leaves it out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { makeWorld } from '../support/factories.js';
import { makeUnauthorizedArrival } from '../support/return-factories.js';

const body = (customerId: string, orderLineId: string) => ({
  customerId,
  returnType: 'standard',
  note: 'channel test',
  lines: [{ orderLineId, quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' }],
});

describe.each(DIALECTS)('the channel of a return on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
  });
  afterAll(async () => t?.close());

  const channelOf = async (rmaId: string) =>
    (await t.platform.db.selectFrom('rmas').select('channel').where('id', '=', rmaId).executeTakeFirstOrThrow())
      .channel;

  it('is staff for a staff user, portal for a customer user, api for an API key', async () => {
    const w = await makeWorld(t.platform);
    const byStaff = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: body(w.customer.id, w.orderLine.id),
    });
    expect(byStaff.statusCode, byStaff.body).toBe(201);
    expect(byStaff.json().channel).toBe('staff');
    expect(await channelOf(byStaff.json().id)).toBe('staff');

    const customer = await t.tokenFor('customer', { customerId: w.customer.id });
    const byPortal = await t.request(customer, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: body(w.customer.id, w.orderLine.id),
    });
    expect(byPortal.statusCode, byPortal.body).toBe(201);
    expect(await channelOf(byPortal.json().id)).toBe('portal');
    // The portal's own shape does not carry it.
    expect(byPortal.json()).not.toHaveProperty('channel');
    const read = await t.request(customer, { method: 'GET', url: `/api/v1/returns/${byPortal.json().id}` });
    expect(read.json()).not.toHaveProperty('channel');

    const admin = await t.tokenFor('admin');
    const key = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'ERP connector', role: 'cs_agent' },
    });
    expect(key.statusCode, key.body).toBe(201);
    const byKey = await t.request(key.json().secret, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: body(w.customer.id, w.orderLine.id),
    });
    expect(byKey.statusCode, byKey.body).toBe(201);
    expect(byKey.json().channel).toBe('api');

    // Staff see it on the return and in the list.
    const staffRead = await t.request(agent, { method: 'GET', url: `/api/v1/returns/${byPortal.json().id}` });
    expect(staffRead.json().channel).toBe('portal');
    const list = await t.request(agent, { method: 'GET', url: `/api/v1/returns?customerId=${w.customer.id}` });
    expect(list.statusCode, list.body).toBe(200);
    expect(new Set(list.json().items.map((r: { channel: string }) => r.channel))).toEqual(
      new Set(['staff', 'portal', 'api']),
    );
  });

  it('is arrival for goods that came without an authorization', async () => {
    const { rma } = await makeUnauthorizedArrival(t.platform);
    expect(rma.channel).toBe('arrival');
    expect(await channelOf(rma.id)).toBe('arrival');
  });
});
