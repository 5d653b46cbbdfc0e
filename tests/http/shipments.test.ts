// Inbound transport through the API: a return's shipment is recorded with a tracking number the
// carrier table recognises; carrier tracking moves it (generic format with an API key, EasyPost's
// signed webhook), replays change nothing, late older events never move it backwards, and the
// return's progress shows the goods on their way.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectTrackingNumber, easyPostSignatureOf } from '../../src/logistics/index.js';
import { DIALECTS } from '../support/databases.js';
import { makeWorld } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UPS = '1Z999AA10123456784';
const SECRET = 'sécret';
const EASYPOST = new URL('../../../shared/data/webhooks/easypost/', import.meta.url);
const hasShared = existsSync(new URL('webhook-hmac-vector.json', EASYPOST));
if (!hasShared) console.warn('SKIPPED: EasyPost samples — ../shared/data/webhooks is absent on this machine');

describe.each(DIALECTS)('shipments and tracking on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  let integration: string;
  const api = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.request(token, {
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await startTestApp(dialect, { easyPostWebhookSecret: SECRET });
    agent = await t.tokenFor('cs_agent');
    integration = await t.tokenFor('warehouse', { email: 'carrier-feed@test.local' });
  });
  afterAll(() => t.close());

  /** An authorized return of 3 units on one line, and its customer's portal token. */
  async function authorizedReturn() {
    const w = await makeWorld(t.platform);
    const created = await api(agent, 'POST', '/returns', {
      customerId: w.customer.id,
      returnType: 'standard',
      note: 'wrong voltage',
      lines: [
        { orderLineId: w.orderLine.id, quantity: 3, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const rma = created.json();
    expect(rma.status).toBe('authorized');
    const customer = await t.tokenFor('customer', { customerId: w.customer.id });
    return { w, rma, customer };
  }

  let nextNumber = 0;
  /** A valid UPS number per call (its check digit found by the carrier table), so tests do not collide. */
  function upsNumber(): string {
    const stem = `1Z999AA1${dialect === 'postgres' ? '2' : '3'}${String(nextNumber++).padStart(8, '0')}`;
    for (let digit = 0; digit <= 9; digit++) {
      if (detectTrackingNumber(`${stem}${digit}`).ok) return `${stem}${digit}`;
    }
    throw new Error(`no check digit makes ${stem} a UPS number`);
  }

  it('records a shipment from a spaced tracking number and expects it at the routed site', async () => {
    const { w, rma, customer } = await authorizedReturn();
    const spaced = '1Z 999 AA1 0123 4567 84';
    const response = await api(customer, 'POST', `/returns/${rma.id}/shipments`, {
      trackingNumber: spaced,
      service: 'Ground',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      carrierCode: 'ups',
      carrierName: 'UPS',
      trackingNumber: UPS,
      state: 'unknown',
      expectedSiteId: w.site.id,
      lines: [{ rmaLineId: rma.lines[0].id, quantity: 3 }],
      events: [],
    });
    // The same parcel cannot be recorded twice, and nothing is left to ship.
    expectProblem(await api(agent, 'POST', `/returns/${rma.id}/shipments`, { trackingNumber: UPS }), 409);
    const more = await api(agent, 'POST', `/returns/${rma.id}/shipments`, { trackingNumber: upsNumber() });
    expectProblem(more, 409);
    expect(more.json().detail).toMatch(/already on a shipment/);
    expect((await api(agent, 'GET', `/returns/${rma.id}/shipments`)).json().items).toHaveLength(1);
  });

  it('refuses a mistyped number, too many units and returns not authorized, recording nothing', async () => {
    const { rma } = await authorizedReturn();
    const typo = await api(agent, 'POST', `/returns/${rma.id}/shipments`, { trackingNumber: '1Z999AA10123456785' });
    expectProblem(typo, 400);
    expect(typo.json().errors).toEqual([{ path: 'trackingNumber', message: expect.stringMatching(/check digit/) }]);
    const garbage = await api(agent, 'POST', `/returns/${rma.id}/shipments`, { trackingNumber: 'hello there' });
    expectProblem(garbage, 400);
    const tooMany = await api(agent, 'POST', `/returns/${rma.id}/shipments`, {
      trackingNumber: upsNumber(),
      lines: [{ rmaLineId: rma.lines[0].id, quantity: 4 }],
    });
    expectProblem(tooMany, 422);
    expect(tooMany.json().errors[0]).toMatchObject({ path: 'lines.0.quantity', message: 'at most 3' });
    expect((await api(agent, 'GET', `/returns/${rma.id}/shipments`)).json().items).toEqual([]);

    const manager = await t.tokenFor('cs_manager');
    const cancelled = await api(manager, 'POST', `/returns/${rma.id}/cancel`, { reason: 'customer keeps the goods' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const late = await api(agent, 'POST', `/returns/${rma.id}/shipments`, { trackingNumber: upsNumber() });
    expectProblem(late, 409);
    expect(late.json().detail).toMatch(/only once it is authorized/);
  });

  it('keeps other customers out', async () => {
    const { rma } = await authorizedReturn();
    const stranger = (await makeWorld(t.platform)).customer;
    const other = await t.tokenFor('customer', { customerId: stranger.id });
    expectProblem(await api(other, 'POST', `/returns/${rma.id}/shipments`, { trackingNumber: upsNumber() }), 404);
    expectProblem(await api(other, 'GET', `/returns/${rma.id}/shipments`), 404);
    // Customers do not post carrier tracking.
    expectProblem(await api(other, 'POST', '/tracking/events', { events: [] }), 403);
  });

  it('moves the shipment by carrier events: replays change nothing, a late older event never moves it back', async () => {
    const { rma, customer } = await authorizedReturn();
    const number = upsNumber();
    const shipment = (
      await api(customer, 'POST', `/returns/${rma.id}/shipments`, {
        trackingNumber: number,
        lines: [{ rmaLineId: rma.lines[0].id, quantity: 2 }],
      })
    ).json();
    const event = (eventId: string, status: string, occurredAt: string) => ({
      eventId,
      carrier: 'ups',
      trackingNumber: number,
      status,
      carrierStatus: status.toUpperCase(),
      occurredAt,
      location: 'Louisville, KY, US',
    });
    const post = (events: object[]) => api(integration, 'POST', '/tracking/events', { events });

    const picked = await post([event('e1', 'in_transit', '2026-11-20T10:00:00Z')]);
    expect(picked.json()).toEqual({ received: 1, applied: 1, ignored: 0, unmatched: 0 });
    const moving = (await api(customer, 'GET', `/returns/${rma.id}`)).json();
    expect(moving.progress.units).toMatchObject({ total: 3, expected: 1, inTransit: 2 });
    // Goods on their way: the return can no longer simply be cancelled.
    expect(moving.allowedTransitions).not.toContain('cancelled');

    expect((await post([event('e3', 'delivered', '2026-11-22T09:00:00Z')])).json()).toMatchObject({ applied: 1 });
    const late = await post([
      event('e2', 'out_for_delivery', '2026-11-21T08:00:00Z'),
      event('e1', 'in_transit', '2026-11-20T10:00:00Z'),
    ]);
    expect(late.json()).toEqual({ received: 2, applied: 0, ignored: 2, unmatched: 0 });
    const unknownParcel = await post([
      { ...event('x1', 'in_transit', '2026-11-20T10:00:00Z'), trackingNumber: upsNumber() },
    ]);
    expect(unknownParcel.json()).toMatchObject({ unmatched: 1, applied: 0 });

    const [tracked] = (await api(customer, 'GET', `/returns/${rma.id}/shipments`)).json().items;
    expect(tracked).toMatchObject({ id: shipment.id, state: 'delivered', stateAt: '2026-11-22T09:00:00.000Z' });
    expect(tracked.events.map((e: { state: string; outcome: string }) => [e.state, e.outcome])).toEqual([
      ['delivered', 'applied'],
      ['out_for_delivery', expect.stringMatching(/after the parcel was delivered/)],
      ['in_transit', 'applied'],
    ]);
    const timeline = (await api(agent, 'GET', `/returns/${rma.id}/timeline`)).json();
    expect(timeline.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['shipment.recorded', 'shipment.state_changed']),
    );
    // Bad input is a 400 that names the field, and changes nothing.
    const bad = await post([{ ...event('e9', 'teleported', '2026-11-23T00:00:00Z') }]);
    expectProblem(bad, 400);
    expect(bad.json().detail).toMatch(/status/);
  });

  describe.skipIf(!hasShared)("EasyPost's signed webhook", () => {
    const vector = hasShared
      ? (JSON.parse(readFileSync(new URL('webhook-hmac-vector.json', EASYPOST), 'utf8')) as { expected_header: string })
      : { expected_header: '' };
    const withLf = hasShared ? readFileSync(new URL('event-body.json', EASYPOST), 'utf8') : '';
    const body = withLf.replace(/\n$/, '');
    const send = (payload: string, signature: string | undefined) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks/easypost',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-hmac-signature': signature } : {}) },
        payload,
      });

    it('accepts the vector exactly as signed, and refuses tampered, re-encoded or unsigned bodies', async () => {
      const accepted = await send(body, vector.expected_header);
      expect(accepted.statusCode, accepted.body).toBe(200);
      // The sample tracks EasyPost's test number "1": no shipment of ours, so acknowledged and dropped.
      expect(accepted.json()).toMatchObject({ applied: 0, unmatched: 7 });
      for (const [payload, signature] of [
        [withLf, vector.expected_header],
        [body.replace('in_transit', 'delivered'), vector.expected_header],
        [JSON.stringify(JSON.parse(body), null, 1), vector.expected_header],
        [body, undefined],
        [body, 'hmac-sha256-hex=nothex'],
      ] as const) {
        const refused = await send(payload, signature);
        expect(refused.statusCode, `${signature ?? 'unsigned'}: ${payload.slice(0, 60)}`).toBe(401);
        expectProblem(refused, 401);
      }
    });

    it('moves our shipment by a tracker.updated event for its number', async () => {
      const { rma, customer } = await authorizedReturn();
      const number = upsNumber();
      await api(customer, 'POST', `/returns/${rma.id}/shipments`, { trackingNumber: number });
      const payload = body.replace('"tracking_code":"1"', `"tracking_code":"${number}"`);
      const response = await send(payload, easyPostSignatureOf(payload, SECRET));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ received: 7, unmatched: 0 });
      const [tracked] = (await api(customer, 'GET', `/returns/${rma.id}/shipments`)).json().items;
      expect(tracked.state).toBe('in_transit');
      // The same delivery again (EasyPost retries): nothing changes.
      const again = await send(payload, easyPostSignatureOf(payload, SECRET));
      expect(again.json()).toMatchObject({ applied: 0, ignored: 7 });
    });
  });
});
