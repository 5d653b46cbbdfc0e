// Customers get their own response shapes. A customer-portal user walks through everything the
// portal can reach — products, their account, reason codes, a preview, a request (granted and
// refused), the list, the return, its timeline, a cancellation — and no answer carries the
// distributor's internals anywhere in its body: costs, suppliers, tiers, credit holds, approval
// limits and the rules' wording, configuration versions, deciders, legal entities, raw audit
// records. Staff still get all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { makeOrder, makeWorld } from '../support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Keys that must not appear at any depth of an answer to a customer. */
const INTERNAL_KEYS = [
  'unitCostMinor',
  'supplierId',
  'tier',
  'isOnCreditHold',
  'legalEntityId',
  'routing',
  'routingReasons',
  'approvalRulesVersion',
  'returnPolicyVersion',
  'decidedBy',
  'requestedBy',
  'actorId',
  'entityId',
  'before',
  'after',
  'fault',
  'createdBy',
  'comment',
];
/** Wording of internal rules that must not reach a customer in any text. */
const INTERNAL_WORDS = [/auto-approval/i, /\blimit of\b/i, /-tier\b/i, /\b[a-z]+ tier\b/i, /do not need approval/i];

function internalsIn(body: unknown, path = '$'): string[] {
  if (Array.isArray(body)) return body.flatMap((item, i) => internalsIn(item, `${path}[${i}]`));
  if (body && typeof body === 'object')
    return Object.entries(body).flatMap(([key, value]) => [
      ...(INTERNAL_KEYS.includes(key) ? [`${path}.${key}`] : []),
      ...internalsIn(value, `${path}.${key}`),
    ]);
  if (typeof body === 'string') return INTERNAL_WORDS.filter((word) => word.test(body)).map(() => `${path}: “${body}”`);
  return [];
}

describe.each(DIALECTS)('what customers see on %s', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  let customer: string;
  let staff: string;
  const bodyFor = (orderLineId: string, quantity = 1) => ({
    customerId: w.customer.id,
    customerReference: 'PO-77',
    lines: [{ orderLineId, quantity, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' }],
  });
  const asCustomer = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await t.request(customer, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
    expect(internalsIn(response.json()), `${method} ${url}`).toEqual([]);
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Bronze and a high value: the request needs approval, so routing reasons exist to leak.
    w = await makeWorld(t.platform, { tier: 'bronze', unitPriceMinor: 400_000 });
    customer = await t.tokenFor('customer', { customerId: w.customer.id });
    staff = await t.tokenFor('cs_manager');
  });
  afterAll(() => t?.close());

  it('shows the catalogue and the own account without costs, suppliers, tier or credit hold', async () => {
    const list = await asCustomer('GET', '/products');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ id: w.product.id, sku: w.product.sku, name: w.product.name });
    expect((await asCustomer('GET', `/products/${w.product.id}`)).statusCode).toBe(200);
    const account = await asCustomer('GET', `/customers/${w.customer.id}`);
    expect(account.json()).toMatchObject({ id: w.customer.id, accountNumber: w.customer.accountNumber });

    const asStaff = await t.request(staff, { method: 'GET', url: `/api/v1/products/${w.product.id}` });
    expect(asStaff.json()).toHaveProperty('unitCostMinor');
    expect(asStaff.json()).toHaveProperty('supplierId');
  });

  it('gives customers the reason codes only, without fault classes, and no other configuration', async () => {
    const reasons = await asCustomer('GET', '/config/reason_codes');
    expect(reasons.statusCode).toBe(200);
    expect(reasons.json().document.codes.length).toBeGreaterThan(0);
    for (const kind of ['approval_rules', 'return_policy', 'disposition_codes']) {
      const response = await asCustomer('GET', `/config/${kind}`);
      expect(response.statusCode, kind).toBe(403);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await asCustomer('GET', '/config/reason_codes/versions')).statusCode).toBe(403);
    const asStaff = await t.request(staff, { method: 'GET', url: '/api/v1/config/approval_rules' });
    expect(asStaff.statusCode).toBe(200);
  });

  it('previews, requests, lists, shows and cancels a return in the customer’s shape', async () => {
    const preview = await asCustomer('POST', '/returns/evaluate', bodyFor(w.orderLine.id));
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ isEligible: true, needsApproval: true });

    const created = await asCustomer('POST', '/returns', bodyFor(w.orderLine.id));
    expect(created.statusCode).toBe(201);
    const rma = created.json();
    expect(rma).toMatchObject({ status: 'pending_approval', customerReference: 'PO-77' });
    expect(rma.verdict).toMatchObject({ isEligible: true, needsApproval: true });

    const list = await asCustomer('GET', '/returns');
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(rma.id);
    expect((await asCustomer('GET', `/returns/${rma.id}`)).json()).toMatchObject({ id: rma.id });

    const cancelled = await asCustomer('POST', `/returns/${rma.id}/cancel`, { reason: 'ordered again by mistake' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');

    const timeline = await asCustomer('GET', `/returns/${rma.id}/timeline`);
    expect(timeline.json().items.map((e: { summary: string }) => e.summary)).toEqual([
      'Return requested',
      'Waiting for approval by the returns team',
      'Cancelled — “ordered again by mistake”',
    ]);

    // Staff see the same return whole: who asked, why it needed approval, the raw audit records.
    const asStaff = await t.request(staff, { method: 'GET', url: `/api/v1/returns/${rma.id}` });
    expect(asStaff.json().routingReasons.length).toBeGreaterThan(0);
    expect(asStaff.json()).toHaveProperty('legalEntityId');
    const staffTimeline = await t.request(staff, { method: 'GET', url: `/api/v1/returns/${rma.id}/timeline` });
    expect(staffTimeline.json().items[0]).toHaveProperty('after');
  });

  it('tells where to send an authorized return, without the site’s internals', async () => {
    const created = await asCustomer('POST', '/returns', bodyFor(w.orderLine.id));
    const rma = created.json();
    const approved = await t.request(staff, {
      method: 'POST',
      url: `/api/v1/returns/${rma.id}/approve`,
      payload: { comment: 'fine' },
      headers: { 'if-match': `"${rma.version}"` },
    });
    expect(approved.statusCode).toBe(200);
    const read = await asCustomer('GET', `/returns/${rma.id}`);
    expect(read.json()).toMatchObject({ status: 'authorized', shipTo: { siteName: w.site.name } });
    expect(Object.keys(read.json().shipTo).sort()).toEqual(
      ['addressLines', 'city', 'country', 'postalCode', 'region', 'siteName'].sort(),
    );
    expect((await asCustomer('GET', '/orders')).statusCode).toBe(200);
    expect((await asCustomer('GET', `/orders/${w.order.id}`)).statusCode).toBe(200);
  });

  it('explains a refusal in the customer’s shape too', async () => {
    const order = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: w.product.id, quantityShipped: 1, unitPriceMinor: 1000, taxMinor: 0 }],
    });
    const refused = await asCustomer('POST', '/returns', bodyFor(order.lines[0]!.id, 5));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().verdict).toMatchObject({ isEligible: false, needsApproval: null });
  });
});
