// The partners' authorization matrix. Two partners of each kind — suppliers with claims, repair
// partners with work orders, carriers with shipments — each with a signed-in person and an API key.
// Partner B tries every partner route of its kind on partner A's record: a list never holds A's
// rows, a read or an act is a 404 problem with none of A's data, and A's record is unchanged; A
// itself may do each of them. Every partner role is refused the staff's routes and the other
// kinds' partner routes. Adding a partner route is adding a row to PARTNER_ROUTES.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { PartnerRole } from '../../src/contracts/common.js';
import { DIALECTS } from '../support/databases.js';
import { makeSiteWorld, startFlow, type Flow } from './support/inspection-flow.js';
import {
  carrierWithShipment,
  credentialsOf,
  repairPartnerWithWorkOrder,
  supplierWithClaim,
  type PartnerCredentials,
} from './support/partner-world.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Kind = 'supplier' | 'repair partner' | 'carrier';
const ROLE_OF: Record<Kind, PartnerRole> = {
  supplier: 'supplier',
  'repair partner': 'repair_partner',
  carrier: 'carrier',
};
const KINDS = Object.keys(ROLE_OF) as Kind[];

/** One partner organisation: its record, a business number that must never reach another, its ways in. */
interface Organisation {
  partnerId: string;
  recordId: string;
  /** The claim, work-order or tracking number: A's data, which B's answers must not contain. */
  marker: string;
  rmaId: string;
  /** Its other kinds of record (a supplier's vendor return beside its claim), by the routes' `record`. */
  others?: Partial<Record<OtherRecord, { id: string; marker: string }>>;
  credentials: PartnerCredentials;
}

type OtherRecord = 'vendorReturn';

/** The record a route acts on: the organisation's main one, or the other kind the route names. */
function recordOf(org: Organisation, route: PartnerRoute): { id: string; marker: string } {
  if (!route.record) return { id: org.recordId, marker: org.marker };
  const other = org.others?.[route.record];
  if (!other) throw new Error(`the organisation has no ${route.record}`);
  return other;
}

interface PartnerRoute {
  kind: Kind;
  method: 'GET' | 'POST';
  /** The route's path as the OpenAPI document names it. */
  template: string;
  /** A list: B's must not hold A's record (and must hold B's own). */
  isList?: boolean;
  body?: object;
  /** Sends If-Match with the record's version as its owner last read it. */
  needsIfMatch?: boolean;
  query?: string;
  /** Acts on the organisation's other record of this kind rather than its main one. */
  record?: OtherRecord;
}

const PARTNER_ROUTES: readonly PartnerRoute[] = [
  { kind: 'supplier', method: 'GET', template: '/supplier-claims', isList: true, query: '?pageSize=200' },
  { kind: 'supplier', method: 'GET', template: '/supplier-claims/{id}' },
  { kind: 'supplier', method: 'GET', template: '/partner/vendor-returns', isList: true, record: 'vendorReturn' },
  { kind: 'supplier', method: 'GET', template: '/partner/vendor-returns/{id}', record: 'vendorReturn' },
  { kind: 'supplier', method: 'POST', template: '/supplier-claims/{id}/acknowledge', body: {}, needsIfMatch: true },
  {
    kind: 'supplier',
    method: 'POST',
    template: '/supplier-claims/{id}/decision',
    body: { decision: 'reject', note: 'not ours' },
    needsIfMatch: true,
  },
  { kind: 'repair partner', method: 'GET', template: '/partner/work-orders', isList: true, query: '?status=any' },
  { kind: 'repair partner', method: 'GET', template: '/partner/work-orders/{id}' },
  {
    kind: 'repair partner',
    method: 'POST',
    template: '/partner/work-orders/{id}/outcome',
    body: { outcome: 'beyond_repair', actualCostMinor: 0, note: 'cannot be repaired' },
    needsIfMatch: true,
  },
  { kind: 'carrier', method: 'GET', template: '/partner/shipments', isList: true, query: '?pageSize=200' },
  { kind: 'carrier', method: 'GET', template: '/partner/shipments/{id}' },
  {
    kind: 'carrier',
    method: 'POST',
    template: '/partner/shipments/{id}/events',
    body: { status: 'in_transit', occurredAt: '2026-11-26T08:00:00Z', location: 'Louisville, KY, US' },
  },
];

/**
 * Staff reads and writes no partner may use, each well formed (so it is refused for who asks, not
 * for how): `{rma}` is partner A's return, `{customer}` its customer, `{entity}` their legal entity.
 */
const STAFF_ROUTES: ReadonlyArray<{ method: 'GET' | 'POST'; url: string; body?: object }> = [
  { method: 'GET', url: '/returns' },
  { method: 'GET', url: '/returns/{rma}' },
  { method: 'GET', url: '/returns/{rma}/shipments' },
  { method: 'GET', url: '/returns/{rma}/timeline' },
  { method: 'GET', url: '/returns/{rma}/custody' },
  { method: 'GET', url: '/returns/{rma}/credit-memos' },
  { method: 'GET', url: '/customers' },
  { method: 'GET', url: '/customers/{customer}' },
  { method: 'GET', url: '/orders' },
  { method: 'GET', url: '/products' },
  { method: 'GET', url: '/partners' },
  { method: 'GET', url: '/credit-memos' },
  { method: 'GET', url: '/ledger/entries' },
  { method: 'GET', url: '/ledger/reconciliation?legalEntityId={entity}' },
  { method: 'GET', url: '/stock' },
  { method: 'GET', url: '/work-orders' },
  { method: 'GET', url: '/vendor-returns' },
  { method: 'GET', url: '/replacement-orders' },
  { method: 'GET', url: '/supplier-claims/aging' },
  { method: 'GET', url: '/users' },
  { method: 'GET', url: '/api-keys' },
  { method: 'GET', url: '/audit/verify' },
  {
    method: 'POST',
    url: '/returns',
    body: {
      customerId: '{customer}',
      returnType: 'standard',
      lines: [{ orderLineId: 'sol_x', quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' }],
    },
  },
  { method: 'POST', url: '/returns/{rma}/shipments', body: { trackingNumber: '1Z999AA10123456784' } },
  {
    method: 'POST',
    url: '/tracking/events',
    body: {
      events: [
        {
          eventId: 'matrix-1',
          carrier: 'ups',
          trackingNumber: '1Z999AA10123456784',
          status: 'delivered',
          carrierStatus: 'D',
          occurredAt: '2026-11-26T09:00:00Z',
        },
      ],
    },
  },
];

const isProblem = (res: LightMyRequestResponse) =>
  String(res.headers['content-type']).includes('application/problem+json');

describe.each(DIALECTS)('partner access on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let worldOfA: Record<Kind, { customer: { id: string }; entity: { id: string } }>;
  const orgs = {} as Record<Kind, { A: Organisation; B: Organisation }>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    const world = await makeSiteWorld(t);
    const withCredentials = async (kind: Kind, record: Omit<Organisation, 'credentials'>): Promise<Organisation> => ({
      ...record,
      credentials: await credentialsOf(f, ROLE_OF[kind], record.partnerId),
    });
    const carrierA = await carrierWithShipment(f, { carrierCode: 'ups', trackingNumber: '1Z999AA10123456784' });
    const carrierB = await carrierWithShipment(f, { carrierCode: 'fedex', trackingNumber: '986578788855' });
    orgs.supplier = {
      A: await withCredentials('supplier', await supplierWithClaim(f, world)),
      B: await withCredentials('supplier', await supplierWithClaim(f, world)),
    };
    orgs['repair partner'] = {
      A: await withCredentials('repair partner', await repairPartnerWithWorkOrder(f, world)),
      B: await withCredentials('repair partner', await repairPartnerWithWorkOrder(f, world)),
    };
    orgs.carrier = { A: await withCredentials('carrier', carrierA), B: await withCredentials('carrier', carrierB) };
    worldOfA = { supplier: world, 'repair partner': world, carrier: carrierA.world };
  });
  afterAll(() => t?.close());

  const urlOf = (route: PartnerRoute, recordId: string) =>
    `/api/v1${route.template.replace('{id}', recordId)}${route.query ?? ''}`;

  /** The record's version as its owner reads it (the detail route's ETag). */
  async function versionOf(kind: Kind, org: Organisation): Promise<number> {
    const detail = PARTNER_ROUTES.find((r) => r.kind === kind && r.method === 'GET' && !r.isList && !r.record)!;
    const res = await t.request(org.credentials.user, { method: 'GET', url: urlOf(detail, org.recordId) });
    expect(res.statusCode, res.body).toBe(200);
    return Number(JSON.parse(String(res.headers.etag)));
  }

  const send = (token: string, route: PartnerRoute, recordId: string, version: number) =>
    t.request(token, {
      method: route.method,
      url: urlOf(route, recordId),
      headers: route.needsIfMatch ? { 'if-match': `"${version}"` } : {},
      ...(route.body ? { payload: route.body } : {}),
    });

  describe.each(KINDS)('%s B', (kind) => {
    const rows = PARTNER_ROUTES.filter((route) => route.kind === kind);

    it.each(rows.map((route) => [`${route.method} ${route.template}`, route] as const))(
      "%s: never gives or changes partner A's record, by person or by key",
      async (_name, route) => {
        const { A, B } = orgs[kind];
        const before = await versionOf(kind, A);
        for (const token of [B.credentials.user, B.credentials.key]) {
          const res = await send(token, route, recordOf(A, route).id, before);
          if (route.isList) {
            expect(res.statusCode, res.body).toBe(200);
            const ids = res.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id);
            expect(ids).toContain(recordOf(B, route).id);
            expect(ids).not.toContain(recordOf(A, route).id);
          } else {
            expect(res.statusCode, res.body).toBe(404);
            expect(isProblem(res), res.body).toBe(true);
            expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
            expect(res.headers.etag).toBeUndefined();
          }
          expect(res.body).not.toContain(recordOf(A, route).marker);
        }
        expect(await versionOf(kind, A)).toBe(before);
      },
    );

    it("partner A does each of them to its own record (so B's refusals are about B)", async () => {
      const { A } = orgs[kind];
      for (const route of rows) {
        const res = await send(A.credentials.key, route, recordOf(A, route).id, await versionOf(kind, A));
        expect(res.statusCode, `${route.method} ${route.template}: ${res.body}`).toBe(200);
        expect(res.body).toContain(route.isList ? recordOf(A, route).id : recordOf(A, route).marker);
      }
    });

    it('is refused every staff route and the other kinds’ partner routes, with a problem and no data', async () => {
      const { A, B } = orgs[kind];
      const fill = (text: string) =>
        text
          .replace('{rma}', A.rmaId)
          .replace('{customer}', worldOfA[kind].customer.id)
          .replace('{entity}', worldOfA[kind].entity.id);
      const others = PARTNER_ROUTES.filter((route) => route.kind !== kind);
      for (const token of [B.credentials.user, B.credentials.key]) {
        for (const route of STAFF_ROUTES) {
          const body = route.body ? (JSON.parse(fill(JSON.stringify(route.body))) as object) : undefined;
          const res = await t.request(token, {
            method: route.method,
            url: `/api/v1${fill(route.url)}`,
            ...(body ? { payload: body } : {}),
          });
          expect([403, 404], `${route.method} ${route.url}: ${res.body}`).toContain(res.statusCode);
          expect(isProblem(res), res.body).toBe(true);
        }
        for (const route of others) {
          const target = orgs[route.kind].A;
          const res = await send(token, route, recordOf(target, route).id, 1);
          expect(res.statusCode, `${route.method} ${route.template}: ${res.body}`).toBe(403);
          expect(isProblem(res), res.body).toBe(true);
          expect(res.body).not.toContain(recordOf(target, route).marker);
        }
      }
    });

    it('every other route of the API refuses its person: 4xx, and a read is a 403 or 404', async () => {
      await t.app.ready();
      const { A } = orgs[kind];
      const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const own = new Set(rows.map((route) => `/api/v1${route.template}`));
      // Public routes answer anyone; sign-out would end the session the sweep runs with; a
      // supplier's claim photos are its own (GET /supplier-claims/{id}/photos/{photoId}).
      const skipped =
        /^\/api\/v1\/(auth\/(logout|password|token|me)|webhooks\/easypost|supplier-claims\/\{id\}\/photos)/;
      let checked = 0;
      for (const [path, operations] of Object.entries(doc.paths)) {
        if (own.has(path) || skipped.test(path)) continue;
        const url = path
          .replace('{kind}', 'return_policy')
          .replace(/\{[A-Za-z]+\}/g, () => (path.startsWith('/api/v1/returns') ? A.rmaId : A.recordId));
        for (const method of Object.keys(operations)) {
          const res = await t.request(A.credentials.user, {
            method: method.toUpperCase(),
            url,
            headers: { 'if-match': '"1"' },
            ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
          });
          checked += 1;
          const what = `${method.toUpperCase()} ${url}: ${res.body}`;
          expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, what).toBeLessThan(500);
          if (method === 'get' && res.statusCode !== 400) expect([403, 404], what).toContain(res.statusCode);
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  });
});
