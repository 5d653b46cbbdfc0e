// Routing instructions through the API: an authorized return is sent by the rules to the nearest
// site of its customer's zone that is certified for its goods and has room, with the reasons; a
// manager may override it with a reason (kept, audited, If-Match); refusals change nothing; the
// customer sees where to send the goods, never the rules' workings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnRouting } from '../../src/contracts/configuration.js';
import type { Rma } from '../../src/contracts/returns.js';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeSite } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe.each(DIALECTS)('return routing on %s', (dialect) => {
  let t: TestApp;
  let agent: string;
  let manager: string;
  let admin: string;
  const api = (token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers = {}) =>
    t.request(token, {
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await t.tokenFor('cs_agent');
    manager = await t.tokenFor('cs_manager');
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  /** An entity with Columbus (plain), Dallas (hazmat) and Reno (regulated, cold) and the West zone. */
  async function network(routing: Partial<ReturnRouting> = {}) {
    const entity = await makeLegalEntity(t.platform);
    const site = (code: string, name: string, region: string, capabilities: string[]) =>
      makeSite(t.platform, entity.id, {
        code: `${code}-${entity.code}`,
        name,
        region,
        capabilities: ['receiving', 'inspection', ...capabilities] as never,
      });
    const cmh = await site('CMH', 'Columbus DC', 'OH', []);
    const dal = await site('DAL', 'Dallas DC', 'TX', ['regulated_goods', 'hazmat']);
    const rno = await site('RNO', 'Reno DC', 'NV', ['regulated_goods', 'temperature_controlled']);
    await publishRouting({
      zones: [{ name: `West ${entity.code}`, regions: ['CA', 'NV'], sites: [rno.code, dal.code, cmh.code] }],
      certifications: [{ regulatedClass: 'hazmat', capability: 'hazmat' }],
      siteCapacities: [],
      ...routing,
    });
    return { entity, cmh, dal, rno };
  }

  /** Reno then Columbus for California, Reno taking at most `maxOpenUnits` units of open returns. */
  async function westWithRenoLimitedTo(maxOpenUnits: number) {
    const entity = await makeLegalEntity(t.platform);
    const rno = await makeSite(t.platform, entity.id, { code: `RNO-${entity.code}`, region: 'NV' });
    const cmh = await makeSite(t.platform, entity.id, { code: `CMH-${entity.code}`, region: 'OH' });
    await publishRouting({
      zones: [{ name: 'West', regions: ['CA'], sites: [rno.code, cmh.code] }],
      certifications: [],
      siteCapacities: [{ siteCode: rno.code, maxOpenUnits }],
    });
    return { entity, rno, cmh };
  }

  async function publishRouting(document: ReturnRouting) {
    const current = await api(admin, 'GET', '/config/return_routing');
    expect(current.statusCode, current.body).toBe(200);
    const published = await api(
      admin,
      'PUT',
      '/config/return_routing',
      { document, comment: 'test network' },
      { 'if-match': `"${current.json<{ version: number }>().version}"` },
    );
    expect(published.statusCode, published.body).toBe(200);
  }

  /** A gold customer in `region` with an order of a product (hazmat if asked), and the body of a return of it. */
  async function prepareReturn(
    entityId: string,
    options: { region?: string; regulatedClass?: string; quantity?: number } = {},
  ) {
    const customer = await makeCustomer(t.platform, entityId, { tier: 'gold', region: options.region ?? 'CA' });
    const product = await makeProduct(t.platform, { regulatedClass: options.regulatedClass ?? null });
    const order = await makeOrder(t.platform, {
      customerId: customer.id,
      legalEntityId: entityId,
      lines: [{ productId: product.id, quantityShipped: 20 }],
    });
    const body = {
      customerId: customer.id,
      returnType: options.regulatedClass ? 'regulated' : 'standard',
      lines: [
        {
          orderLineId: order.lines[0]!.id,
          quantity: options.quantity ?? 2,
          reasonCode: 'ORDERED_IN_ERROR',
          claimedCondition: 'unopened',
        },
      ],
    };
    return { customer, body };
  }

  async function postReturn(body: unknown) {
    const created = await api(agent, 'POST', '/returns', body);
    expect(created.statusCode, created.body).toBe(201);
    return created.json<Rma>();
  }

  /** A return requested at once: authorized unless its goods are regulated. */
  async function requestReturn(entityId: string, options: Parameters<typeof prepareReturn>[1] = {}) {
    const { customer, body } = await prepareReturn(entityId, options);
    return { rma: await postReturn(body), customer };
  }

  it('sends an authorized return to the first site of its customer’s zone and explains why', async () => {
    const { rno } = await network();
    const { rma, customer } = await requestReturn(rno.legalEntityId);
    expect(rma.status).toBe('authorized');
    expect(rma.routingInstruction).toMatchObject({ siteId: rno.id, siteCode: rno.code, basis: 'rules', reason: '' });
    expect(rma.routingInstruction!.explanation.at(-1)).toBe(`Sent to ${rno.code} (Reno DC).`);
    expect(rma.shipTo?.siteName).toBe('Reno DC');
    // Read back the same; the label and the shipments expect the goods there.
    const read = (await api(agent, 'GET', `/returns/${rma.id}`)).json<Rma>();
    expect(read.routingInstruction?.siteId).toBe(rno.id);
    const shipment = await api(agent, 'POST', `/returns/${rma.id}/shipments`, {
      trackingNumber: '1Z5R89390357567127',
    });
    expect(shipment.statusCode, shipment.body).toBe(201);
    expect(shipment.json<{ expectedSiteId: string }>().expectedSiteId).toBe(rno.id);
    // The customer learns where to send the goods, not how the rules weighed the sites.
    const token = await t.tokenFor('customer', { customerId: customer.id });
    const own = await api(token, 'GET', `/returns/${rma.id}`);
    expect(own.json<Record<string, unknown>>().shipTo).toMatchObject({ siteName: 'Reno DC' });
    expect(own.json<Record<string, unknown>>()).not.toHaveProperty('routingInstruction');
    expect(own.body).not.toContain(rno.code);
  });

  it('sends hazardous goods only to a certified site, once a manager approves the return', async () => {
    const { dal, rno } = await network();
    const { rma } = await requestReturn(dal.legalEntityId, { regulatedClass: 'hazmat' });
    expect(rma.status).toBe('pending_approval');
    expect(rma.routingInstruction).toBeNull();
    expect(rma.shipTo).toBeNull();
    const approved = await api(manager, 'POST', `/returns/${rma.id}/approve`, { comment: 'ok' });
    expect(approved.statusCode, approved.body).toBe(200);
    const instruction = approved.json<Rma>().routingInstruction!;
    expect(instruction.siteId).toBe(dal.id);
    expect(instruction.requiredCapabilities).toEqual(['receiving', 'hazmat']);
    expect(instruction.candidates.find((c) => c.siteCode === rno.code)).toMatchObject({
      verdict: 'not_certified',
      note: 'lacks hazmat',
    });
    const timeline = await api(agent, 'GET', `/returns/${rma.id}/timeline`);
    expect(timeline.body).toContain(`Routed by the rules to ${dal.code}`);
  });

  it('passes over a site whose open returns fill its capacity', async () => {
    const { entity, rno, cmh } = await westWithRenoLimitedTo(5);
    const first = await requestReturn(entity.id, { quantity: 4 });
    expect(first.rma.routingInstruction?.siteId).toBe(rno.id);
    const second = await requestReturn(entity.id, { quantity: 2 });
    expect(second.rma.routingInstruction?.siteId).toBe(cmh.id);
    expect(second.rma.routingInstruction?.explanation).toContain(
      `${rno.code} passed over: 4 of 5 units already routed there; 2 more would not fit.`,
    );
    // Cancelling the first return frees the room.
    expect((await api(agent, 'POST', `/returns/${first.rma.id}/cancel`, { reason: 'not needed' })).statusCode).toBe(
      200,
    );
    const third = await requestReturn(entity.id, { quantity: 2 });
    expect(third.rma.routingInstruction?.siteId).toBe(rno.id);
  });

  it('never lets returns authorized at the same moment overfill a site', async () => {
    const { entity, rno, cmh } = await westWithRenoLimitedTo(4);
    const bodies = await Promise.all(Array.from({ length: 6 }, () => prepareReturn(entity.id, { quantity: 2 })));
    const returns = await Promise.all(bodies.map(({ body }) => postReturn(body)));
    const sites = returns.map((rma) => rma.routingInstruction?.siteId);
    expect(sites.filter((site) => site === rno.id)).toHaveLength(2);
    expect(sites.filter((site) => site === cmh.id)).toHaveLength(4);
  });

  it('routes nowhere when no site is certified, and the label says to contact customer service', async () => {
    const entity = await makeLegalEntity(t.platform);
    await makeSite(t.platform, entity.id, { code: `PLAIN-${entity.code}` });
    const { rma } = await requestReturn(entity.id, { regulatedClass: 'hazmat' });
    const approved = (await api(manager, 'POST', `/returns/${rma.id}/approve`, { comment: 'ok' })).json<Rma>();
    expect(approved.routingInstruction).toMatchObject({ siteId: null, siteCode: null });
    expect(approved.routingInstruction!.explanation.at(-1)).toBe(
      'No active site is certified for these goods: route this return by hand.',
    );
    expect(approved.shipTo).toBeNull();
    expectProblem(await api(agent, 'GET', `/returns/${rma.id}/label.pdf`), 409, 'conflict');
  });

  it('lets a manager override the rules with a reason, kept beside them; refusals change nothing', async () => {
    const { cmh, dal, rno } = await network();
    const { rma } = await requestReturn(rno.legalEntityId);
    const reroute = (token: string, body: unknown, version = rma.version) =>
      api(token, 'POST', `/returns/${rma.id}/routing`, body, { 'if-match': `"${version}"` });

    expectProblem(await reroute(agent, { siteId: cmh.id, reason: 'closer to the customer' }), 403, 'forbidden');
    expectProblem(await reroute(manager, { siteId: cmh.id, reason: '' }), 400, 'validation_failed');
    expectProblem(await reroute(manager, { siteId: rno.id, reason: 'same site' }), 422, 'rule_violation');
    const other = await makeSite(t.platform, (await makeLegalEntity(t.platform)).id);
    const foreign = await reroute(manager, { siteId: other.id, reason: 'other entity' });
    expectProblem(foreign, 422, 'rule_violation');
    expect(foreign.json<{ errors: Array<{ path: string }> }>().errors[0]!.path).toBe('siteId');
    expectProblem(await reroute(manager, { siteId: cmh.id, reason: 'stale' }, rma.version - 1), 412);
    expect((await api(agent, 'GET', `/returns/${rma.id}`)).json<Rma>().routingInstruction?.siteId).toBe(rno.id);

    const moved = await reroute(manager, { siteId: dal.id, reason: 'Reno dock closed for works this week' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.headers.etag).toBe(`"${rma.version + 1}"`);
    const view = moved.json<Rma>();
    expect(view.routingInstruction).toMatchObject({
      siteId: dal.id,
      basis: 'override',
      reason: 'Reno dock closed for works this week',
      rulesVersion: null,
    });
    expect(view.shipTo?.siteName).toBe('Dallas DC');
    const timeline = await api(agent, 'GET', `/returns/${rma.id}/timeline`);
    expect(timeline.body).toContain(`Routed by hand to ${dal.code} — “Reno dock closed for works this week”`);
  });

  it('refuses to override hazardous goods to a site not certified for them', async () => {
    const { cmh, dal } = await network();
    const { rma } = await requestReturn(dal.legalEntityId, { regulatedClass: 'hazmat' });
    const approved = (await api(manager, 'POST', `/returns/${rma.id}/approve`, { comment: 'ok' })).json<Rma>();
    const refused = await api(manager, 'POST', `/returns/${rma.id}/routing`, { siteId: cmh.id, reason: 'cheaper' });
    expectProblem(refused, 422, 'rule_violation');
    expect(refused.json<{ detail: string }>().detail).toContain('lacks hazmat');
    const after = (await api(agent, 'GET', `/returns/${rma.id}`)).json<Rma>();
    expect(after.version).toBe(approved.version);
    expect(after.routingInstruction?.siteId).toBe(dal.id);
  });

  it('does not route a return that is not authorized', async () => {
    const { cmh, dal } = await network();
    const { rma } = await requestReturn(dal.legalEntityId, { regulatedClass: 'hazmat' });
    expectProblem(
      await api(manager, 'POST', `/returns/${rma.id}/routing`, { siteId: cmh.id, reason: 'early' }),
      409,
      'invalid_transition',
    );
  });

  it('refuses a routing rule that names a site that does not exist', async () => {
    const current = (await api(admin, 'GET', '/config/return_routing')).json<{ version: number }>();
    const refused = await api(
      admin,
      'PUT',
      '/config/return_routing',
      {
        document: {
          zones: [{ name: 'X', regions: ['CA'], sites: ['NO-SUCH-SITE'] }],
          certifications: [],
          siteCapacities: [],
        },
        comment: 'typo',
      },
      { 'if-match': `"${current.version}"` },
    );
    expectProblem(refused, 400, 'validation_failed');
    expect(refused.body).toContain('no site “NO-SUCH-SITE”');
  });
});
