// Supplier claims through the API, on both databases: shipping a vendor return submits one claim at
// the amounts the supplier's terms give (restocking fee or warranty rate, in the supplier's
// currency); the supplier — through its own scoped users and keys, never seeing another's — or
// finance for it acknowledges and answers; finance records the credit note. Each answer and payment
// posts in the same transaction, and after every step the vendor receivable in the books equals
// the sum of what the claims say we hold (receivableMinor). Aging, the reimbursement cycle, the
// listing's filters, missing exchange rates and closed periods too.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createUser } from '../../src/identity/index.js';
import { createMasterRecord, SUPPLIERS } from '../../src/masterdata/index.js';
import { systemContext } from '../../src/platform/actor.js';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer } from '../support/factories.js';
import { expectProblem } from './support/problems.js';
import { startTestApp, TODAY, type TestApp } from './support/test-app.js';
import {
  call,
  completeInspection,
  dispose,
  ifMatch,
  makeSiteWorld,
  receivedReturn,
  startFlow,
  stockOf,
  type Flow,
  type SiteWorld,
} from './support/inspection-flow.js';
import { entries, insertRate, linesOf, trialBalanceOf, type Entry } from './support/ledger-flow.js';
import {
  approveAndIssue,
  inspectAndDispose,
  memosOfReturn,
  openReturn,
  receiveUnits,
  soldLine,
} from './support/settlement-flow.js';

const PERIOD = TODAY.slice(0, 7);
const NOW = `${TODAY}T10:00:00.000Z`;
/** The factories' product costs 60.00 USD a unit. */
const UNIT_COST = 6000;

interface ClaimLine {
  id: string;
  rmaId: string;
  rmaNumber: string | null;
  rmaLineId: string;
  inspectionId: string;
  productId: string;
  productSku: string | null;
  quantity: number;
  basis: 'return_to_vendor' | 'warranty';
  unitCostMinor: number;
  termsBps: number;
  claimedMinor: number;
  acceptedMinor: number | null;
  explanation: string;
  evidence: { defectCodes: string[]; findings: string; noFaultFound: boolean; photos: unknown[] };
}

interface Claim {
  id: string;
  claimNumber: string;
  supplierId: string;
  supplierName: string | null;
  legalEntityId: string;
  vendorReturnId: string;
  vendorReturnNumber: string | null;
  currency: string;
  status: string;
  claimedMinor: number;
  acceptedMinor: number | null;
  paidMinor: number | null;
  supplierReference: string;
  submittedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string;
  paidAt: string | null;
  paymentReference: string;
  ageDays: number;
  version: number;
  functionalCurrency?: string;
  receivableMinor?: number;
  lines: ClaimLine[];
}

interface AgingRow {
  supplierId: string;
  supplierName: string | null;
  currency: string;
  buckets: Record<'0-30' | '31-60' | '61-90' | '90+', { count: number; amountMinor: number }>;
  openCount: number;
  openAmountMinor: number;
  paidCount: number;
  averageDaysToPay: number | null;
  medianDaysToPay: number | null;
}

describe.each(DIALECTS)('supplier claims on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let finance: string;
  let admin: string;
  /** Finance's API key: keys outlive the sign-in tokens when a test moves the clock weeks ahead. */
  let financeKey: string;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    finance = await t.tokenFor('finance');
    admin = await t.tokenFor('admin');
    financeKey = await apiKey({ role: 'finance' });
  });
  afterEach(() => t.clock.set(NOW));
  afterAll(() => t.close());

  const unique = () => `${dialect.slice(0, 2).toUpperCase()}${++seq}`;

  async function apiKey(body: { role: string; partnerId?: string }): Promise<string> {
    const res = await call(f, admin, 'POST', '/api-keys', { name: `key ${unique()}`, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ secret: string }>().secret;
  }

  async function makeSupplier(
    world: SiteWorld,
    terms: {
      currency?: string;
      vendorRestockingFeeBps?: number;
      warrantyRecoveryBps?: number;
      requiresRtvAuthorization?: boolean;
    } = {},
  ) {
    const n = unique();
    return createMasterRecord(
      t.platform,
      systemContext('test'),
      SUPPLIERS,
      SUPPLIERS.inputSchema.parse({
        code: `SUP-C${n}`,
        name: `Claims supplier ${n}`,
        legalEntityId: world.entity.id,
        currency: terms.currency ?? 'USD',
        requiresRtvAuthorization: terms.requiresRtvAuthorization ?? false,
        vendorRestockingFeeBps: terms.vendorRestockingFeeBps ?? 0,
        warrantyRecoveryBps: terms.warrantyRecoveryBps ?? 10_000,
      }),
    );
  }

  /** A supplier's own person, signed in. */
  async function supplierUser(supplierId: string): Promise<string> {
    const email = `claims.${supplierId}@supplier.test`.toLowerCase();
    await createUser(t.platform, systemContext('test'), {
      email,
      name: `Returns desk of ${supplierId}`,
      role: 'supplier',
      customerId: null,
      partnerId: supplierId,
      password: 'pw',
    });
    return t.tokenFor('supplier', { email });
  }

  /** Units of a product of `supplier` received at the world's site, inspected and sent back to the vendor. */
  async function toVendor(
    world: SiteWorld,
    supplier: { id: string },
    options: {
      quantity?: number;
      returnType?: string;
      reasonCode?: string;
      claimedCondition?: string;
      warrantyMonths?: number;
      findings?: string;
    } = {},
  ) {
    const r = await receivedReturn(f, {
      world,
      quantity: options.quantity ?? 2,
      product: {
        supplierId: supplier.id,
        ...(options.warrantyMonths ? { warrantyMonths: options.warrantyMonths } : {}),
      },
      ...(options.returnType ? { returnType: options.returnType } : {}),
      ...(options.reasonCode ? { reasonCode: options.reasonCode } : {}),
      ...(options.claimedCondition ? { claimedCondition: options.claimedCondition } : {}),
    });
    const inspection = r.inspections[0]!;
    await completeInspection(f, inspection.id, {
      grade: 'D',
      defectCodes: ['DEAD_ON_ARRIVAL'],
      findings: options.findings ?? 'does not power on',
    });
    const { response } = await dispose(f, inspection.id, {
      code: 'RETURN_TO_VENDOR',
      overrideReason: 'back to the supplier',
    });
    expect(response.statusCode, response.body).toBe(201);
    const disposition = response.json<{ followUpType: string; followUpId: string }>();
    expect(disposition.followUpType).toBe('vendor_return');
    return { ...r, inspectionId: inspection.id, vendorReturnId: disposition.followUpId };
  }

  function ship(vendorReturnId: string, version: number, body: object = { carrierReference: '1Z999AA10123456784' }) {
    return call(f, f.warehouse, 'POST', `/vendor-returns/${vendorReturnId}/ship`, body, ifMatch(version));
  }

  async function vendorReturn(id: string) {
    const res = await call(f, f.warehouse, 'GET', `/vendor-returns/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ id: string; vendorReturnNumber: string; status: string; version: number }>();
  }

  /** Ships the vendor return as read and returns the claim it submitted. */
  async function shipAndClaim(vendorReturnId: string, body?: object): Promise<Claim> {
    const document = await vendorReturn(vendorReturnId);
    const shipped = await ship(vendorReturnId, document.version, body);
    expect(shipped.statusCode, shipped.body).toBe(200);
    const found = await listClaims(finance, { q: document.vendorReturnNumber });
    expect(found).toHaveLength(1);
    return found[0]!;
  }

  async function listClaims(token: string, query: Record<string, string> = {}): Promise<Claim[]> {
    const params = new URLSearchParams({ pageSize: '200', ...query });
    const res = await call(f, token, 'GET', `/supplier-claims?${params.toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: Claim[]; total: number }>();
    expect(page.items).toHaveLength(page.total);
    return page.items;
  }

  async function getClaim(id: string, token = finance): Promise<Claim> {
    const res = await call(f, token, 'GET', `/supplier-claims/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${res.json<Claim>().version}"`);
    return res.json<Claim>();
  }

  const acknowledge = (token: string, id: string, body: object, headers: Record<string, string>) =>
    call(f, token, 'POST', `/supplier-claims/${id}/acknowledge`, body, headers);
  const decide = (token: string, id: string, body: object, headers: Record<string, string>) =>
    call(f, token, 'POST', `/supplier-claims/${id}/decision`, body, headers);
  const pay = (token: string, id: string, body: object, headers: Record<string, string>) =>
    call(f, token, 'POST', `/supplier-claims/${id}/payment`, body, headers);

  const claimEntries = (claimId: string, token = finance): Promise<Entry[]> =>
    entries(f, token, { sourceType: 'supplier_claim', sourceId: claimId });

  /**
   * The tie-out: the trial balance balances, and the vendor receivable it holds for the entity is
   * the sum of what its claims say the books hold for them.
   */
  async function expectBooksMatchClaims(legalEntityId: string, period = PERIOD, token = finance) {
    const tb = await trialBalanceOf(f, token, legalEntityId, period);
    expect(tb.isBalanced).toBe(true);
    expect(tb.totals.debitMinor).toBe(tb.totals.creditMinor);
    const receivable = tb.rows.find((row) => row.role === 'vendor_receivable')?.closingMinor ?? 0;
    const claims = await listClaims(token, { legalEntityId });
    expect(receivable).toBe(claims.reduce((sum, claim) => sum + claim.receivableMinor!, 0));
    return { receivable, claims };
  }

  async function outboxOf(type: string, aggregateId: string) {
    const rows = await t.platform.db
      .selectFrom('outbox_events')
      .select(['payload'])
      .where('event_type', '=', type)
      .where('aggregate_id', '=', aggregateId)
      .execute();
    return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
  }

  const errorPaths = (res: LightMyRequestResponse) =>
    res.json<{ errors?: Array<{ path: string }> }>().errors?.map((e) => e.path) ?? [];

  describe('submission', () => {
    it('shipping a vendor return submits exactly one claim: lines with the evidence, amounts per the terms, the receivable as booked', async () => {
      const world = await makeSiteWorld(t);
      // A 15 % restocking fee on returns, 90 % of cost under warranty; its own authorization number.
      const supplier = await makeSupplier(world, {
        vendorRestockingFeeBps: 1500,
        warrantyRecoveryBps: 9000,
        requiresRtvAuthorization: true,
      });
      const standard = await toVendor(world, supplier, { quantity: 2, findings: 'dead on arrival' });
      const warranty = await toVendor(world, supplier, {
        quantity: 1,
        returnType: 'warranty',
        reasonCode: 'WARRANTY_FAILURE',
        claimedCondition: 'defective',
        warrantyMonths: 24,
        findings: 'fails after warm-up',
      });
      // Both went onto one vendor return (one supplier, one site); nothing is claimed before it ships.
      expect(warranty.vendorReturnId).toBe(standard.vendorReturnId);
      expect(await listClaims(finance, { supplierId: supplier.id })).toEqual([]);

      const document = await vendorReturn(standard.vendorReturnId);
      const body = { carrierReference: '1Z999AA10123456784', supplierAuthorization: 'RA-4711' };
      const shipped = await ship(document.id, document.version, body);
      expect(shipped.statusCode, shipped.body).toBe(200);

      const claims = await listClaims(finance, { supplierId: supplier.id });
      expect(claims).toHaveLength(1);
      const claim = claims[0]!;
      const returnLine = { claimedMinor: Math.round((2 * UNIT_COST * 8500) / 10_000), termsBps: 8500 };
      const warrantyLine = { claimedMinor: Math.round((1 * UNIT_COST * 9000) / 10_000), termsBps: 9000 };
      expect(returnLine.claimedMinor).toBe(10_200);
      expect(warrantyLine.claimedMinor).toBe(5400);
      expect(claim).toMatchObject({
        status: 'submitted',
        claimNumber: expect.stringMatching(/^SC-\d{7}$/),
        supplierId: supplier.id,
        supplierName: supplier.name,
        legalEntityId: world.entity.id,
        vendorReturnId: document.id,
        vendorReturnNumber: document.vendorReturnNumber,
        currency: 'USD',
        claimedMinor: 10_200 + 5400,
        acceptedMinor: null,
        paidMinor: null,
        // The supplier's authorization on the shipment is its reference for the claim.
        supplierReference: 'RA-4711',
        submittedAt: NOW,
        acknowledgedAt: null,
        decidedAt: null,
        paidAt: null,
        ageDays: 0,
        version: 1,
        functionalCurrency: 'USD',
        // What is claimed: the supplier's fee and the warranty rate cost us the rest at once.
        receivableMinor: 10_200 + 5400,
      });
      const byRma = new Map(claim.lines.map((line) => [line.rmaId, line]));
      expect(claim.lines).toHaveLength(2);
      expect(byRma.get(standard.rma.id)).toMatchObject({
        rmaNumber: standard.rma.rmaNumber,
        rmaLineId: standard.rma.lines[0]!.id,
        inspectionId: standard.inspectionId,
        productId: standard.product.id,
        productSku: standard.product.sku,
        quantity: 2,
        basis: 'return_to_vendor',
        unitCostMinor: UNIT_COST,
        ...returnLine,
        acceptedMinor: null,
        evidence: { defectCodes: ['DEAD_ON_ARRIVAL'], findings: 'dead on arrival', noFaultFound: false, photos: [] },
      });
      expect(byRma.get(standard.rma.id)!.explanation).toContain('15 %');
      expect(byRma.get(warranty.rma.id)).toMatchObject({
        productId: warranty.product.id,
        inspectionId: warranty.inspectionId,
        quantity: 1,
        basis: 'warranty',
        unitCostMinor: UNIT_COST,
        ...warrantyLine,
        evidence: { defectCodes: ['DEAD_ON_ARRIVAL'], findings: 'fails after warm-up', noFaultFound: false },
      });
      expect(byRma.get(warranty.rma.id)!.explanation).toContain('warranty');

      // One claim, read alone with its version as ETag; filtered by either return.
      expect(await getClaim(claim.id)).toEqual(claim);
      expect((await listClaims(finance, { rmaId: warranty.rma.id })).map((c) => c.id)).toEqual([claim.id]);

      // The shipment booked the carrying value as vendor receivable; the claim wrote it down to
      // what is claimed in the same transaction, the difference a supplier recovery shortfall.
      const [shipment, ...more] = await entries(f, finance, { sourceType: 'vendor_return', sourceId: document.id });
      expect(more).toEqual([]);
      expect(linesOf(shipment!)).toEqual([
        ['1250', 3 * UNIT_COST, 0],
        ['1440', 0, 3 * UNIT_COST],
      ]);
      const shortfall = 3 * UNIT_COST - (10_200 + 5400);
      const [submission, ...later] = await claimEntries(claim.id);
      expect(later).toEqual([]);
      expect(submission).toMatchObject({ event: 'supplier_claim.submitted', totalMinor: shortfall });
      expect(linesOf(submission!)).toEqual([
        ['6400', shortfall, 0],
        ['1250', 0, shortfall],
      ]);
      const books = await expectBooksMatchClaims(world.entity.id);
      expect(books.receivable).toBe(10_200 + 5400);

      expect(await outboxOf('supplier_claim.submitted', claim.id)).toEqual([
        expect.objectContaining({ number: claim.claimNumber, supplierId: supplier.id, claimedMinor: 15_600 }),
      ]);
      // Shipping again is refused, and claims nothing twice.
      expectProblem(await ship(document.id, 2, body), 409);
      expect(await listClaims(finance, { supplierId: supplier.id })).toHaveLength(1);
    });

    it('a standard return of a supplier fault is claimed under warranty while the warranty runs, else under the return terms', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world, { vendorRestockingFeeBps: 2000, warrantyRecoveryBps: 7500 });
      const inWarranty = await toVendor(world, supplier, {
        quantity: 1,
        reasonCode: 'DEFECTIVE',
        claimedCondition: 'defective',
        warrantyMonths: 12,
      });
      const noWarranty = await toVendor(world, supplier, {
        quantity: 1,
        reasonCode: 'DEFECTIVE',
        claimedCondition: 'defective',
      });
      expect(noWarranty.vendorReturnId).toBe(inWarranty.vendorReturnId);
      const claim = await shipAndClaim(inWarranty.vendorReturnId);
      const byRma = new Map(claim.lines.map((line) => [line.rmaId, line]));
      expect(byRma.get(inWarranty.rma.id)).toMatchObject({ basis: 'warranty', termsBps: 7500, claimedMinor: 4500 });
      expect(byRma.get(noWarranty.rma.id)).toMatchObject({
        basis: 'return_to_vendor',
        termsBps: 8000,
        claimedMinor: 4800,
      });
      expect(claim).toMatchObject({ claimedMinor: 4500 + 4800, receivableMinor: 4500 + 4800 });
      await expectBooksMatchClaims(world.entity.id);
    });

    it('without the rate between the goods’ and the supplier’s currencies the shipment is refused whole; with it, the claim is in the supplier’s currency', async () => {
      const world = await makeSiteWorld(t);
      // No NOK rate is known to this database.
      const supplier = await makeSupplier(world, { currency: 'NOK' });
      const r = await toVendor(world, supplier, { quantity: 2 });
      const before = await vendorReturn(r.vendorReturnId);

      const refused = await ship(r.vendorReturnId, before.version);
      expectProblem(refused, 422, 'rule_violation');
      expect(errorPaths(refused)).toEqual(['currency']);
      // Nothing changed: still open at the same version, the units still on vendor return, no claim, no entry.
      expect(await vendorReturn(r.vendorReturnId)).toMatchObject({ status: 'open', version: before.version });
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'on_vendor_return', location: 'RTV', quantity: 2, serial: null },
      ]);
      expect(await listClaims(finance, { supplierId: supplier.id })).toEqual([]);
      expect(await entries(f, finance, { sourceType: 'vendor_return', sourceId: r.vendorReturnId })).toEqual([]);
      await expectBooksMatchClaims(world.entity.id);

      // With the rate the claim converts at the ship day's rate: 60.00 USD × 10.85 = 651.00 NOK a unit.
      await insertRate(t, { date: '2026-11-25', base: 'USD', quote: 'NOK', rate: '10.85' });
      const claim = await shipAndClaim(r.vendorReturnId);
      expect(claim).toMatchObject({
        currency: 'NOK',
        functionalCurrency: 'USD',
        claimedMinor: 2 * 65_100,
        receivableMinor: 2 * UNIT_COST,
      });
      expect(claim.lines).toEqual([expect.objectContaining({ unitCostMinor: 65_100, claimedMinor: 130_200 })]);
      await expectBooksMatchClaims(world.entity.id);
    });
  });

  describe('who sees and answers claims', () => {
    it('a supplier’s keys and users see and answer only its own claims, without our books; staff without the permission see none', async () => {
      const world = await makeSiteWorld(t);
      const supplierA = await makeSupplier(world);
      const supplierB = await makeSupplier(world);
      const claimA = await shipAndClaim((await toVendor(world, supplierA)).vendorReturnId);
      const claimB = await shipAndClaim((await toVendor(world, supplierB)).vendorReturnId);

      // A supplier key names its supplier; nothing else will do.
      for (const body of [
        { role: 'supplier' },
        { role: 'supplier', partnerId: world.customer.id },
        { role: 'finance', partnerId: supplierA.id },
      ]) {
        const refused = await call(f, admin, 'POST', '/api-keys', { name: 'Supplier portal', ...body });
        expectProblem(refused, 400, 'validation_failed');
        expect(errorPaths(refused)).toContain('partnerId');
      }
      const keyA = await apiKey({ role: 'supplier', partnerId: supplierA.id });
      const userB = await supplierUser(supplierB.id);

      for (const [token, own, other] of [
        [keyA, claimA, claimB],
        [userB, claimB, claimA],
      ] as const) {
        const listed = await listClaims(token);
        expect(listed.map((c) => c.id)).toEqual([own.id]);
        // Its own claim, without what our books hold against it.
        expect(listed[0]).not.toHaveProperty('receivableMinor');
        expect(listed[0]).not.toHaveProperty('functionalCurrency');
        const read = await getClaim(own.id, token);
        // Lines without our internal record ids: the return's number is its reference.
        const ownLines = own.lines.map(({ rmaId: _r, rmaLineId: _l, inspectionId: _i, ...line }) => line);
        expect(read).toMatchObject({ id: own.id, claimedMinor: own.claimedMinor, lines: ownLines });
        expect(read).not.toHaveProperty('receivableMinor');
        for (const line of read.lines) {
          expect(line).not.toHaveProperty('rmaId');
          expect(line).not.toHaveProperty('inspectionId');
          expect(line.rmaNumber).toMatch(/^RMA-/);
        }
        // Another supplier's claim does not exist for it, even asked for by name.
        expect(await listClaims(token, { supplierId: other.supplierId })).toEqual([]);
        expect(await listClaims(token, { q: other.claimNumber })).toEqual([]);
        expectProblem(await call(f, token, 'GET', `/supplier-claims/${other.id}`), 404, 'not_found');
        expectProblem(await acknowledge(token, other.id, {}, ifMatch(1)), 404, 'not_found');
        expectProblem(
          await decide(token, other.id, { decision: 'reject', note: 'not ours' }, ifMatch(1)),
          404,
          'not_found',
        );
        // Payment is finance's to record, never the supplier's.
        expectProblem(await pay(token, own.id, { reference: 'CN-1', amountMinor: own.claimedMinor }, ifMatch(1)), 403);
        // The board, the books, credits and returns are not the supplier's to read.
        for (const url of [
          '/supplier-claims/aging',
          '/ledger/entries',
          `/ledger/trial-balance?legalEntityId=${world.entity.id}&period=${PERIOD}`,
          '/credit-memos',
          '/returns',
          `/returns/${own.lines[0]!.rmaId}`,
          '/vendor-returns',
        ]) {
          const res = await call(f, token, 'GET', url);
          expect([403, 404], `${url}: ${res.body}`).toContain(res.statusCode);
          expect(res.headers['content-type']).toContain('application/problem+json');
        }
      }
      expect(await getClaim(claimA.id)).toMatchObject({ status: 'submitted', version: 1 });
      expect(await getClaim(claimB.id)).toMatchObject({ status: 'submitted', version: 1 });

      // Staff who follow the money read all; the desk and the warehouse do not; nor customers.
      for (const role of ['ops_manager', 'quality', 'admin'] as const) {
        const ids = (await listClaims(await t.tokenFor(role), { legalEntityId: world.entity.id })).map((c) => c.id);
        expect(ids.sort()).toEqual([claimA.id, claimB.id].sort());
      }
      const customer = await t.tokenFor('customer', {
        customerId: (await makeCustomer(t.platform, world.entity.id)).id,
      });
      for (const token of [f.agent, f.warehouse, customer]) {
        expectProblem(await call(f, token, 'GET', '/supplier-claims'), 403);
        expectProblem(await call(f, token, 'GET', `/supplier-claims/${claimA.id}`), 403);
        expectProblem(await call(f, token, 'GET', '/supplier-claims/aging'), 403);
      }
      // Quality reads claims but does not record the supplier's answer.
      expectProblem(await decide(f.quality, claimA.id, { decision: 'accept' }, ifMatch(1)), 403);
      expectProblem(await acknowledge(f.quality, claimA.id, {}, ifMatch(1)), 403);
      expect(await getClaim(claimA.id)).toMatchObject({ status: 'submitted', version: 1 });
    });
  });

  describe('the supplier’s answer and the credit note', () => {
    it('acknowledged, partially accepted per line, paid exactly what was accepted; the books follow each step', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world, { vendorRestockingFeeBps: 1500 });
      const first = await toVendor(world, supplier, { quantity: 2 });
      const second = await toVendor(world, supplier, { quantity: 3 });
      expect(second.vendorReturnId).toBe(first.vendorReturnId);
      const submitted = await shipAndClaim(first.vendorReturnId);
      const lineA = submitted.lines.find((l) => l.rmaId === first.rma.id)!;
      const lineB = submitted.lines.find((l) => l.rmaId === second.rma.id)!;
      expect([lineA.claimedMinor, lineB.claimedMinor]).toEqual([10_200, 15_300]);
      expect(submitted).toMatchObject({ claimedMinor: 25_500, receivableMinor: 25_500 });
      // The 15 % fee was written off when the claim was submitted.
      const [submission] = await claimEntries(submitted.id);
      expect(linesOf(submission!)).toEqual([
        ['6400', 5 * UNIT_COST - 25_500, 0],
        ['1250', 0, 5 * UNIT_COST - 25_500],
      ]);
      const supplierKey = await apiKey({ role: 'supplier', partnerId: supplier.id });
      const id = submitted.id;

      // The supplier acknowledges with its own case number: If-Match required and current.
      const ackBody = { supplierReference: 'CASE-9001' };
      expectProblem(await acknowledge(supplierKey, id, ackBody, {}), 428);
      expectProblem(await acknowledge(supplierKey, id, ackBody, ifMatch(5)), 412);
      expectProblem(await acknowledge(supplierKey, id, { supplierReference: 'x', extra: 1 }, ifMatch(1)), 400);
      const acked = await acknowledge(supplierKey, id, ackBody, ifMatch(1));
      expect(acked.statusCode, acked.body).toBe(200);
      expect(acked.headers.etag).toBe('"2"');
      expect(acked.json()).toMatchObject({
        status: 'acknowledged',
        supplierReference: 'CASE-9001',
        acknowledgedAt: NOW,
        acknowledgedBy: expect.stringContaining('(supplier)'),
        version: 2,
      });
      expect(acked.json()).not.toHaveProperty('receivableMinor');
      expectProblem(await acknowledge(supplierKey, id, ackBody, ifMatch(2)), 409, 'invalid_transition');
      expect(await claimEntries(id)).toHaveLength(1);
      await expectBooksMatchClaims(world.entity.id);

      // Answers that cannot stand are refused, as problem+json, and change nothing.
      const partial = (lines: object[], note = 'two units arrived crushed') => ({
        decision: 'partially_accept',
        note,
        lines,
      });
      const refusals: Array<[object, Record<string, string>, number, string?]> = [
        [partial([{ lineId: lineA.id, acceptedMinor: 8000 }]), {}, 428],
        [partial([{ lineId: lineA.id, acceptedMinor: 8000 }]), ifMatch(1), 412],
        [partial([{ lineId: lineA.id, acceptedMinor: 8000 }], '  '), ifMatch(2), 400, 'note'],
        [
          partial([{ lineId: lineA.id, acceptedMinor: lineA.claimedMinor + 1 }]),
          ifMatch(2),
          400,
          'lines.0.acceptedMinor',
        ],
        [partial([{ lineId: 'scll_missing', acceptedMinor: 1 }]), ifMatch(2), 400, 'lines.0.lineId'],
        [
          partial([
            { lineId: lineA.id, acceptedMinor: 1 },
            { lineId: lineA.id, acceptedMinor: 2 },
          ]),
          ifMatch(2),
          400,
          'lines.1.lineId',
        ],
        // Cutting nothing is an acceptance; cutting everything a rejection.
        [partial([{ lineId: lineA.id, acceptedMinor: lineA.claimedMinor }]), ifMatch(2), 400, 'lines'],
        [
          partial([
            { lineId: lineA.id, acceptedMinor: 0 },
            { lineId: lineB.id, acceptedMinor: 0 },
          ]),
          ifMatch(2),
          400,
          'lines',
        ],
        [partial([{ lineId: lineA.id, acceptedMinor: -1 }]), ifMatch(2), 400],
        [partial([{ lineId: lineA.id, acceptedMinor: 1.5 }]), ifMatch(2), 400],
        [{ decision: 'accept', lines: [{ lineId: lineA.id, acceptedMinor: 1 }] }, ifMatch(2), 400, 'lines'],
        [{ decision: 'maybe' }, ifMatch(2), 400],
      ];
      for (const [body, headers, status, path] of refusals) {
        const res = await decide(supplierKey, id, body, headers);
        expectProblem(res, status);
        if (path) expect(errorPaths(res), JSON.stringify(body)).toContain(path);
      }
      const unchanged = await getClaim(id);
      expect(unchanged).toMatchObject({ status: 'acknowledged', version: 2, acceptedMinor: null, decidedAt: null });
      expect(unchanged.lines.map((l) => l.acceptedMinor)).toEqual([null, null]);
      expect(unchanged.receivableMinor).toBe(25_500);
      expect(await claimEntries(id)).toHaveLength(1);
      // Not answered yet, so nothing to pay.
      expectProblem(await pay(finance, id, { reference: 'CN-1', amountMinor: 25_500 }, ifMatch(2)), 409);

      // Line A cut to 80.00; line B, not named, accepted in full.
      const decided = await decide(supplierKey, id, partial([{ lineId: lineA.id, acceptedMinor: 8000 }]), ifMatch(2));
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.headers.etag).toBe('"3"');
      const accepted = 8000 + 15_300;
      expect(decided.json()).toMatchObject({
        status: 'partially_accepted',
        acceptedMinor: accepted,
        decisionNote: 'two units arrived crushed',
        decidedBy: expect.stringContaining('(supplier)'),
        decidedAt: NOW,
        version: 3,
      });
      const afterDecision = await getClaim(id);
      expect(Object.fromEntries(afterDecision.lines.map((l) => [l.id, l.acceptedMinor]))).toEqual({
        [lineA.id]: 8000,
        [lineB.id]: 15_300,
      });
      // The books move from what was claimed to what the supplier accepted.
      expect(afterDecision.receivableMinor).toBe(accepted);
      const shortfall = 25_500 - accepted;
      const decisionEntries = (await claimEntries(id)).filter((e) => e.event === 'supplier_claim.decided');
      expect(decisionEntries).toHaveLength(1);
      const [decisionEntry] = decisionEntries;
      expect(decisionEntry).toMatchObject({
        event: 'supplier_claim.decided',
        legalEntityId: world.entity.id,
        currency: 'USD',
        period: PERIOD,
        totalMinor: shortfall,
      });
      expect(linesOf(decisionEntry!)).toEqual([
        ['6400', shortfall, 0],
        ['1250', 0, shortfall],
      ]);
      expect((await expectBooksMatchClaims(world.entity.id)).receivable).toBe(accepted);
      expect(await outboxOf('supplier_claim.decided', id)).toEqual([
        expect.objectContaining({ status: 'partially_accepted', acceptedMinor: accepted, claimedMinor: 25_500 }),
      ]);
      expectProblem(await decide(supplierKey, id, { decision: 'accept' }, ifMatch(3)), 409, 'invalid_transition');

      // The credit note: finance records it, for exactly the accepted amount.
      const payment = { reference: 'CN-2026-118', amountMinor: accepted };
      expectProblem(await pay(supplierKey, id, payment, ifMatch(3)), 403);
      expectProblem(await pay(finance, id, payment, {}), 428);
      expectProblem(await pay(finance, id, payment, ifMatch(2)), 412);
      expectProblem(await pay(finance, id, { ...payment, reference: '  ' }, ifMatch(3)), 400);
      expectProblem(await pay(finance, id, { ...payment, amountMinor: -5 }, ifMatch(3)), 400);
      for (const amountMinor of [accepted - 1, accepted + 1, 25_500]) {
        const wrong = await pay(finance, id, { ...payment, amountMinor }, ifMatch(3));
        expectProblem(wrong, 400, 'validation_failed');
        expect(errorPaths(wrong)).toEqual(['amountMinor']);
      }
      expect(await getClaim(id)).toMatchObject({ status: 'partially_accepted', version: 3, paidMinor: null });
      expect(await claimEntries(id)).toHaveLength(2);

      const paid = await pay(finance, id, payment, ifMatch(3));
      expect(paid.statusCode, paid.body).toBe(200);
      expect(paid.headers.etag).toBe('"4"');
      expect(paid.json()).toMatchObject({
        status: 'paid',
        paidMinor: accepted,
        paidAt: NOW,
        paymentReference: 'CN-2026-118',
        receivableMinor: 0,
        version: 4,
      });
      const paymentEntry = (await claimEntries(id)).find((e) => e.event === 'supplier_claim.paid')!;
      expect(paymentEntry).toMatchObject({ legalEntityId: world.entity.id, totalMinor: accepted });
      // Same currency, same day: no exchange difference.
      expect(linesOf(paymentEntry)).toEqual([
        ['2100', accepted, 0],
        ['1250', 0, accepted],
      ]);
      expect((await expectBooksMatchClaims(world.entity.id)).receivable).toBe(0);

      // Settled: nothing more may happen to it.
      expectProblem(await pay(finance, id, payment, ifMatch(4)), 409, 'invalid_transition');
      expectProblem(await decide(finance, id, { decision: 'accept' }, ifMatch(4)), 409, 'invalid_transition');
      expectProblem(await acknowledge(supplierKey, id, ackBody, ifMatch(4)), 409, 'invalid_transition');
      expect(await claimEntries(id)).toHaveLength(3);
      expect((await getClaim(id)).version).toBe(4);
      await expectBooksMatchClaims(world.entity.id);
    });

    it('a rejection writes the whole receivable off to supplier recovery; nothing is left to pay', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world);
      const claim = await shipAndClaim((await toVendor(world, supplier, { quantity: 2 })).vendorReturnId);
      expect(claim).toMatchObject({ claimedMinor: 2 * UNIT_COST, receivableMinor: 2 * UNIT_COST });

      expectProblem(await decide(finance, claim.id, { decision: 'reject' }, ifMatch(1)), 400, 'validation_failed');
      expectProblem(
        await decide(
          finance,
          claim.id,
          { decision: 'reject', note: 'misuse', lines: [{ lineId: claim.lines[0]!.id, acceptedMinor: 0 }] },
          ifMatch(1),
        ),
        400,
      );
      // Finance records the supplier's refusal (it came by e-mail) without an acknowledgement first.
      const rejected = await decide(
        finance,
        claim.id,
        { decision: 'reject', note: 'supplier found water damage' },
        ifMatch(1),
      );
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(rejected.json()).toMatchObject({
        status: 'rejected',
        acceptedMinor: 0,
        decisionNote: 'supplier found water damage',
        acknowledgedAt: NOW,
        decidedAt: NOW,
        receivableMinor: 0,
        version: 2,
      });
      expect(rejected.json().lines.map((l: ClaimLine) => l.acceptedMinor)).toEqual([0]);
      const [entry, ...others] = await claimEntries(claim.id);
      expect(others).toEqual([]);
      expect(linesOf(entry!)).toEqual([
        ['6400', 2 * UNIT_COST, 0],
        ['1250', 0, 2 * UNIT_COST],
      ]);
      expect((await expectBooksMatchClaims(world.entity.id)).receivable).toBe(0);

      for (const amountMinor of [0, 2 * UNIT_COST])
        expectProblem(await pay(finance, claim.id, { reference: 'CN-0', amountMinor }, ifMatch(2)), 409);
      expectProblem(await decide(finance, claim.id, { decision: 'accept' }, ifMatch(2)), 409);
      expect(await getClaim(claim.id)).toMatchObject({ status: 'rejected', version: 2, paidMinor: null });
      expect(await claimEntries(claim.id)).toHaveLength(1);
    });

    it('an accepted claim in the supplier’s currency: converted at the answer’s rate, the exchange difference at payment', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world, { currency: 'EUR' });
      // The ECB's rate on the days of shipment and answer, and a new one by the day the credit note comes.
      await insertRate(t, { date: '2026-11-20', quote: 'USD', rate: '1.0812' });
      const claim = await shipAndClaim((await toVendor(world, supplier, { quantity: 2 })).vendorReturnId);
      // 60.00 USD ÷ 1.0812 USD/EUR = 55.49 EUR a unit.
      const unit = 5549;
      expect(Math.round(UNIT_COST / 1.0812)).toBe(unit);
      // 110.98 EUR × 1.0812 = 119.99 USD: the cent the conversion loses is written off at once.
      const acceptedUsd = Math.round(2 * unit * 1.0812);
      expect(acceptedUsd).toBe(11_999);
      expect(claim).toMatchObject({
        currency: 'EUR',
        functionalCurrency: 'USD',
        claimedMinor: 2 * unit,
        receivableMinor: acceptedUsd,
      });
      expect(claim.lines).toEqual([
        expect.objectContaining({ unitCostMinor: unit, claimedMinor: 2 * unit, basis: 'return_to_vendor' }),
      ]);

      const decided = await decide(finance, claim.id, { decision: 'accept' }, ifMatch(1));
      expect(decided.statusCode, decided.body).toBe(200);
      // Accepted as claimed, at the same rate: the books already hold it, no entry.
      expect(decided.json()).toMatchObject({
        status: 'accepted',
        acceptedMinor: 2 * unit,
        receivableMinor: acceptedUsd,
      });
      const [submission, ...more] = await claimEntries(claim.id);
      expect(more).toEqual([]);
      expect(submission!.event).toBe('supplier_claim.submitted');
      expect(linesOf(submission!)).toEqual([
        ['6400', 2 * UNIT_COST - acceptedUsd, 0],
        ['1250', 0, 2 * UNIT_COST - acceptedUsd],
      ]);
      await expectBooksMatchClaims(world.entity.id);

      // The euro rose before the credit note came: the same euros are worth more dollars.
      t.clock.set('2026-11-27T09:00:00.000Z');
      await insertRate(t, { date: '2026-11-27', quote: 'USD', rate: '1.1' });
      const payment = { reference: 'GS-77', amountMinor: 2 * unit };
      const once = { ...ifMatch(2), 'idempotency-key': `pay-${claim.id}` };
      const paid = await pay(financeKey, claim.id, payment, once);
      expect(paid.statusCode, paid.body).toBe(200);
      // The same request again (a retry) replays the answer and posts nothing more.
      const replayed = await pay(financeKey, claim.id, payment, once);
      expect(replayed.statusCode, replayed.body).toBe(200);
      expect(replayed.json()).toEqual(paid.json());
      expect(await claimEntries(claim.id, financeKey)).toHaveLength(2);
      expect(paid.json()).toMatchObject({ status: 'paid', paidMinor: 2 * unit, receivableMinor: 0 });
      const creditedUsd = Math.round(2 * unit * 1.1);
      expect(creditedUsd).toBe(12_208);
      const paymentEntry = (await claimEntries(claim.id, financeKey)).find((e) => e.event === 'supplier_claim.paid')!;
      expect(linesOf(paymentEntry)).toEqual([
        ['2100', creditedUsd, 0],
        ['1250', 0, acceptedUsd],
        ['7900', 0, creditedUsd - acceptedUsd],
      ]);
      expect((await expectBooksMatchClaims(world.entity.id, PERIOD, financeKey)).receivable).toBe(0);
    });

    it('two answers or two payments at once: one stands, the other is refused, and the books post once', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world, { vendorRestockingFeeBps: 1000 });
      const claim = await shipAndClaim((await toVendor(world, supplier, { quantity: 2 })).vendorReturnId);
      const supplierKey = await apiKey({ role: 'supplier', partnerId: supplier.id });
      const answers = await Promise.all([
        decide(finance, claim.id, { decision: 'accept' }, ifMatch(1)),
        decide(supplierKey, claim.id, { decision: 'accept', note: 'ours, too' }, ifMatch(1)),
      ]);
      const statuses = answers.map((res) => res.statusCode).sort();
      expect(statuses[0], answers.map((res) => res.body).join('\n')).toBe(200);
      expect([409, 412]).toContain(statuses[1]);
      expect(answers.find((res) => res.statusCode === 200)!.json<Claim>()).toMatchObject({
        status: 'accepted',
        version: 2,
      });
      expect(await claimEntries(claim.id)).toHaveLength(1);
      await expectBooksMatchClaims(world.entity.id);
      const payments = await Promise.all(
        [1, 2].map(() => pay(finance, claim.id, { reference: 'CN-RACE', amountMinor: claim.claimedMinor }, ifMatch(2))),
      );
      const paymentStatuses = payments.map((res) => res.statusCode).sort();
      expect(paymentStatuses[0], payments.map((res) => res.body).join('\n')).toBe(200);
      expect([409, 412]).toContain(paymentStatuses[1]);
      expect(await claimEntries(claim.id)).toHaveLength(2);
      expect((await expectBooksMatchClaims(world.entity.id)).receivable).toBe(0);
    });

    it('nothing posts into a closed period: the answer is refused whole and the claim is as it was', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world);
      const claim = await shipAndClaim((await toVendor(world, supplier, { quantity: 1 })).vendorReturnId);
      // Finance's close of the current month, as if it had ended (the API refuses that today).
      await t.platform.db
        .insertInto('fiscal_period_closes')
        .values({ legal_entity_id: world.entity.id, period: PERIOD, closed_at: NOW, closed_by: 'test' })
        .execute();
      const refused = await decide(finance, claim.id, { decision: 'reject', note: 'late' }, ifMatch(1));
      expectProblem(refused, 422, 'rule_violation');
      expect(errorPaths(refused)).toEqual(['period']);
      expect(await getClaim(claim.id)).toMatchObject({
        status: 'submitted',
        version: 1,
        acceptedMinor: null,
        decidedAt: null,
        acknowledgedAt: null,
        receivableMinor: UNIT_COST,
      });
      expect(await claimEntries(claim.id)).toEqual([]);
      expect(await outboxOf('supplier_claim.decided', claim.id)).toEqual([]);
      await expectBooksMatchClaims(world.entity.id);
    });
  });

  describe('the reconciliation as at a period’s end', () => {
    interface Reconciliation {
      period: string | null;
      asOf: string;
      rows: Array<{
        role: string;
        ledgerMinor: number;
        subledgerMinor: number;
        units: number;
        differenceMinor: number;
      }>;
      subledgers: Array<{
        name: string;
        ledgerMinor: number;
        subledgerMinor: number;
        openItems: number;
        differenceMinor: number;
      }>;
      unvaluedUnits: number;
      isReconciled: boolean;
    }
    const reconcile = async (token: string, legalEntityId: string, period?: string) => {
      const query = new URLSearchParams({ legalEntityId, ...(period ? { period } : {}) });
      const res = await call(f, token, 'GET', `/ledger/reconciliation?${query.toString()}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Reconciliation>();
    };
    const subledger = (report: Reconciliation, name: string) => report.subledgers.find((row) => row.name === name)!;
    const unitsHeld = (report: Reconciliation) => report.rows.reduce((sum, row) => sum + row.units, 0);

    it('a closed month’s report reads as it did when the month ended: entries through its last day, stock rebuilt from the movements, documents as they stood', async () => {
      const world = await makeSiteWorld(t);
      const manager = await t.tokenFor('cs_manager');
      const quality = { ...f, quality: await apiKey({ role: 'quality' }) };
      // November: a claim open with its supplier, a credit issued and not yet used, a unit waiting for inspection.
      const supplier = await makeSupplier(world, { vendorRestockingFeeBps: 1000 });
      const claim = await shipAndClaim((await toVendor(world, supplier, { quantity: 2 })).vendorReturnId);
      const sold = await soldLine(f, world);
      const creditedReturn = await openReturn(f, manager, sold, { quantity: 2 });
      await inspectAndDispose(f, await receiveUnits(f, sold, creditedReturn.id, 2));
      const [draft] = await memosOfReturn(f, finance, creditedReturn.id);
      const memo = await approveAndIssue(f, finance, draft!);
      const waiting = await openReturn(f, manager, sold, { quantity: 1 });
      const waitingInspection = await receiveUnits(f, sold, waiting.id, 1);

      const now = await reconcile(finance, world.entity.id);
      expect(now).toMatchObject({ period: null, asOf: TODAY, isReconciled: true });
      const november = await reconcile(finance, world.entity.id, PERIOD);
      expect(november).toEqual({ ...now, period: PERIOD, asOf: '2026-11-30' });
      expect(subledger(november, 'supplier_claims')).toMatchObject({
        openItems: 1,
        subledgerMinor: (await getClaim(claim.id)).receivableMinor,
        differenceMinor: 0,
      });
      expect(subledger(november, 'customer_credits')).toMatchObject({
        openItems: 1,
        subledgerMinor: -memo.totalMinor,
        differenceMinor: 0,
      });
      // The two restocked units and the one waiting: the books carry each at 60.00.
      expect(unitsHeld(november)).toBe(3);

      // December: November is closed; the claim is answered and paid, the credit applied, the waiting unit put away.
      t.clock.set('2026-12-03T10:00:00.000Z');
      const closed = await call(f, financeKey, 'POST', '/ledger/periods/close', {
        legalEntityId: world.entity.id,
        period: PERIOD,
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect((await decide(financeKey, claim.id, { decision: 'accept' }, ifMatch(1))).statusCode).toBe(200);
      const paid = await pay(financeKey, claim.id, { reference: 'CN-P1', amountMinor: claim.claimedMinor }, ifMatch(2));
      expect(paid.statusCode, paid.body).toBe(200);
      const applied = await call(
        f,
        financeKey,
        'POST',
        `/credit-memos/${memo.id}/apply`,
        undefined,
        ifMatch(memo.version),
      );
      expect(applied.statusCode, applied.body).toBe(200);
      await inspectAndDispose(quality, waitingInspection, { grade: 'D', defectCodes: ['DEAD_ON_ARRIVAL'] });

      // November reads exactly as it did; December (and now) show the month's changes, reconciled.
      expect(await reconcile(financeKey, world.entity.id, PERIOD)).toEqual(november);
      const december = await reconcile(financeKey, world.entity.id, '2026-12');
      expect(december).toEqual({
        ...(await reconcile(financeKey, world.entity.id)),
        period: '2026-12',
        asOf: '2026-12-31',
      });
      expect(december.isReconciled).toBe(true);
      expect(subledger(december, 'supplier_claims')).toMatchObject({ openItems: 0, subledgerMinor: 0, ledgerMinor: 0 });
      expect(subledger(december, 'customer_credits')).toMatchObject({
        openItems: 0,
        subledgerMinor: 0,
        ledgerMinor: 0,
      });
      // Before anything happened the entity held nothing; a month that is not one is refused.
      const october = await reconcile(financeKey, world.entity.id, '2026-10');
      expect(october.rows.every((row) => row.ledgerMinor === 0 && row.units === 0)).toBe(true);
      expect(october.subledgers.every((row) => row.ledgerMinor === 0 && row.openItems === 0)).toBe(true);
      expectProblem(
        await call(f, financeKey, 'GET', `/ledger/reconciliation?legalEntityId=${world.entity.id}&period=2026-13`),
        400,
      );
    });
  });

  describe('aging and the listing', () => {
    it('ages open claims in buckets and times the reimbursement cycle; a closed month keeps what it held', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world, { vendorRestockingFeeBps: 1000 });
      const paidLater = await shipAndClaim((await toVendor(world, supplier, { quantity: 1 })).vendorReturnId);
      const acceptedLater = await shipAndClaim((await toVendor(world, supplier, { quantity: 2 })).vendorReturnId);
      const leftOpen = await shipAndClaim((await toVendor(world, supplier, { quantity: 3 })).vendorReturnId);
      const claimed = [paidLater, acceptedLater, leftOpen].map((c) => c.claimedMinor);
      expect(claimed).toEqual([5400, 10_800, 16_200]);

      const aging = async (token: string, query = `?supplierId=${supplier.id}`) => {
        const res = await call(f, token, 'GET', `/supplier-claims/aging${query}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ asOf: string; rows: AgingRow[] }>();
      };
      const empty = { count: 0, amountMinor: 0 };
      expect(await aging(finance)).toEqual({
        asOf: TODAY,
        rows: [
          {
            supplierId: supplier.id,
            supplierName: supplier.name,
            currency: 'USD',
            buckets: { '0-30': { count: 3, amountMinor: 32_400 }, '31-60': empty, '61-90': empty, '90+': empty },
            openCount: 3,
            openAmountMinor: 32_400,
            paidCount: 0,
            averageDaysToPay: null,
            medianDaysToPay: null,
          },
        ],
      });
      const novemberBefore = await trialBalanceOf(f, finance, world.entity.id, PERIOD);

      // Ten days on, in December: finance closes November, then the first claim is answered and paid.
      t.clock.set('2026-12-06T10:00:00.000Z');
      const closed = await call(f, financeKey, 'POST', '/ledger/periods/close', {
        legalEntityId: world.entity.id,
        period: PERIOD,
      });
      expect(closed.statusCode, closed.body).toBe(200);
      const accept = await decide(financeKey, paidLater.id, { decision: 'accept' }, ifMatch(1));
      expect(accept.statusCode, accept.body).toBe(200);
      const paid = await pay(financeKey, paidLater.id, { reference: 'CN-10', amountMinor: 5400 }, ifMatch(2));
      expect(paid.statusCode, paid.body).toBe(200);
      expect(paid.json()).toMatchObject({ status: 'paid', ageDays: 10, paidAt: '2026-12-06T10:00:00.000Z' });
      // The fee was written off at submission, in November; the payment posted in December (the
      // acceptance, as claimed, needed no entry). November's books are as they were when it closed.
      expect((await claimEntries(paidLater.id, financeKey)).map((e) => [e.event, e.period])).toEqual([
        ['supplier_claim.paid', '2026-12'],
        ['supplier_claim.submitted', '2026-11'],
      ]);
      expect(await trialBalanceOf(f, financeKey, world.entity.id, PERIOD)).toEqual({
        ...novemberBefore,
        isClosed: true,
      });
      await expectBooksMatchClaims(world.entity.id, '2026-12', financeKey);

      // Forty days after submission: the open ones are 31-60 days old; the accepted one is owed what was accepted.
      t.clock.set('2027-01-05T10:00:00.000Z');
      const accepted = await decide(financeKey, acceptedLater.id, { decision: 'accept' }, ifMatch(1));
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(await aging(financeKey)).toEqual({
        asOf: '2027-01-05',
        rows: [
          expect.objectContaining({
            supplierId: supplier.id,
            buckets: {
              '0-30': empty,
              '31-60': { count: 2, amountMinor: 10_800 + 16_200 },
              '61-90': empty,
              '90+': empty,
            },
            openCount: 2,
            openAmountMinor: 27_000,
            paidCount: 1,
            averageDaysToPay: 10,
            medianDaysToPay: 10,
          }),
        ],
      });
      expect((await getClaim(leftOpen.id, financeKey)).ageDays).toBe(40);
      // A paid claim's age stops at its payment.
      expect((await getClaim(paidLater.id, financeKey)).ageDays).toBe(10);
      await expectBooksMatchClaims(world.entity.id, '2027-01', financeKey);
    });

    it('filters by status, openness, supplier, return, entity, dates and number; bad queries are 400', async () => {
      const world = await makeSiteWorld(t);
      const one = await makeSupplier(world);
      const two = await makeSupplier(world);
      const r = await toVendor(world, one, { quantity: 1 });
      const rejected = await shipAndClaim(r.vendorReturnId);
      const open = await shipAndClaim((await toVendor(world, one, { quantity: 1 })).vendorReturnId);
      const other = await shipAndClaim((await toVendor(world, two, { quantity: 1 })).vendorReturnId);
      const decided = await decide(finance, rejected.id, { decision: 'reject', note: 'no' }, ifMatch(1));
      expect(decided.statusCode, decided.body).toBe(200);

      const ids = async (query: Record<string, string>) =>
        (await listClaims(finance, { legalEntityId: world.entity.id, ...query })).map((c) => c.id).sort();
      const sorted = (...list: Array<{ id: string }>) => list.map((c) => c.id).sort();
      expect(await ids({})).toEqual(sorted(rejected, open, other));
      expect(await ids({ status: 'rejected' })).toEqual([rejected.id]);
      expect(await ids({ status: 'submitted' })).toEqual(sorted(open, other));
      expect(await ids({ open: 'true' })).toEqual(sorted(open, other));
      expect(await ids({ open: 'false' })).toEqual([rejected.id]);
      expect(await ids({ open: 'true', supplierId: one.id })).toEqual([open.id]);
      expect(await ids({ supplierId: two.id })).toEqual([other.id]);
      expect(await ids({ rmaId: r.rma.id })).toEqual([rejected.id]);
      expect(await ids({ q: open.claimNumber })).toEqual([open.id]);
      expect(await ids({ q: open.claimNumber.toLowerCase() })).toEqual([open.id]);
      expect(await ids({ q: other.vendorReturnNumber! })).toEqual([other.id]);
      expect(await ids({ q: 'SC-9999999' })).toEqual([]);
      expect(await ids({ submittedFrom: TODAY, submittedTo: TODAY })).toEqual(sorted(rejected, open, other));
      expect(await ids({ submittedTo: '2026-11-25' })).toEqual([]);
      expect(await ids({ submittedFrom: '2026-11-27' })).toEqual([]);
      expect(await listClaims(finance, { legalEntityId: 'le_missing' })).toEqual([]);

      // Newest first, paged.
      const page = await call(f, finance, 'GET', `/supplier-claims?legalEntityId=${world.entity.id}&pageSize=2`);
      expect(page.json()).toMatchObject({ total: 3 });
      expect(page.json().items).toHaveLength(2);

      for (const query of [
        'status=lost',
        'open=yes',
        'pageSize=0',
        'pageSize=201',
        'submittedFrom=26.11.2026',
        'colour=red',
        `q=${'x'.repeat(101)}`,
      ])
        expectProblem(await call(f, finance, 'GET', `/supplier-claims?${query}`), 400);
      expectProblem(await call(f, finance, 'GET', '/supplier-claims/aging?status=open'), 400);
      expectProblem(await call(f, finance, 'GET', '/supplier-claims/scl_missing'), 404, 'not_found');
      const openapi = await t.request(null, { method: 'GET', url: '/api/v1/openapi.json' });
      expect(openapi.statusCode).toBe(200);
      expect(Object.keys(openapi.json<{ paths: object }>().paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/supplier-claims',
          '/api/v1/supplier-claims/aging',
          '/api/v1/supplier-claims/{id}',
          '/api/v1/supplier-claims/{id}/acknowledge',
          '/api/v1/supplier-claims/{id}/decision',
          '/api/v1/supplier-claims/{id}/payment',
        ]),
      );
      for (const path of ['acknowledge', 'decision', 'payment'])
        expectProblem(
          await call(
            f,
            finance,
            'POST',
            `/supplier-claims/scl_missing/${path}`,
            path === 'acknowledge'
              ? {}
              : path === 'decision'
                ? { decision: 'accept' }
                : { reference: 'CN', amountMinor: 1 },
            ifMatch(1),
          ),
          404,
        );
    });
  });
});
