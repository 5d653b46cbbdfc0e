// The chain of custody of a return through the API: customer → carrier (scans), carrier → dock
// (check-in), dock → receiving (receipt), receiving → a location (put-away), each with who, where
// and when, oldest first; staff only, and another tenant's return stays hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainOfCustody } from '../../src/contracts/custody.js';
import { detectTrackingNumber } from '../../src/logistics/index.js';
import { DIALECTS } from '../support/databases.js';
import { makeRma } from '../support/return-factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('chain of custody on %s', (dialect) => {
  let t: TestApp;
  let warehouse: string;
  let agent: string;
  const api = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.request(token, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    warehouse = await t.tokenFor('warehouse');
    agent = await t.tokenFor('cs_agent');
  });
  afterAll(() => t.close());

  function upsNumber(): string {
    const stem = `1Z999AA1${dialect === 'postgres' ? '4' : '5'}${String(Date.now()).slice(-8)}`;
    for (let digit = 0; digit <= 9; digit++) if (detectTrackingNumber(`${stem}${digit}`).ok) return `${stem}${digit}`;
    throw new Error(`no check digit completes ${stem}`);
  }

  it('follows the goods from the carrier to the shelf, with who, where and when', async () => {
    const { rma, world } = await makeRma(t.platform, { status: 'authorized', quantity: 2 });
    const number = upsNumber();
    const shipped = await api(agent, 'POST', `/returns/${rma.id}/shipments`, { trackingNumber: number });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const scan = (eventId: string, status: string, occurredAt: string, location: string) => ({
      eventId,
      carrier: 'ups',
      trackingNumber: number,
      status,
      carrierStatus: status,
      occurredAt,
      location,
      description: status === 'in_transit' ? 'Picked up' : 'Delivered',
    });
    const feed = await api(warehouse, 'POST', '/tracking/events', {
      events: [
        scan('c1', 'in_transit', `${TODAY}T06:00:00Z`, 'Columbus, OH, US'),
        scan('c2', 'delivered', `${TODAY}T08:30:00Z`, 'Groveport, OH, US'),
      ],
    });
    expect(feed.json()).toMatchObject({ applied: 2 });

    const door = (
      await api(warehouse, 'POST', `/sites/${world.site.id}/dock-doors`, { code: 'D1', name: 'Door 1' })
    ).json<{ id: string }>();
    await api(warehouse, 'POST', `/dock-doors/${door.id}/slots`, {
      from: TODAY,
      to: TODAY,
      startTime: '10:00',
      endTime: '14:00',
      everyMinutes: 60,
      capacity: 1,
    });
    const slots = (await api(warehouse, 'GET', `/sites/${world.site.id}/dock-slots?date=${TODAY}`)).json<{
      items: Array<{ id: string }>;
    }>();
    const booked = await api(warehouse, 'POST', '/dock-appointments', {
      slotId: slots.items[0]!.id,
      carrier: 'UPS',
      reference: number,
      rmaId: rma.id,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const checkedIn = await api(warehouse, 'POST', `/dock-appointments/${booked.json<{ id: string }>().id}/check-in`);
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);

    const received = await api(warehouse, 'POST', `/returns/${rma.id}/receipts`, {
      siteId: world.site.id,
      items: [{ productId: world.product.id, quantity: 2 }],
    });
    expect(received.statusCode, received.body).toBe(201);
    const locations = (await api(agent, 'GET', `/sites/${world.site.id}/locations`)).json<{
      items: Array<{ id: string; code: string }>;
    }>();
    const shelf = (
      await api(warehouse, 'POST', `/sites/${world.site.id}/locations`, {
        code: 'B-02',
        name: 'Bay 2',
        kind: 'putaway',
      })
    ).json<{ id: string }>();
    const moved = await api(warehouse, 'POST', '/stock/moves', {
      productId: world.product.id,
      siteId: world.site.id,
      from: { locationId: locations.items[0]!.id, status: 'awaiting_inspection' },
      to: { locationId: shelf.id, status: 'awaiting_inspection' },
      quantity: 2,
      reason: 'put away to the inspection bay',
    });
    expect(moved.statusCode, moved.body).toBe(201);

    const custody = await api(agent, 'GET', `/returns/${rma.id}/custody`);
    expect(custody.statusCode, custody.body).toBe(200);
    const chain = custody.json<ChainOfCustody>();
    expect(chain.rmaNumber).toBe(rma.rmaNumber);
    expect(chain.events.map((e) => [e.stage, e.action])).toEqual([
      ['carrier', 'Handed to UPS'],
      ['carrier', 'Delivered by UPS'],
      ['dock', 'UPS checked in at door D1'],
      ['receiving', 'Received 2 units'],
      ['warehouse', `Into RETURNS-IN as awaiting inspection: 2 × ${world.product.sku}`],
      ['warehouse', `Moved RETURNS-IN → B-02: 2 × ${world.product.sku}`],
    ]);
    expect(chain.events[0]).toMatchObject({ by: 'UPS', where: 'Columbus, OH, US', reference: number, units: 2 });
    expect(chain.events[3]).toMatchObject({ by: 'warehouse@test.local', where: world.site.code });
    expect(chain.events[5]).toMatchObject({ by: 'warehouse@test.local', holder: `${world.site.code} · B-02` });
    // Oldest first.
    expect(chain.events.map((e) => e.at)).toEqual([...chain.events.map((e) => e.at)].sort());
  });

  it('is for staff: a customer is refused, and an unknown return is a 404', async () => {
    const { rma, world } = await makeRma(t.platform, { status: 'authorized', quantity: 1 });
    const customer = await t.tokenFor('customer', { customerId: world.customer.id });
    expectProblem(await api(customer, 'GET', `/returns/${rma.id}/custody`), 403);
    expectProblem(await api(agent, 'GET', '/returns/rma_nope/custody'), 404);
    const empty = await api(agent, 'GET', `/returns/${rma.id}/custody`);
    expect(empty.json<ChainOfCustody>().events).toEqual([]);
  });
});
