// Sets up what the supplier-claim journeys start from, through the real API as the demo's staff:
// units of one order line returned one at a time, inspected as dead on arrival, sent back to their
// supplier and shipped, so each shipment submits a claim of the same supplier.
import type { RecommendationResponseSchema, VendorReturn, Disposition } from '../../../src/contracts/disposition.js';
import type { Inspection } from '../../../src/contracts/inspection.js';
import type { Product } from '../../../src/contracts/masterdata.js';
import type { SupplierClaim } from '../../../src/contracts/recovery.js';
import type { Rma, Verdict } from '../../../src/contracts/returns.js';
import type { Page } from '../../../src/contracts/common.js';
import type { z } from 'zod';
import { ApiClient } from './api.js';
import { postIfMatch } from './dispositions.js';
import { approveAsManager, findOrderLine, firstActiveReason, isOpenToReturn, type OrderLineMatch } from './portal.js';

type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;

export interface ClaimsOfOneSupplier {
  supplierId: string;
  supplierName: string;
  claims: SupplierClaim[];
}

/** A delivered, plain (no serial, not regulated) line with `count` units left, whose product has a supplier. */
async function lineWithSupplier(customer: ApiClient, staff: ApiClient, reasonCode: string, count: number) {
  return findOrderLine(
    customer,
    async (line, order) => {
      if (!isOpenToReturn(line) || !line.isReturnable || line.serialsShipped.length > 0) return false;
      if (line.regulatedClass !== null || line.quantityShipped - line.quantityCommitted < count) return false;
      const product = await staff.get<Product>(`/products/${line.productId}`);
      if (!product.supplierId) return false;
      const verdict = await customer.post<Verdict>('/returns/evaluate', {
        customerId: order.customerId,
        returnType: 'standard',
        lines: [{ orderLineId: line.id, quantity: 1, reasonCode, claimedCondition: 'unopened' }],
      });
      return verdict.isEligible;
    },
    10,
  );
}

/** One unit of the line returned, received, inspected dead on arrival and sent back to its supplier. */
async function unitBackToSupplier(
  baseUrl: string,
  match: OrderLineMatch,
  reasonCode: string,
  { findings, lot }: { findings: string; lot: string },
) {
  const customer = await ApiClient.signIn(baseUrl, 'customer@demo.local');
  const { order, line } = match;
  const requested = await customer.post<Rma>('/returns', {
    customerId: order.customerId,
    returnType: 'standard',
    lines: [{ orderLineId: line.id, quantity: 1, reasonCode, claimedCondition: 'unopened' }],
  });
  if (requested.status === 'pending_approval') await approveAsManager(baseUrl, requested.id, requested.version);
  const warehouse = await ApiClient.signIn(baseUrl, 'warehouse@demo.local');
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
  const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
  const { items } = await quality.get<{ items: Array<{ id: string }> }>(`/returns/${requested.id}/inspections`);
  const queued = await quality.get<Inspection>(`/inspections/${items[0]!.id}`);
  const claimed = await postIfMatch<Inspection>(
    baseUrl,
    'quality@demo.local',
    `/inspections/${queued.id}/claim`,
    queued.version,
  );
  await postIfMatch(baseUrl, 'quality@demo.local', `/inspections/${queued.id}/complete`, claimed.version, {
    checklist: claimed.checklist.map((item) =>
      item.kind === 'check' ? { id: item.id, passed: true } : { id: item.id, value: item.min ?? item.max ?? 1 },
    ),
    grade: 'D',
    defectCodes: ['DEAD_ON_ARRIVAL'],
    noFaultFound: false,
    findings,
  });
  const { recommendation } = await quality.get<RecommendationResponse>(`/inspections/${queued.id}/recommendation`);
  const disposition = await quality.post<Disposition>(`/inspections/${queued.id}/disposition`, {
    code: 'RETURN_TO_VENDOR',
    rulesVersion: recommendation.rulesVersion,
    ...(recommendation.code === 'RETURN_TO_VENDOR' ? {} : { overrideReason: 'Dead on arrival: back to the supplier' }),
  });
  if (disposition.followUpType !== 'vendor_return' || !disposition.followUpId)
    throw new Error(`the disposition opened ${disposition.followUpType}, not a vendor return`);
  return disposition.followUpId;
}

/** Ships the vendor return as the warehouse; the shipment submits its claim, which finance reads. */
async function shipAndFindClaim(baseUrl: string, vendorReturnId: string, stamp: string): Promise<SupplierClaim> {
  const warehouse = await ApiClient.signIn(baseUrl, 'warehouse@demo.local');
  const document = await warehouse.get<VendorReturn>(`/vendor-returns/${vendorReturnId}`);
  await postIfMatch(baseUrl, 'warehouse@demo.local', `/vendor-returns/${vendorReturnId}/ship`, document.version, {
    carrierReference: `FRT-${stamp}`,
    supplierAuthorization: `RA-${stamp.slice(-6)}`,
  });
  const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
  const found = await finance.get<Page<SupplierClaim>>(`/supplier-claims?q=${document.vendorReturnNumber}`);
  const claim = found.items[0];
  if (!claim) throw new Error(`shipping ${document.vendorReturnNumber} submitted no claim`);
  return claim;
}

/** `count` submitted claims of one supplier, one shipment each, oldest first. */
export async function claimsOfOneSupplier(baseUrl: string, count: number): Promise<ClaimsOfOneSupplier> {
  const customer = await ApiClient.signIn(baseUrl, 'customer@demo.local');
  const staff = await ApiClient.signIn(baseUrl, 'quality@demo.local');
  const reason = await firstActiveReason(customer);
  const match = await lineWithSupplier(customer, staff, reason.code, count);
  const claims: SupplierClaim[] = [];
  for (let index = 0; index < count; index++) {
    const stamp = `${Date.now()}${index}`;
    const vendorReturnId = await unitBackToSupplier(baseUrl, match, reason.code, {
      findings: `Dead on arrival, unit ${index + 1} (${stamp})`,
      lot: `LOT-CLM-${stamp}`,
    });
    claims.push(await shipAndFindClaim(baseUrl, vendorReturnId, stamp));
  }
  const first = claims[0]!;
  return { supplierId: first.supplierId, supplierName: first.supplierName ?? first.supplierId, claims };
}

/** Sets a password with an invitation's one-time token, as the invited person does. */
export async function setPassword(baseUrl: string, token: string, password: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/auth/password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  if (response.status !== 204)
    throw new Error(`setting the password failed: ${response.status} ${await response.text()}`);
}
