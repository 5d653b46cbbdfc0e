// The steps before disposition, through the API: an authorized return of a product, received at
// its site, whose inspection is claimed and completed. Tests of inspection and disposition start
// from here rather than each writing the same ten requests.
import { expect } from 'vitest';
import type { z } from 'zod';
import type { ProductInputSchema } from '../../../src/contracts/masterdata.js';
import { createUser } from '../../../src/identity/index.js';
import { systemContext } from '../../../src/platform/actor.js';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeSite, makeWorld } from '../../support/factories.js';
import type { TestApp } from './test-app.js';

export interface Flow {
  t: TestApp;
  agent: string;
  warehouse: string;
  quality: string;
}

export async function startFlow(t: TestApp): Promise<Flow> {
  return {
    t,
    agent: await t.tokenFor('cs_agent'),
    warehouse: await t.tokenFor('warehouse'),
    quality: await t.tokenFor('quality'),
  };
}

export function call(
  f: Flow,
  token: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return f.t.request(token, { method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
}

/** Where a return's goods are received, and whose they are. */
export interface SiteWorld {
  entity: { id: string };
  site: { id: string; code: string };
  customer: { id: string };
}

/**
 * A legal entity with one site (certified for regulated goods, so a return of any product is
 * routed there) and a customer: several returns received at one site share a queue.
 */
export async function makeSiteWorld(
  t: TestApp,
  options: { tier?: 'platinum' | 'gold' | 'silver' | 'bronze' } = {},
): Promise<SiteWorld> {
  const entity = await makeLegalEntity(t.platform);
  const site = await makeSite(t.platform, entity.id, { capabilities: ['receiving', 'inspection', 'regulated_goods'] });
  const customer = await makeCustomer(t.platform, entity.id, { tier: options.tier ?? 'gold' });
  return { entity, site, customer };
}

/** Another customer of the world's legal entity (same site, another tier). */
export async function withCustomer(
  t: TestApp,
  world: SiteWorld,
  tier: 'platinum' | 'gold' | 'silver' | 'bronze',
): Promise<SiteWorld> {
  return { ...world, customer: await makeCustomer(t.platform, world.entity.id, { tier }) };
}

export interface ReceivedReturn {
  world: SiteWorld;
  product: Awaited<ReturnType<typeof makeProduct>>;
  rma: { id: string; rmaNumber: string; lines: Array<{ id: string }> };
  inspections: Array<{ id: string; version: number; quantity: number; serial: string | null }>;
}

/** An authorized return of `quantity` units, received whole at the world's site. */
export async function receivedReturn(
  f: Flow,
  options: {
    quantity?: number;
    product?: Partial<z.input<typeof ProductInputSchema>>;
    serials?: string[];
    reasonCode?: string;
    claimedCondition?: string;
    returnType?: string;
    tier?: 'platinum' | 'gold' | 'silver' | 'bronze';
    /** Receive at this world's site, for its customer (default: a world of its own). */
    world?: SiteWorld;
  } = {},
): Promise<ReceivedReturn> {
  const quantity = options.serials?.length ?? options.quantity ?? 2;
  const world = options.world ?? (await makeWorld(f.t.platform, { tier: options.tier ?? 'gold' }));
  const product = await makeProduct(f.t.platform, {
    ...(options.serials ? { isSerialized: true } : {}),
    ...options.product,
  });
  const order = await makeOrder(f.t.platform, {
    customerId: world.customer.id,
    legalEntityId: world.entity.id,
    lines: [
      {
        productId: product.id,
        // A serialized line ships exactly the serials it lists.
        quantityShipped: options.serials?.length ?? 10,
        unitPriceMinor: 10000,
        serialsShipped: options.serials ?? [],
      },
    ],
  });
  const created = await call(f, f.agent, 'POST', '/returns', {
    customerId: world.customer.id,
    // Regulated goods are returned as regulated returns (their own handling workflow).
    returnType:
      options.returnType ??
      (options.product?.regulatedClass ? 'regulated' : options.serials ? 'serialized' : 'standard'),
    lines: [
      {
        orderLineId: order.lines[0]!.id,
        quantity,
        reasonCode: options.reasonCode ?? 'ORDERED_IN_ERROR',
        claimedCondition: options.claimedCondition ?? 'unopened',
        ...(options.serials ? { serials: options.serials } : {}),
      },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  let rma = created.json();
  if (rma.status === 'pending_approval') {
    const manager = await f.t.tokenFor('cs_manager');
    const approved = await call(
      f,
      manager,
      'POST',
      `/returns/${rma.id}/approve`,
      { comment: 'ok' },
      { 'if-match': `"${rma.version}"` },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    rma = approved.json();
  }
  const items = options.serials
    ? [{ productId: product.id, serials: options.serials }]
    : [{ productId: product.id, quantity }];
  const receipt = await call(f, f.warehouse, 'POST', `/returns/${rma.id}/receipts`, { siteId: world.site.id, items });
  expect(receipt.statusCode, receipt.body).toBe(201);
  const listed = await call(f, f.quality, 'GET', `/returns/${rma.id}/inspections`);
  expect(listed.statusCode, listed.body).toBe(200);
  return { world, product, rma, inspections: listed.json().items };
}

/** Claims and completes an inspection with every checklist item passed (or as given). */
export async function completeInspection(
  f: Flow,
  inspectionId: string,
  record: { grade: string; defectCodes?: string[]; noFaultFound?: boolean; findings?: string; failed?: string[] },
  token = f.quality,
) {
  const current = await call(f, token, 'GET', `/inspections/${inspectionId}`);
  expect(current.statusCode, current.body).toBe(200);
  const inspection = current.json();
  const claimed = await call(f, token, 'POST', `/inspections/${inspectionId}/claim`, undefined, {
    'if-match': `"${inspection.version}"`,
  });
  expect(claimed.statusCode, claimed.body).toBe(200);
  const checklist: unknown = claimed.json().checklist;
  const answers = (checklist as Array<{ id: string; kind: string; min: number | null }>).map((item) =>
    item.kind === 'check'
      ? { id: item.id, passed: !(record.failed ?? []).includes(item.id) }
      : { id: item.id, value: item.min ?? 1 },
  );
  const completed = await call(
    f,
    token,
    'POST',
    `/inspections/${inspectionId}/complete`,
    {
      checklist: answers,
      grade: record.grade,
      defectCodes: record.defectCodes ?? [],
      noFaultFound: record.noFaultFound ?? false,
      findings: record.findings ?? '',
    },
    { 'if-match': `"${claimed.json().version}"` },
  );
  expect(completed.statusCode, completed.body).toBe(200);
  return completed.json<{ id: string; status: string; version: number; claimVerdict: string | null }>();
}

/** The recommendation, then the decision: the recommended code unless `code` overrides it. */
export async function dispose(
  f: Flow,
  inspectionId: string,
  decision: { code?: string; overrideReason?: string; partnerId?: string } = {},
  token = f.quality,
) {
  const rec = await call(f, token, 'GET', `/inspections/${inspectionId}/recommendation`);
  expect(rec.statusCode, rec.body).toBe(200);
  const { recommendation } = rec.json();
  const response = await call(f, token, 'POST', `/inspections/${inspectionId}/disposition`, {
    code: decision.code ?? recommendation.code,
    rulesVersion: recommendation.rulesVersion,
    ...(decision.overrideReason ? { overrideReason: decision.overrideReason } : {}),
    ...(decision.partnerId ? { partnerId: decision.partnerId } : {}),
  });
  return { recommendation, response };
}

export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Where the product's returned units are: one entry per balance, sorted (status, location, serial). */
export async function stockOf(f: Flow, productId: string) {
  const res = await call(f, f.warehouse, 'GET', `/stock?productId=${productId}&pageSize=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<{ items: Array<{ status: string; locationCode: string; quantity: number; serial: string | null }> }>()
    .items.map((b) => ({ status: b.status, location: b.locationCode, quantity: b.quantity, serial: b.serial }))
    .sort((a, b) =>
      `${a.status} ${a.location} ${a.serial ?? ''}`.localeCompare(`${b.status} ${b.location} ${b.serial ?? ''}`),
    );
}

/** The return's units as its progress counts them. */
export async function unitsOf(f: Flow, rmaId: string) {
  const res = await call(f, f.agent, 'GET', `/returns/${rmaId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    progress: {
      units: {
        total: number;
        awaitingInspection: number;
        awaitingDisposition: number;
        dispositioned: Record<string, number>;
      };
    };
  }>().progress.units;
}

/** A repair partner (through the partners master record) of the entity. */
export async function makeRepairPartner(f: Flow, legalEntityId: string, code: string) {
  const admin = await f.t.tokenFor('admin');
  const res = await call(f, admin, 'POST', '/partners', {
    code,
    name: `Repairs ${code}`,
    kind: 'repair',
    email: `${code.toLowerCase()}@repairs.test`,
    legalEntityId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string; name: string }>();
}

/** A signed-in user of a repair partner. */
export async function partnerToken(f: Flow, partnerId: string): Promise<string> {
  const email = `repairs.${partnerId}@test.local`.toLowerCase();
  await createUser(f.t.platform, systemContext('test'), {
    email,
    name: `Technician of ${partnerId}`,
    role: 'repair_partner',
    customerId: null,
    partnerId,
    password: 'pw',
  });
  return f.t.tokenFor('repair_partner', { email });
}
