// Carriers as partners, through the API: admins keep carriers as partners with the carrier codes
// they answer for; a carrier's person and key see its shipments in its own shape (no prices, no
// customer), and report scans that move the shipment — and the return's progress — by the same
// rules as the tracking webhooks, the same scan once. (Who may see what across partners is
// partner-access.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { makeLegalEntity } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { call, startFlow, type Flow } from './support/inspection-flow.js';
import { carrierWithShipment, credentialsOf, type PartnerCredentials } from './support/partner-world.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UPS = '1Z999AA10123456784';

describe.each(DIALECTS)('carrier shipments on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let admin: string;
  let ups: Awaited<ReturnType<typeof carrierWithShipment>>;
  let carrier: PartnerCredentials;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    admin = await t.tokenFor('admin');
    ups = await carrierWithShipment(f, { carrierCode: 'ups', trackingNumber: UPS });
    carrier = await credentialsOf(f, 'carrier', ups.partnerId);
  });
  afterAll(() => t?.close());

  const report = (token: string, shipmentId: string, body: object) =>
    call(f, token, 'POST', `/partner/shipments/${shipmentId}/events`, body);
  const patchPartner = (id: string, body: object, version: number) =>
    t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/partners/${id}`,
      headers: { 'if-match': `"${version}"` },
      payload: body,
    });

  it('a carrier partner answers for known carrier codes, each held by one active carrier', async () => {
    const { id: legalEntityId } = await makeLegalEntity(t.platform);
    const create = (body: object) => call(f, admin, 'POST', '/partners', { legalEntityId, ...body });
    const refusals: Array<[object, number, string]> = [
      [{ code: 'CAR-NONE', name: 'No codes', kind: 'carrier' }, 400, 'carrierCodes'],
      [{ code: 'CAR-PONY', name: 'Pony', kind: 'carrier', carrierCodes: ['pony_express'] }, 400, 'carrierCodes.0'],
      [{ code: 'CAR-TWICE', name: 'Twice', kind: 'carrier', carrierCodes: ['dhl', 'dhl'] }, 400, 'carrierCodes'],
      [{ code: 'PTN-CODES', name: 'Repairer', kind: 'repair', carrierCodes: ['dhl'] }, 400, 'carrierCodes'],
      // UPS is answered for by the carrier of the shipment made before all.
      [{ code: 'CAR-UPS2', name: 'Another UPS', kind: 'carrier', carrierCodes: ['usps', 'ups'] }, 409, 'carrierCodes'],
    ];
    for (const [body, status, path] of refusals) {
      const refused = await create(body);
      expectProblem(refused, status);
      expect(refused.json().errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ path }));
    }
    const dhl = await create({ code: 'CAR-DHL', name: 'DHL Returns', kind: 'carrier', carrierCodes: ['dhl', 'dpd'] });
    expect(dhl.statusCode, dhl.body).toBe(201);
    expect(dhl.json()).toMatchObject({ kind: 'carrier', carrierCodes: ['dhl', 'dpd'], isActive: true, version: 1 });
    const patch = (body: object, version: number) => patchPartner(dhl.json<{ id: string }>().id, body, version);
    expectProblem(await patch({ kind: 'repair', carrierCodes: [] }, 1), 422, 'rule_violation');
    expectProblem(await patch({ carrierCodes: ['ups'] }, 1), 409, 'conflict');
    // Once inactive its codes are free, and an inactive carrier may keep them.
    const closed = await patch({ isActive: false }, 1);
    expect(closed.statusCode, closed.body).toBe(200);
    // An edit changes what it names only: the kind, codes and e-mail stay.
    expect(closed.json()).toMatchObject({ kind: 'carrier', carrierCodes: ['dhl', 'dpd'], isActive: false });
    const successor = await create({ code: 'CAR-DHL2', name: 'DHL', kind: 'carrier', carrierCodes: ['dhl'] });
    expect(successor.statusCode, successor.body).toBe(201);
  });

  it("a carrier's person and key list its shipments in its own shape: the RMA number and where to, no prices or customer", async () => {
    for (const token of [carrier.user, carrier.key]) {
      const list = await call(f, token, 'GET', '/partner/shipments');
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json()).toMatchObject({ total: 1, page: 1 });
      const [seen] = list.json<{ items: Array<Record<string, unknown>> }>().items;
      expect(seen).toEqual({
        id: ups.recordId,
        trackingNumber: UPS,
        carrierCode: 'ups',
        service: 'Ground',
        rmaNumber: ups.rmaNumber,
        shipFromRegion: expect.any(String),
        deliverTo: expect.objectContaining({ siteName: expect.any(String), country: 'US' }),
        units: 2,
        weightGrams: null,
        state: 'unknown',
        stateAt: null,
        latestEvent: null,
        createdAt: expect.any(String),
        version: 1,
      });
      const text = list.body;
      expect(text).not.toContain(ups.world.customer.id);
      expect(text).not.toContain(ups.rmaId);
      expect(text).not.toMatch(/Minor|price|email|customerName/i);
    }
    const search = async (query: string) =>
      (await call(f, carrier.user, 'GET', `/partner/shipments?${query}`)).json<{ total: number }>().total;
    expect(await search('q=999%20aa1')).toBe(1);
    expect(await search('q=986578')).toBe(0);
    expect(await search('state=unknown')).toBe(1);
    expect(await search('state=delivered')).toBe(0);
    expectProblem(await call(f, carrier.user, 'GET', '/partner/shipments?state=lost'), 400);
    expectProblem(await call(f, carrier.user, 'GET', '/partner/shipments?sort=price'), 400);
  });

  it('a scan the carrier reports moves the shipment and the return’s progress, as a webhook’s would; the same scan counts once', async () => {
    const scan = { status: 'in_transit', occurredAt: '2026-11-26T04:30:00-05:00', location: 'Louisville, KY, US' };
    const first = await report(carrier.key, ups.recordId, { ...scan, description: 'Departed facility' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json()).toMatchObject({
      outcome: 'applied',
      shipment: {
        state: 'in_transit',
        stateAt: '2026-11-26T09:30:00.000Z',
        version: 2,
        latestEvent: { state: 'in_transit', location: 'Louisville, KY, US', description: 'Departed facility' },
      },
    });
    // Sent again (a retry, a double click): seen, not kept twice, nothing moves.
    const again = await report(carrier.user, ups.recordId, { ...scan, description: 'Departed facility' });
    expect(again.json()).toMatchObject({ outcome: 'already seen', shipment: { version: 2 } });
    expect(again.json().shipment.events).toHaveLength(1);

    // Staff see it on the return, and the units are on their way.
    const staff = await call(f, f.agent, 'GET', `/returns/${ups.rmaId}/shipments`);
    expect(staff.json().items[0]).toMatchObject({
      state: 'in_transit',
      events: [
        { state: 'in_transit', location: 'Louisville, KY, US', carrierStatus: 'in_transit', outcome: 'applied' },
      ],
    });
    const rma = await call(f, f.agent, 'GET', `/returns/${ups.rmaId}`);
    expect(rma.json().progress.units).toMatchObject({ total: 2, inTransit: 2 });
    const timeline = await call(f, f.agent, 'GET', `/returns/${ups.rmaId}/timeline`);
    expect(timeline.body).toContain('shipment.tracking_reported');

    // An older scan arriving late is kept, but never moves the shipment back.
    const late = await report(carrier.user, ups.recordId, {
      status: 'pre_transit',
      occurredAt: '2026-11-25T18:00:00Z',
      location: 'Columbus, OH, US',
      eventId: 'ups-label-1',
    });
    expect(late.json()).toMatchObject({
      outcome: 'an earlier stage than the current one (arrived late)',
      shipment: { state: 'in_transit' },
    });
    const delivered = await report(carrier.user, ups.recordId, {
      status: 'delivered',
      occurredAt: '2026-11-26T09:45:00Z',
      location: 'Dock 3',
      carrierStatus: 'D1',
      eventId: 'ups-pod-1',
    });
    expect(delivered.json()).toMatchObject({ outcome: 'applied', shipment: { state: 'delivered' } });
    const byId = await report(carrier.key, ups.recordId, {
      status: 'delivered',
      occurredAt: '2026-11-26T09:46:00Z',
      location: 'Dock 3, again',
      eventId: 'ups-pod-1',
    });
    expect(byId.json()).toMatchObject({ outcome: 'already seen' });
    expect(byId.json().shipment.events.map((e: { state: string }) => e.state)).toEqual([
      'delivered',
      'in_transit',
      'pre_transit',
    ]);
  });

  it('refuses a scan that is malformed or has not happened yet, with the field that is wrong', async () => {
    const base = { status: 'exception', occurredAt: '2026-11-26T09:00:00Z', location: 'Hub' };
    const refusals: Array<[object, number, string]> = [
      [{ ...base, status: 'unknown' }, 400, 'status'],
      [{ ...base, status: 'lost' }, 400, 'status'],
      [{ ...base, location: '  ' }, 400, 'location'],
      [{ ...base, occurredAt: 'yesterday' }, 400, 'occurredAt'],
      [{ ...base, occurredAt: '2026-11-26T09:00:00' }, 400, 'occurredAt'],
      [{ ...base, trackingNumber: UPS }, 400, '(body)'],
      [{ ...base, occurredAt: '2026-11-27T09:00:00Z' }, 422, 'occurredAt'],
    ];
    for (const [body, status, path] of refusals) {
      const refused = await report(carrier.user, ups.recordId, body);
      expectProblem(refused, status);
      expect(
        refused.json<{ errors?: Array<{ path: string }> }>().errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expectProblem(await report(carrier.user, 'shp_missing', base), 404, 'not_found');
  });

  it("a deactivated carrier's logins see nothing and report nothing", async () => {
    const other = await carrierWithShipment(f, { carrierCode: 'fedex', trackingNumber: '986578788855' });
    const login = await credentialsOf(f, 'carrier', other.partnerId);
    expect((await call(f, login.key, 'GET', '/partner/shipments')).json().total).toBe(1);
    const partner = await call(f, admin, 'GET', `/partners/${other.partnerId}`);
    const closed = await patchPartner(
      other.partnerId,
      { isActive: false },
      partner.json<{ version: number }>().version,
    );
    expect(closed.statusCode, closed.body).toBe(200);
    for (const token of [login.user, login.key]) {
      expect((await call(f, token, 'GET', '/partner/shipments')).json()).toMatchObject({ items: [], total: 0 });
      expectProblem(await call(f, token, 'GET', `/partner/shipments/${other.recordId}`), 404);
      expectProblem(
        await report(token, other.recordId, { status: 'delivered', occurredAt: '2026-11-26T09:00:00Z', location: 'x' }),
        404,
      );
    }
    // Nor may a new person or key be made for it.
    const refused = await call(f, admin, 'POST', '/api-keys', {
      name: 'late',
      role: 'carrier',
      partnerId: other.partnerId,
    });
    expectProblem(refused, 400, 'validation_failed');
  });
});
