// Repair partners end to end through the API: admins keep partners as master data and give them
// users and API keys; a work order goes to partner A, whose user reads it and reports the outcome
// (the unit becomes saleable stock). Partner B's key never sees A's work, and a partner's user
// can do nothing else in the system: every other route refuses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer, makeLegalEntity } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { call, completeInspection, dispose, receivedReturn, startFlow, type Flow } from './support/inspection-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Partner {
  id: string;
  code: string;
  name: string;
  kind: string;
  isActive: boolean;
  version: number;
}

describe.each(DIALECTS)('repair partners on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let admin: string;
  let legalEntityId: string;
  let partnerA: Partner;
  let partnerB: Partner;
  let inactivePartner: Partner;
  /** Partner A's user, signed in. */
  let userOfA: string;
  /** Partner B's API key. */
  let keyOfB: string;
  /** The work order that went to partner A, and what stands behind it. */
  let order: { id: string; rmaId: string; inspectionId: string; siteId: string; productId: string };

  const api = (token: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = {}) =>
    t.request(token, { method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  async function createPartner(body: object): Promise<Partner> {
    const response = await api(admin, 'POST', '/partners', { legalEntityId, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Partner>();
  }

  let seq = 0;
  /** Invites a person, who sets their password with the link and signs in. */
  async function invitedAndSignedIn(body: object) {
    const email = `partner.person${++seq}@example.com`;
    const invited = await api(admin, 'POST', '/users', { email, name: `Partner person ${seq}`, ...body });
    expect(invited.statusCode, invited.body).toBe(201);
    const { user, passwordLink } = invited.json<{
      user: { id: string; partnerId: string | null; siteId: string | null; role: string };
      passwordLink: { token: string };
    }>();
    const password = `correct horse ${seq}`;
    expect((await api(null, 'POST', '/auth/password', { token: passwordLink.token, password })).statusCode).toBe(204);
    const signedIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    return { user, token: signedIn.json<{ accessToken: string }>().accessToken };
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    admin = await t.tokenFor('admin');
    legalEntityId = (await makeLegalEntity(t.platform)).id;
  });
  afterAll(() => t?.close());

  it('admins keep repair partners as master data; nobody else may, and customers never see them', async () => {
    partnerA = await createPartner({ code: 'PTN-A', name: 'Alpha Repairs', email: 'bench@alpha.example' });
    partnerB = await createPartner({ code: 'PTN-B', name: 'Bravo Fix', email: '' });
    inactivePartner = await createPartner({ code: 'PTN-OLD', name: 'Closed Repairs', isActive: false });
    expect(partnerA).toMatchObject({ kind: 'repair', isActive: true, legalEntityId, version: 1 });
    expect(partnerA.id).toMatch(/^ptn_/);

    expectProblem(await api(admin, 'POST', '/partners', { code: 'PTN-A', name: 'Again', legalEntityId }), 409);
    expectProblem(
      await api(admin, 'POST', '/partners', { code: 'PTN-X', name: 'Nowhere', legalEntityId: 'le_missing' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await api(admin, 'POST', '/partners', { code: 'PTN-Y', name: 'A carrier', kind: 'carrier', legalEntityId }),
      400,
    );
    expectProblem(
      await api(admin, 'POST', '/partners', {
        code: 'PTN-Z',
        name: 'Bad mail',
        email: 'not an address',
        legalEntityId,
      }),
      400,
    );

    const found = await api(admin, 'GET', '/partners?q=alpha');
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((p: Partner) => p.code)).toEqual(['PTN-A']);

    const renamed = await api(
      admin,
      'PATCH',
      `/partners/${partnerB.id}`,
      { name: 'Bravo Fix Ltd' },
      { 'if-match': '"1"' },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    partnerB = renamed.json<Partner>();
    expect(partnerB).toMatchObject({ name: 'Bravo Fix Ltd', version: 2 });
    expectProblem(await api(admin, 'PATCH', `/partners/${partnerB.id}`, { name: 'Stale' }, { 'if-match': '"1"' }), 412);

    expectProblem(
      await api(await t.tokenFor('cs_manager'), 'POST', '/partners', { code: 'PTN-C', name: 'C', legalEntityId }),
      403,
    );
    expect((await api(await t.tokenFor('quality'), 'GET', '/partners')).statusCode).toBe(200);
    const account = await makeCustomer(t.platform, legalEntityId);
    const customer = await t.tokenFor('customer', { customerId: account.id });
    expectProblem(await api(customer, 'GET', '/partners'), 403);
    expectProblem(await api(customer, 'GET', `/partners/${partnerA.id}`), 403);
  });

  it("a partner's user belongs to one active partner; no other role has one", async () => {
    const refusals: Array<[object, string]> = [
      [{ role: 'repair_partner' }, 'partnerId'],
      [{ role: 'repair_partner', partnerId: 'ptn_missing' }, 'partnerId'],
      [{ role: 'repair_partner', partnerId: inactivePartner.id }, 'partnerId'],
      [{ role: 'cs_agent', partnerId: partnerA.id }, 'partnerId'],
      [{ role: 'customer', customerId: 'cus_x', partnerId: partnerA.id }, 'customerId'],
    ];
    for (const [body, path] of refusals) {
      const refused = await api(admin, 'POST', '/users', { email: `refused${++seq}@example.com`, name: 'No', ...body });
      expectProblem(refused, 400, 'validation_failed');
      expect(refused.json().errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ path }));
    }
    const withSite = await api(admin, 'POST', '/users', {
      email: 'partner.with.site@example.com',
      name: 'Has a site',
      role: 'repair_partner',
      partnerId: partnerA.id,
      siteId: 'site_any',
    });
    expectProblem(withSite, 400, 'validation_failed');
    expect(withSite.json().errors).toContainEqual(expect.objectContaining({ path: 'siteId' }));

    const invited = await invitedAndSignedIn({ role: 'repair_partner', partnerId: partnerA.id });
    expect(invited.user).toMatchObject({ role: 'repair_partner', partnerId: partnerA.id, siteId: null });
    userOfA = invited.token;
    const read = await api(admin, 'GET', `/users/${invited.user.id}`);
    expect(read.json()).toMatchObject({ partnerId: partnerA.id });
    const listed = await api(admin, 'GET', '/users?role=repair_partner');
    expect(listed.json().items).toEqual([expect.objectContaining({ id: invited.user.id, partnerId: partnerA.id })]);
  });

  it("changing a person's role to repair partner needs the partner; leaving the role drops it", async () => {
    const invited = await api(admin, 'POST', '/users', {
      email: 'changes.role@example.com',
      name: 'Changes role',
      role: 'cs_agent',
    });
    const { user } = invited.json<{ user: { id: string; version: number } }>();
    const patch = (body: object, version: number) =>
      api(admin, 'PATCH', `/users/${user.id}`, body, { 'if-match': `"${version}"` });

    expectProblem(await patch({ role: 'repair_partner' }, user.version), 400, 'validation_failed');
    expectProblem(await patch({ partnerId: partnerA.id }, user.version), 400, 'validation_failed');
    const toPartner = await patch({ role: 'repair_partner', partnerId: partnerB.id }, user.version);
    expect(toPartner.statusCode, toPartner.body).toBe(200);
    expect(toPartner.json()).toMatchObject({ role: 'repair_partner', partnerId: partnerB.id });
    // Another partner, the role kept.
    const moved = await patch({ partnerId: partnerA.id }, toPartner.json().version);
    expect(moved.json()).toMatchObject({ role: 'repair_partner', partnerId: partnerA.id });
    const back = await patch({ role: 'warehouse' }, moved.json().version);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ role: 'warehouse', partnerId: null });
  });

  it("a partner's API key names the partner; other keys name none", async () => {
    const create = (body: object) => api(admin, 'POST', '/api-keys', { name: 'Partner portal', ...body });
    for (const body of [
      { role: 'repair_partner' },
      { role: 'repair_partner', partnerId: inactivePartner.id },
      { role: 'warehouse', partnerId: partnerB.id },
    ]) {
      const refused = await create(body);
      expectProblem(refused, 400, 'validation_failed');
      expect(refused.json().errors).toContainEqual(expect.objectContaining({ path: 'partnerId' }));
    }
    const created = await create({ role: 'repair_partner', partnerId: partnerB.id });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ role: 'repair_partner', partnerId: partnerB.id, customerId: null });
    keyOfB = created.json<{ secret: string }>().secret;
    const listed = await api(admin, 'GET', '/api-keys');
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({ id: created.json().id, partnerId: partnerB.id }),
    );
  });

  it('a defective unit goes to partner A as a work order', async () => {
    const r = await receivedReturn(f, { quantity: 1, product: { unitCostMinor: 6000, listPriceMinor: 12000 } });
    const inspectionId = r.inspections[0]!.id;
    await completeInspection(f, inspectionId, {
      grade: 'D',
      defectCodes: ['DEAD_ON_ARRIVAL'],
      findings: 'Does not power on; PSU suspected',
    });
    const rec = await call(f, f.quality, 'GET', `/inspections/${inspectionId}/recommendation`);
    const recommended: string = rec.json().recommendation.code;
    const { response } = await dispose(f, inspectionId, {
      code: 'REPAIR_EXTERNAL',
      partnerId: partnerA.id,
      ...(recommended === 'REPAIR_EXTERNAL' ? {} : { overrideReason: 'Alpha repairs these under contract' }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const disposition = response.json<{ followUpType: string; followUpId: string }>();
    expect(disposition.followUpType).toBe('work_order');
    order = {
      id: disposition.followUpId,
      rmaId: r.rma.id,
      inspectionId,
      siteId: r.world.site.id,
      productId: r.product.id,
    };
    const staffView = await call(f, f.quality, 'GET', `/work-orders/${order.id}`);
    expect(staffView.json()).toMatchObject({ performer: 'partner', partnerId: partnerA.id, status: 'open' });
  });

  it("partner B's key neither sees nor reports on A's work order", async () => {
    const list = await api(keyOfB, 'GET', '/partner/work-orders?status=any');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ items: [], total: 0 });
    expectProblem(await api(keyOfB, 'GET', `/partner/work-orders/${order.id}`), 404, 'not_found');
    const report = await api(
      keyOfB,
      'POST',
      `/partner/work-orders/${order.id}/outcome`,
      { outcome: 'beyond_repair', actualCostMinor: 0, note: 'not ours' },
      { 'if-match': '"1"' },
    );
    expectProblem(report, 404, 'not_found');
    // The staff list is not theirs either.
    expectProblem(await api(keyOfB, 'GET', `/work-orders/${order.id}`), 403);

    const unchanged = await call(f, f.quality, 'GET', `/work-orders/${order.id}`);
    expect(unchanged.json()).toMatchObject({ status: 'open', version: 1, outcome: null });
    const stock = await call(f, f.warehouse, 'GET', `/stock?productId=${order.productId}`);
    expect(stock.json().items).toEqual([expect.objectContaining({ status: 'in_repair', quantity: 1 })]);
  });

  it("partner A's user reads its work order, without the customer, the return or our values", async () => {
    const list = await api(userOfA, 'GET', '/partner/work-orders');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((w: { id: string }) => w.id)).toEqual([order.id]);
    const one = await api(userOfA, 'GET', `/partner/work-orders/${order.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers.etag).toBe('"1"');
    const seen = one.json<Record<string, unknown>>();
    expect(seen).toMatchObject({
      status: 'open',
      kind: 'repair',
      quantity: 1,
      findings: 'Does not power on; PSU suspected',
      defectCodes: ['DEAD_ON_ARRIVAL'],
    });
    for (const hidden of ['rmaId', 'rmaNumber', 'customerId', 'unitValueMinor', 'partnerId', 'siteId', 'dispositionId'])
      expect(seen, hidden).not.toHaveProperty(hidden);
    expect(JSON.stringify(seen)).not.toContain(order.rmaId);
  });

  it("partner A's user reports the unit repaired: the work order completes and the unit is saleable", async () => {
    const url = `/partner/work-orders/${order.id}/outcome`;
    const body = { outcome: 'repaired', grade: 'B', actualCostMinor: 2750, note: 'PSU replaced' };
    expectProblem(await api(userOfA, 'POST', url, body), 428);
    expectProblem(await api(userOfA, 'POST', url, body, { 'if-match': '"7"' }), 412);
    expectProblem(await api(userOfA, 'POST', url, { ...body, grade: 'D' }, { 'if-match': '"1"' }), 400);
    expectProblem(await api(userOfA, 'POST', url, { ...body, actualCostMinor: -1 }, { 'if-match': '"1"' }), 400);

    const reported = await api(userOfA, 'POST', url, body, { 'if-match': '"1"' });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({
      status: 'completed',
      outcome: 'repaired',
      outcomeGrade: 'B',
      actualCostMinor: 2750,
      outcomeNote: 'PSU replaced',
      version: 2,
    });
    expectProblem(await api(userOfA, 'POST', url, body, { 'if-match': '"2"' }), 409);

    const stock = await call(f, f.warehouse, 'GET', `/stock?productId=${order.productId}`);
    expect(stock.statusCode, stock.body).toBe(200);
    expect(stock.json().items).toEqual([expect.objectContaining({ status: 'saleable', quantity: 1 })]);
    const open = await api(userOfA, 'GET', '/partner/work-orders');
    expect(open.json().total).toBe(0);
    const completed = await api(userOfA, 'GET', '/partner/work-orders?status=completed');
    expect(completed.json().items).toEqual([expect.objectContaining({ id: order.id, status: 'completed' })]);
  });

  it("a partner's user is refused everything else: returns, orders, stock, inspections, config, users, audit", async () => {
    const refused = [
      '/returns',
      `/returns/${order.rmaId}`,
      `/returns/${order.rmaId}/timeline`,
      `/returns/${order.rmaId}/custody`,
      `/returns/${order.rmaId}/inspections`,
      `/returns/${order.rmaId}/dispositions`,
      '/returns/counts',
      '/orders',
      '/customers',
      '/products',
      '/partners',
      `/partners/${partnerA.id}`,
      '/stock',
      `/stock?productId=${order.productId}`,
      `/inspections?siteId=${order.siteId}`,
      `/inspections/${order.inspectionId}`,
      `/inspections/${order.inspectionId}/recommendation`,
      '/work-orders',
      `/work-orders/${order.id}`,
      '/config/return_policy',
      '/config/disposition_rules',
      '/users',
      '/api-keys',
      '/audit/verify',
      '/receiving/exceptions',
      `/sites/${order.siteId}/dock-schedule?date=2026-11-26`,
    ];
    for (const url of refused) {
      for (const token of [userOfA, keyOfB]) {
        const response = await api(token, 'GET', url);
        expect([403, 404], `GET ${url}: ${response.body}`).toContain(response.statusCode);
      }
    }
    for (const url of ['/returns', '/stock', `/inspections?siteId=${order.siteId}`, '/work-orders'])
      expectProblem(await api(userOfA, 'GET', url), 403, 'forbidden');
  });

  it("every route but the partner's own refuses a partner's user: no answer carries data", async () => {
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    // Real ids, so a use case that checked only whose record it is (and not the permission) would
    // answer. Writes are sent with an empty body: most stop at validation, before any use case —
    // the partner still gets nothing, and the reads and the use cases' own checks are covered above.
    const idFor = (path: string): string => {
      if (path.includes('/partner/work-orders') || path.startsWith('/api/v1/work-orders')) return order.id;
      if (path.startsWith('/api/v1/returns')) return order.rmaId;
      if (path.startsWith('/api/v1/inspections')) return order.inspectionId;
      if (path.startsWith('/api/v1/partners')) return partnerA.id;
      if (path.startsWith('/api/v1/sites')) return order.siteId;
      if (path.startsWith('/api/v1/products')) return order.productId;
      return 'x_unknown';
    };
    const own = /^\/api\/v1\/(partner\/work-orders|auth\/me$)/;
    // Sign-out would end the session the sweep runs with; public routes answer anyone.
    const skipped = /^\/api\/v1\/(auth\/(logout|password|token)|webhooks\/)/;
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (own.test(path) || skipped.test(path)) continue;
      const url = path
        .replace('{kind}', 'return_policy')
        .replace('{siteId}', order.siteId)
        .replace(/\{[A-Za-z]+\}/g, () => idFor(path));
      for (const method of Object.keys(operations)) {
        const response = await t.request(userOfA, {
          method: method.toUpperCase(),
          url,
          headers: { 'if-match': '"1"' },
          ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
        });
        checked += 1;
        expect(response.statusCode, `${method.toUpperCase()} ${url}: ${response.body}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, `${method.toUpperCase()} ${url}: ${response.body}`).toBeLessThan(500);
        if (method === 'get' && response.statusCode !== 400)
          expect([403, 404], `GET ${url}: ${response.body}`).toContain(response.statusCode);
      }
    }
    expect(checked).toBeGreaterThan(80);
  });
});
