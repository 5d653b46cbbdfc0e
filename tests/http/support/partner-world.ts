// Partner organisations and their records, built through the API as admins and staff do it: a
// supplier with a claim (a vendor return shipped), a repair partner with a work order, a carrier
// with a shipment; and each partner's own credentials — a person invited by an admin who signs in
// with the link's password, and an API key an admin issued.
import { expect } from 'vitest';
import type { PartnerRole } from '../../../src/contracts/common.js';
import { createMasterRecord, SUPPLIERS } from '../../../src/masterdata/index.js';
import { systemContext } from '../../../src/platform/actor.js';
import { makeWorld } from '../../support/factories.js';
import {
  call,
  completeInspection,
  dispose,
  ifMatch,
  receivedReturn,
  type Flow,
  type SiteWorld,
} from './inspection-flow.js';

/** A partner's two ways in: a signed-in person's token and an API key. */
export interface PartnerCredentials {
  user: string;
  key: string;
}

let seq = 0;
const next = () => `${process.pid}-${++seq}`;

/** A person of the partner, invited by an admin, signed in; and a key the admin made for it. */
export async function credentialsOf(f: Flow, role: PartnerRole, partnerId: string): Promise<PartnerCredentials> {
  const admin = await f.t.tokenFor('admin');
  const n = next();
  const email = `partner.${n}@partners.test`;
  const invited = await call(f, admin, 'POST', '/users', { email, name: `Partner person ${n}`, role, partnerId });
  expect(invited.statusCode, invited.body).toBe(201);
  const password = `correct horse battery ${n}`;
  const link = invited.json<{ passwordLink: { token: string } }>().passwordLink.token;
  const set = await f.t.request(null, {
    method: 'POST',
    url: '/api/v1/auth/password',
    payload: { token: link, password },
  });
  expect(set.statusCode, set.body).toBe(204);
  const signedIn = await f.t.request(null, { method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });
  expect(signedIn.statusCode, signedIn.body).toBe(200);
  const key = await call(f, admin, 'POST', '/api-keys', { name: `Partner key ${n}`, role, partnerId });
  expect(key.statusCode, key.body).toBe(201);
  expect(key.json()).toMatchObject({ role, partnerId });
  return { user: signedIn.json<{ accessToken: string }>().accessToken, key: key.json<{ secret: string }>().secret };
}

/** A partner through the partners master record (`POST /partners`). */
export async function makePartnerByApi(
  f: Flow,
  legalEntityId: string,
  body: { kind: 'repair' | 'carrier'; carrierCodes?: string[] },
): Promise<{ id: string; code: string; name: string }> {
  const admin = await f.t.tokenFor('admin');
  const n = next();
  const code = `${body.kind === 'carrier' ? 'CAR' : 'PTN'}-${n}`;
  const res = await call(f, admin, 'POST', '/partners', { code, name: `Partner ${code}`, legalEntityId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A supplier, and a claim against it: units of its product inspected dead, sent back and shipped. */
export async function supplierWithClaim(f: Flow, world: SiteWorld) {
  const n = next();
  const supplier = await createMasterRecord(
    f.t.platform,
    systemContext('test'),
    SUPPLIERS,
    SUPPLIERS.inputSchema.parse({
      code: `SUP-${n}`,
      name: `Supplier ${n}`,
      legalEntityId: world.entity.id,
      currency: 'USD',
      requiresRtvAuthorization: false,
    }),
  );
  const r = await receivedReturn(f, { world, quantity: 1, product: { supplierId: supplier.id } });
  const inspection = r.inspections[0]!;
  await completeInspection(f, inspection.id, { grade: 'D', defectCodes: ['DEAD_ON_ARRIVAL'], findings: 'dead' });
  const { response } = await dispose(f, inspection.id, { code: 'RETURN_TO_VENDOR', overrideReason: 'to the vendor' });
  expect(response.statusCode, response.body).toBe(201);
  const vendorReturnId = response.json<{ followUpId: string }>().followUpId;
  const document = await call(f, f.warehouse, 'GET', `/vendor-returns/${vendorReturnId}`);
  const shipped = await call(
    f,
    f.warehouse,
    'POST',
    `/vendor-returns/${vendorReturnId}/ship`,
    { carrierReference: '1Z999AA10123456784' },
    ifMatch(document.json<{ version: number }>().version),
  );
  expect(shipped.statusCode, shipped.body).toBe(200);
  const finance = await f.t.tokenFor('finance');
  const claims = await call(f, finance, 'GET', `/supplier-claims?supplierId=${supplier.id}`);
  const [claim] = claims.json<{ items: Array<{ id: string; claimNumber: string }> }>().items;
  expect(claim).toBeDefined();
  const vendorReturnNumber = document.json<{ vendorReturnNumber: string }>().vendorReturnNumber;
  return {
    partnerId: supplier.id,
    recordId: claim!.id,
    marker: claim!.claimNumber,
    rmaId: r.rma.id,
    others: { vendorReturn: { id: vendorReturnId, marker: vendorReturnNumber } },
  };
}

/** A repair partner, and a work order sent to it for a unit that does not power on. */
export async function repairPartnerWithWorkOrder(f: Flow, world: SiteWorld) {
  const partner = await makePartnerByApi(f, world.entity.id, { kind: 'repair' });
  const r = await receivedReturn(f, { world, quantity: 1 });
  const inspection = r.inspections[0]!;
  await completeInspection(f, inspection.id, { grade: 'D', defectCodes: ['DEAD_ON_ARRIVAL'], findings: 'no power' });
  const { response } = await dispose(f, inspection.id, {
    code: 'REPAIR_EXTERNAL',
    partnerId: partner.id,
    overrideReason: 'repaired under contract',
  });
  expect(response.statusCode, response.body).toBe(201);
  const workOrderId = response.json<{ followUpId: string }>().followUpId;
  const staffView = await call(f, f.quality, 'GET', `/work-orders/${workOrderId}`);
  return {
    partnerId: partner.id,
    recordId: workOrderId,
    marker: staffView.json<{ workOrderNumber: string }>().workOrderNumber,
    rmaId: r.rma.id,
  };
}

/** A carrier answering for `carrierCode`, and a shipment of an authorized return it carries. */
export async function carrierWithShipment(
  f: Flow,
  carrier: { carrierCode: string; trackingNumber: string },
  existing?: { partnerId: string },
) {
  const world = await makeWorld(f.t.platform);
  const partnerId =
    existing?.partnerId ??
    (await makePartnerByApi(f, world.entity.id, { kind: 'carrier', carrierCodes: [carrier.carrierCode] })).id;
  const created = await call(f, f.agent, 'POST', '/returns', {
    customerId: world.customer.id,
    returnType: 'standard',
    lines: [
      { orderLineId: world.orderLine.id, quantity: 2, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const rma = created.json<{ id: string; rmaNumber: string; status: string }>();
  expect(rma.status).toBe('authorized');
  const shipment = await call(f, f.agent, 'POST', `/returns/${rma.id}/shipments`, {
    trackingNumber: carrier.trackingNumber,
    carrierCode: carrier.carrierCode,
    service: 'Ground',
  });
  expect(shipment.statusCode, shipment.body).toBe(201);
  return {
    partnerId,
    recordId: shipment.json<{ id: string }>().id,
    marker: carrier.trackingNumber,
    rmaId: rma.id,
    rmaNumber: rma.rmaNumber,
    world,
  };
}
