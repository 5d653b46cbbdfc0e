// Finds demo order lines that suit a customer-portal journey (a serialized line, a regulated one,
// one that cannot be returned), read through the real API instead of hard-coded ids.
import type { Page } from '../../../src/contracts/common.js';
import type { ReasonCodes } from '../../../src/contracts/configuration.js';
import type { SalesOrder, SalesOrderLine } from '../../../src/contracts/masterdata.js';
import type { Rma } from '../../../src/contracts/returns.js';
import { ApiClient, findReturnCandidate } from './api.js';

export interface OrderLineMatch {
  order: SalesOrder;
  line: SalesOrderLine;
}

/** The first line of the user's orders (newest first) that `isWanted` accepts. */
export async function findOrderLine(
  api: ApiClient,
  isWanted: (line: SalesOrderLine, order: SalesOrder) => boolean | Promise<boolean>,
  pages = 4,
): Promise<OrderLineMatch> {
  for (let page = 1; page <= pages; page++) {
    const orders = await api.get<Page<{ id: string }>>(`/orders?page=${page}&pageSize=25`);
    for (const summary of orders.items) {
      const order = await api.get<SalesOrder>(`/orders/${summary.id}`);
      for (const line of order.lines) if (await isWanted(line, order)) return { order, line };
    }
    if (page * orders.pageSize >= orders.total) break;
  }
  throw new Error('the demo data has no order line of the kind this journey needs');
}

/** Delivered, with something left to return. */
export function isOpenToReturn(line: SalesOrderLine): boolean {
  return line.deliveryDate !== null && line.quantityShipped - line.quantityCommitted > 0;
}

export async function firstActiveReason(api: ApiClient): Promise<{ code: string; label: string }> {
  const reasons = await api.get<{ document: ReasonCodes }>('/config/reason_codes');
  const reason = reasons.document.codes.find((code) => code.isActive);
  if (!reason) throw new Error('no active reason code in the demo configuration');
  return reason;
}

/** Approves a return as the demo's customer-service manager (when the policy sent it for approval). */
export async function approveAsManager(baseUrl: string, rmaId: string, version: number): Promise<void> {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'cs_manager@demo.local', password: 'demo' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const response = await fetch(`${baseUrl}/api/v1/returns/${rmaId}/approve`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${accessToken}`,
      'Content-Type': 'application/json',
      'If-Match': `"${version}"`,
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ comment: 'approved for the journey' }),
  });
  if (!response.ok) throw new Error(`approve ${rmaId}: ${response.status} ${await response.text()}`);
}

/**
 * A new one-unit return of the demo customer, requested in the portal's API and authorized (the
 * demo's manager approves it when the policy sends it for approval).
 */
export async function authorizedDemoReturn(baseUrl: string): Promise<{ customer: ApiClient; rma: Rma }> {
  const customer = await ApiClient.signIn(baseUrl, 'customer@demo.local');
  const candidate = await findReturnCandidate(customer, { customerId: customer.customerId });
  const line = candidate.order.lines[candidate.lineIndex]!;
  const requested = await customer.post<Rma>('/returns', {
    customerId: candidate.order.customerId,
    returnType: 'standard',
    lines: [{ orderLineId: line.id, quantity: 1, reasonCode: candidate.reasonCode, claimedCondition: 'unopened' }],
  });
  if (requested.status === 'pending_approval') await approveAsManager(baseUrl, requested.id, requested.version);
  const rma = await customer.get<Rma>(`/returns/${requested.id}`);
  if (rma.status !== 'authorized') throw new Error(`${rma.rmaNumber} is ${rma.status}, not authorized`);
  return { customer, rma };
}

/** A date as the web app shows it to an en-US browser. */
export function shownDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}
