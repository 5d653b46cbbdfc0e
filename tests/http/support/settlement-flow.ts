// The steps before a credit, a replacement or a settlement, through the API: an order line sold to
// the customer, a return of it authorized, its units received (each receipt opening an inspection),
// inspected and dispositioned; then the return's credit memos read, approved and issued. Tests of
// settlement start from here rather than each writing the same requests.
import { expect } from 'vitest';
import type { CreditMemo } from '../../../src/contracts/settlement.js';
import { makeOrder, makeProduct } from '../../support/factories.js';
import { call, completeInspection, ifMatch, type Flow, type SiteWorld } from './inspection-flow.js';

/** An order line delivered to the world's customer, of one product. */
export interface SoldLine {
  world: SiteWorld;
  product: { id: string; sku: string };
  orderLineId: string;
}

/** A return as authorized (approved by a manager when the rules asked for it). */
export interface OpenedReturn {
  id: string;
  rmaNumber: string;
  status: string;
  version: number;
  lines: Array<{ id: string }>;
}

/** What inspection found: the grade, and the defects or the lack of one. */
export interface Findings {
  grade: string;
  defectCodes?: string[];
  noFaultFound?: boolean;
}

/** A delivered order line: `shipped` (10) units at `price` (100.00), `tax` (80.00) on the line, of `product` or a new one without warranty. */
export async function soldLine(
  f: Flow,
  world: SiteWorld,
  options: {
    product?: { id: string; sku: string };
    warrantyMonths?: number;
    shipped?: number;
    price?: number;
    tax?: number;
    currency?: string;
  } = {},
): Promise<SoldLine> {
  const product = options.product ?? (await makeProduct(f.t.platform, { warrantyMonths: options.warrantyMonths ?? 0 }));
  const order = await makeOrder(f.t.platform, {
    customerId: world.customer.id,
    legalEntityId: world.entity.id,
    ...(options.currency ? { currency: options.currency } : {}),
    lines: [
      {
        productId: product.id,
        quantityShipped: options.shipped ?? 10,
        unitPriceMinor: options.price ?? 10_000,
        taxMinor: options.tax ?? 8_000,
      },
    ],
  });
  return { world, product, orderLineId: order.lines[0]!.id };
}

/** An authorized return of `quantity` units of the line, approved as `manager` if pending (`expectAuthorized`: then checks it is). */
export async function openReturn(
  f: Flow,
  manager: string,
  line: SoldLine,
  options: {
    quantity: number;
    reasonCode?: string;
    claimedCondition?: string;
    returnType?: string;
    expectAuthorized?: boolean;
  },
): Promise<OpenedReturn> {
  const created = await call(f, f.agent, 'POST', '/returns', {
    customerId: line.world.customer.id,
    returnType: options.returnType ?? 'standard',
    lines: [
      {
        orderLineId: line.orderLineId,
        quantity: options.quantity,
        reasonCode: options.reasonCode ?? 'ORDERED_IN_ERROR',
        claimedCondition: options.claimedCondition ?? 'unopened',
      },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  let rma = created.json<OpenedReturn>();
  if (rma.status === 'pending_approval') {
    const approved = await call(
      f,
      manager,
      'POST',
      `/returns/${rma.id}/approve`,
      { comment: 'ok' },
      ifMatch(rma.version),
    );
    expect(approved.statusCode, approved.body).toBe(200);
    rma = approved.json();
  }
  if (options.expectAuthorized) expect(rma.status).toBe('authorized');
  return rma;
}

/** Receives `quantity` units of the return; the inspection the receipt opened (`listingOk`: checks each listing answers 200; `exactlyOne` (default): checks it opened one). */
export async function receiveUnits(
  f: Flow,
  line: SoldLine,
  rmaId: string,
  quantity: number,
  options: { listingOk?: boolean; exactlyOne?: boolean } = {},
): Promise<string> {
  const inspectionIds = async () => {
    const listed = await call(f, f.quality, 'GET', `/returns/${rmaId}/inspections`);
    if (options.listingOk) expect(listed.statusCode, listed.body).toBe(200);
    return listed.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id);
  };
  const before = new Set(await inspectionIds());
  const receipt = await call(f, f.warehouse, 'POST', `/returns/${rmaId}/receipts`, {
    siteId: line.world.site.id,
    items: [{ productId: line.product.id, quantity }],
  });
  expect(receipt.statusCode, receipt.body).toBe(201);
  const opened = (await inspectionIds()).filter((id) => !before.has(id));
  if (options.exactlyOne ?? true) expect(opened).toHaveLength(1);
  return opened[0]!;
}

/** Dispositions inspected units as recommended if that restocks or holds them, else holds them (quarantine): either way credited. */
export async function disposeForCredit(f: Flow, inspectionId: string): Promise<void> {
  const rec = await call(f, f.quality, 'GET', `/inspections/${inspectionId}/recommendation`);
  expect(rec.statusCode, rec.body).toBe(200);
  const { recommendation } = rec.json<{ recommendation: { code: string; rulesVersion: number } }>();
  const code = ['RESTOCK', 'QUARANTINE'].includes(recommendation.code) ? recommendation.code : 'QUARANTINE';
  const decided = await call(f, f.quality, 'POST', `/inspections/${inspectionId}/disposition`, {
    code,
    rulesVersion: recommendation.rulesVersion,
    ...(code === recommendation.code ? {} : { overrideReason: 'held until settlement is agreed' }),
  });
  expect(decided.statusCode, decided.body).toBe(201);
}

/** Inspects the units as found and dispositions them for credit; the completed inspection. */
export async function inspectAndDispose(f: Flow, inspectionId: string, findings: Findings = { grade: 'A' }) {
  const inspected = await completeInspection(f, inspectionId, findings);
  await disposeForCredit(f, inspectionId);
  return inspected;
}

/** The return's credit memos, as `token` may read them. */
export async function memosOfReturn(f: Flow, token: string, rmaId: string): Promise<CreditMemo[]> {
  const res = await call(f, token, 'GET', `/credit-memos?rmaId=${rmaId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: CreditMemo[] }>().items;
}

/** Approves (as `approver`, finance unless told) and issues (as `finance`) the memo; the issued memo. */
export async function approveAndIssue(
  f: Flow,
  finance: string,
  memo: CreditMemo,
  approver = finance,
): Promise<CreditMemo> {
  const approved = await call(
    f,
    approver,
    'POST',
    `/credit-memos/${memo.id}/approve`,
    undefined,
    ifMatch(memo.version),
  );
  expect(approved.statusCode, approved.body).toBe(200);
  const version = approved.json<CreditMemo>().version;
  const issued = await call(f, finance, 'POST', `/credit-memos/${memo.id}/issue`, undefined, ifMatch(version));
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json<CreditMemo>();
}

/** Publishes the settlement policy's credit timing (as `admin`): which tiers are credited ahead of inspection, and when. */
export async function publishCreditTiming(
  f: Flow,
  admin: string,
  creditTimingByTier: Record<string, 'on_authorization' | 'on_receipt' | 'after_inspection'>,
): Promise<void> {
  const current = await call(f, admin, 'GET', '/config/settlement_policy');
  expect(current.statusCode, current.body).toBe(200);
  const { version, document } = current.json<{ version: number; document: Record<string, unknown> }>();
  const published = await call(
    f,
    admin,
    'PUT',
    '/config/settlement_policy',
    { document: { ...document, creditTimingByTier }, comment: 'trusted tiers are credited ahead of inspection' },
    ifMatch(version),
  );
  expect(published.statusCode, published.body).toBe(200);
}
