// Sets up what the inspection journeys start from, through the real API: a demo customer's return
// received at the warehouse's site (so an inspection waits in its queue), and a second quality
// user for the regulated goods' sign-off.
import type { Inspection } from '../../../src/contracts/inspection.js';
import type { Rma } from '../../../src/contracts/returns.js';
import type { Page } from '../../../src/contracts/common.js';
import type { SalesOrderLine, Site } from '../../../src/contracts/masterdata.js';
import { ApiClient, type ReturnCandidate } from './api.js';
import { approveAsManager, findOrderLine, firstActiveReason, isOpenToReturn } from './portal.js';

export interface ReceivedForInspection {
  rma: Rma;
  line: SalesOrderLine;
  inspection: Inspection;
  /** The site it was received at, as the site switcher names it. */
  siteId: string;
  siteLabel: string;
}

/**
 * One unit of a delivered line (not serialized: its serial would have to be picked) of the demo
 * customer's, ordinary or regulated, returned unopened, authorized and received at the warehouse
 * user's site. Lines already used by earlier journeys have nothing left and are passed over.
 */
export async function receivedDemoReturn(
  baseUrl: string,
  { isRegulated, lot }: { isRegulated: boolean; lot: string },
): Promise<ReceivedForInspection> {
  const customer = await ApiClient.signIn(baseUrl, 'customer@demo.local');
  const reason = await firstActiveReason(customer);
  const { order, line } = await findOrderLine(
    customer,
    async (candidate, candidateOrder) => {
      if (!isOpenToReturn(candidate) || !candidate.isReturnable || candidate.serialsShipped.length > 0) return false;
      if ((candidate.regulatedClass !== null) !== isRegulated) return false;
      const verdict = await customer.post<ReturnCandidate['verdict']>('/returns/evaluate', {
        customerId: candidateOrder.customerId,
        returnType: isRegulated ? 'regulated' : 'standard',
        lines: [{ orderLineId: candidate.id, quantity: 1, reasonCode: reason.code, claimedCondition: 'unopened' }],
      });
      return verdict.isEligible;
    },
    10,
  );
  const requested = await customer.post<Rma>('/returns', {
    customerId: order.customerId,
    returnType: isRegulated ? 'regulated' : 'standard',
    lines: [{ orderLineId: line.id, quantity: 1, reasonCode: reason.code, claimedCondition: 'unopened' }],
  });
  if (requested.status === 'pending_approval') await approveAsManager(baseUrl, requested.id, requested.version);

  const warehouse = await ApiClient.signIn(baseUrl, 'warehouse@demo.local');
  if (!warehouse.siteId) throw new Error('the demo warehouse user has no home site');
  await warehouse.post(`/returns/${requested.id}/receipts`, {
    siteId: warehouse.siteId,
    items: [
      {
        productId: line.productId,
        quantity: 1,
        ...(line.isLotControlled ? { lots: [line.lotsShipped[0] ?? lot] } : {}),
      },
    ],
  });
  const { items } = await warehouse.get<{ items: Array<{ id: string }> }>(`/returns/${requested.id}/inspections`);
  if (items.length !== 1) throw new Error(`expected one inspection of ${requested.rmaNumber}, got ${items.length}`);
  const inspection = await warehouse.get<Inspection>(`/inspections/${items[0]!.id}`);
  const sites = await warehouse.get<Page<Site>>('/sites?pageSize=200');
  const site = sites.items.find((candidate) => candidate.id === warehouse.siteId);
  if (!site) throw new Error(`site ${warehouse.siteId} is not listed`);
  const rma = await warehouse.get<Rma>(`/returns/${requested.id}`);
  return { rma, line, inspection, siteId: warehouse.siteId, siteLabel: `${site.code} · ${site.name}` };
}

/** A quality user of the journey's own, signed up through an invitation: the demo has one per role. */
export async function secondQualityUser(baseUrl: string): Promise<{ email: string; password: string; name: string }> {
  const admin = await ApiClient.signIn(baseUrl, 'admin@demo.local');
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const person = { name: `Sam Second ${stamp}`, email: `sam.second.${stamp}@example.test` };
  const { passwordLink } = await admin.post<{ passwordLink: { token: string } }>('/users', {
    ...person,
    role: 'quality',
    customerId: null,
  });
  const password = 'quince ladder harbor 17';
  const response = await fetch(`${baseUrl}/api/v1/auth/password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: passwordLink.token, password }),
  });
  if (response.status !== 204)
    throw new Error(`setting the password failed: ${response.status} ${await response.text()}`);
  return { ...person, password };
}
