// What operations do with what dispositions opened, through the API: ship a vendor return (the
// supplier's authorization when its terms ask for one), release a quarantine hold each way, sell a
// liquidation lot, ship goods back to the customer. Each moves the stock and records the change in
// one transaction; the stock and its movements are read back through the inventory API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/common.js';
import { PERMISSIONS } from '../../src/contracts/permissions.js';
import { createMasterRecord, SUPPLIERS } from '../../src/masterdata/index.js';
import { systemContext } from '../../src/platform/actor.js';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer } from '../support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  call,
  completeInspection,
  dispose,
  ifMatch,
  makeRepairPartner,
  makeSiteWorld,
  partnerToken,
  receivedReturn,
  startFlow,
  stockOf,
  type Flow,
  type SiteWorld,
} from './support/inspection-flow.js';

interface Movement {
  kind: string;
  from: { status: string; locationCode: string } | null;
  to: { status: string; locationCode: string } | null;
  quantity: number;
  sourceType: string | null;
  sourceId: string | null;
}

describe.each(DIALECTS)('operations after disposition on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let supplierSeq = 0;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
  });
  afterAll(() => t.close());

  async function makeSupplier(world: SiteWorld, requiresRtvAuthorization: boolean) {
    supplierSeq += 1;
    return createMasterRecord(
      t.platform,
      systemContext('test'),
      SUPPLIERS,
      SUPPLIERS.inputSchema.parse({
        code: `SUP-${dialect.slice(0, 2).toUpperCase()}${supplierSeq}`,
        name: `Supplier ${supplierSeq}`,
        legalEntityId: world.entity.id,
        currency: 'USD',
        requiresRtvAuthorization,
      }),
    );
  }

  /** A return of `quantity` units received at the world's site, inspected, and disposed with `code`. */
  async function disposed(
    world: SiteWorld,
    code: string,
    options: { quantity?: number; supplierId?: string; grade?: string; defectCodes?: string[]; findings?: string } = {},
  ) {
    const r = await receivedReturn(f, {
      world,
      quantity: options.quantity ?? 2,
      ...(options.supplierId ? { product: { supplierId: options.supplierId } } : {}),
    });
    const inspection = r.inspections[0]!;
    await completeInspection(f, inspection.id, {
      grade: options.grade ?? 'C',
      defectCodes: options.defectCodes ?? ['COSMETIC'],
      findings: options.findings ?? 'scuffed housing',
    });
    const { response } = await dispose(f, inspection.id, { code, overrideReason: 'decided by the test' });
    expect(response.statusCode, response.body).toBe(201);
    const disposition = response.json<{ id: string; followUpType: string; followUpId: string }>();
    return { ...r, disposition };
  }

  async function movementsOf(productId: string): Promise<Movement[]> {
    const res = await call(f, f.warehouse, 'GET', `/stock/movements?productId=${productId}&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Movement[] }>().items;
  }

  async function outboxOf(type: string, aggregateId: string) {
    const rows = await t.platform.db
      .selectFrom('outbox_events')
      .select(['payload'])
      .where('event_type', '=', type)
      .where('aggregate_id', '=', aggregateId)
      .execute();
    return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  }

  function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
    expect(res.statusCode, res.body).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  }

  describe('vendor returns', () => {
    it('ships a vendor return: the units leave stock, the supplier is notified, and it ships once', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world, true);
      const r = await disposed(world, 'RETURN_TO_VENDOR', {
        supplierId: supplier.id,
        grade: 'D',
        defectCodes: ['DEAD_ON_ARRIVAL'],
        findings: 'does not power on',
      });
      expect(r.disposition.followUpType).toBe('vendor_return');
      const id = r.disposition.followUpId;
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'on_vendor_return', location: 'RTV', quantity: 2, serial: null },
      ]);

      const read = await call(f, f.warehouse, 'GET', `/vendor-returns/${id}`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      const document = read.json();
      expect(document).toMatchObject({
        status: 'open',
        supplierId: supplier.id,
        supplierCode: supplier.code,
        supplierName: supplier.name,
        siteId: world.site.id,
        siteCode: world.site.code,
        units: 2,
        valueMinor: 12000,
        currency: 'USD',
      });
      expect(document.lines).toHaveLength(1);
      expect(document.lines[0]).toMatchObject({
        rmaId: r.rma.id,
        rmaNumber: r.rma.rmaNumber,
        productId: r.product.id,
        productSku: r.product.sku,
        quantity: 2,
        grade: 'D',
        evidence: { defectCodes: ['DEAD_ON_ARRIVAL'], findings: 'does not power on', noFaultFound: false },
      });

      const url = `/vendor-returns/${id}/ship`;
      const body = { carrierReference: '1Z999AA10123456784', supplierAuthorization: 'RA-4711' };
      expectProblem(await call(f, f.warehouse, 'POST', url, body), 428);
      expectProblem(await call(f, f.warehouse, 'POST', url, body, ifMatch(7)), 412);
      // Quality may release holds but not ship: shipping is the warehouse's.
      expectProblem(await call(f, f.quality, 'POST', url, body, ifMatch(1)), 403);
      const withoutAuthorization = await call(
        f,
        f.warehouse,
        'POST',
        url,
        { carrierReference: '1Z999AA10123456784' },
        ifMatch(1),
      );
      expectProblem(withoutAuthorization, 400);
      expect(withoutAuthorization.json().errors).toEqual([expect.objectContaining({ path: 'supplierAuthorization' })]);
      // Nothing moved while it was refused.
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'on_vendor_return', location: 'RTV', quantity: 2, serial: null },
      ]);

      const shipped = await call(f, f.warehouse, 'POST', url, body, ifMatch(1));
      expect(shipped.statusCode, shipped.body).toBe(200);
      expect(shipped.headers.etag).toBe('"2"');
      expect(shipped.json()).toMatchObject({
        status: 'shipped',
        carrierReference: '1Z999AA10123456784',
        supplierAuthorization: 'RA-4711',
        shippedBy: expect.any(String),
        shippedAt: expect.any(String),
        version: 2,
      });
      expect(await stockOf(f, r.product.id)).toEqual([]);
      const [last] = await movementsOf(r.product.id);
      expect(last).toMatchObject({
        kind: 'issue',
        from: { status: 'on_vendor_return', locationCode: 'RTV' },
        to: null,
        quantity: 2,
        sourceType: 'vendor_return',
        sourceId: id,
      });
      const events = await outboxOf('vendor_return.shipped', id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        supplierId: supplier.id,
        number: document.vendorReturnNumber,
        supplierAuthorization: 'RA-4711',
        lines: [expect.objectContaining({ productId: r.product.id, quantity: 2, rmaId: r.rma.id })],
      });

      expectProblem(await call(f, f.warehouse, 'POST', url, body, ifMatch(2)), 409);
      expect(await outboxOf('vendor_return.shipped', id)).toHaveLength(1);
      const shippedList = await call(f, f.warehouse, 'GET', `/vendor-returns?status=shipped&siteId=${world.site.id}`);
      expect(shippedList.json().items.map((v: { id: string }) => v.id)).toEqual([id]);
      const openList = await call(f, f.warehouse, 'GET', `/vendor-returns?status=open&siteId=${world.site.id}`);
      expect(openList.json()).toMatchObject({ items: [], total: 0 });
    });

    it('collects two returns to one supplier at one site on one document; after it ships, a new one opens', async () => {
      const world = await makeSiteWorld(t);
      const supplier = await makeSupplier(world, false);
      const first = await disposed(world, 'RETURN_TO_VENDOR', { supplierId: supplier.id, quantity: 2 });
      const second = await disposed(world, 'RETURN_TO_VENDOR', { supplierId: supplier.id, quantity: 3 });
      const id = first.disposition.followUpId;
      expect(second.disposition.followUpId).toBe(id);

      const list = await call(f, f.warehouse, 'GET', `/vendor-returns?status=open&siteId=${world.site.id}`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().total).toBe(1);
      const document = list.json().items[0];
      // The second line changed the document: whoever read it with one line may not ship it as read.
      expect(document).toMatchObject({ id, units: 5, valueMinor: 5 * 6000, version: 2 });
      expect(document.lines.map((l: { rmaId: string }) => l.rmaId).sort()).toEqual(
        [first.rma.id, second.rma.id].sort(),
      );
      expectProblem(
        await call(
          f,
          f.warehouse,
          'POST',
          `/vendor-returns/${id}/ship`,
          { carrierReference: 'PRO-778812' },
          ifMatch(1),
        ),
        412,
      );
      expect((await stockOf(f, first.product.id)).map((row) => row.status)).toEqual(['on_vendor_return']);

      // This supplier's terms ask for no authorization of its own.
      const shipped = await call(
        f,
        f.warehouse,
        'POST',
        `/vendor-returns/${id}/ship`,
        { carrierReference: 'PRO-778812' },
        ifMatch(2),
      );
      expect(shipped.statusCode, shipped.body).toBe(200);
      expect(shipped.json()).toMatchObject({ status: 'shipped', supplierAuthorization: '', units: 5 });
      expect(await stockOf(f, first.product.id)).toEqual([]);
      expect(await stockOf(f, second.product.id)).toEqual([]);

      const third = await disposed(world, 'RETURN_TO_VENDOR', { supplierId: supplier.id, quantity: 1 });
      expect(third.disposition.followUpId).not.toBe(id);
      const reopened = await call(f, f.warehouse, 'GET', `/vendor-returns/${third.disposition.followUpId}`);
      expect(reopened.json()).toMatchObject({ status: 'open', units: 1 });
    });
  });

  describe('quarantine holds', () => {
    async function held(world: SiteWorld, options: { supplierId?: string } = {}) {
      const r = await disposed(world, 'QUARANTINE', options);
      expect(r.disposition.followUpType).toBe('quarantine_hold');
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'quarantined', location: 'QUARANTINE', quantity: 2, serial: null },
      ]);
      return { ...r, holdId: r.disposition.followUpId };
    }

    const release = (token: string, holdId: string, body: object, version = 1) =>
      call(f, token, 'POST', `/quarantine-holds/${holdId}/release`, body, ifMatch(version));

    it('releases to restock: saleable at the put-away location; only quality may release, and only once', async () => {
      const world = await makeSiteWorld(t);
      const r = await held(world);
      const list = await call(f, f.warehouse, 'GET', `/quarantine-holds?status=held&siteId=${world.site.id}`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((h: { id: string }) => h.id)).toEqual([r.holdId]);
      const read = await call(f, f.warehouse, 'GET', `/quarantine-holds/${r.holdId}`);
      expect(read.headers.etag).toBe('"1"');
      expect(read.json()).toMatchObject({ status: 'held', rmaId: r.rma.id, quantity: 2, releaseAction: null });

      const body = { action: 'restock', reason: 'lab cleared the batch' };
      expectProblem(await release(f.warehouse, r.holdId, body), 403);
      expectProblem(await call(f, f.quality, 'POST', `/quarantine-holds/${r.holdId}/release`, body), 428);
      expectProblem(await release(f.quality, r.holdId, body, 3), 412);
      expectProblem(await release(f.quality, r.holdId, { action: 'restock', reason: '  ' }), 400);
      expectProblem(await release(f.quality, r.holdId, { action: 'repair', reason: 'x' }), 400);
      expect((await call(f, f.warehouse, 'GET', `/quarantine-holds/${r.holdId}`)).json().status).toBe('held');

      const released = await release(f.quality, r.holdId, body);
      expect(released.statusCode, released.body).toBe(200);
      expect(released.headers.etag).toBe('"2"');
      expect(released.json()).toMatchObject({
        status: 'released',
        releaseAction: 'restock',
        releaseReason: 'lab cleared the batch',
        releasedBy: expect.any(String),
        releasedAt: expect.any(String),
      });
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'saleable', location: 'RESTOCK', quantity: 2, serial: null },
      ]);
      const [last] = await movementsOf(r.product.id);
      expect(last).toMatchObject({
        kind: 'move',
        from: { status: 'quarantined' },
        to: { status: 'saleable', locationCode: 'RESTOCK' },
        sourceType: 'quarantine_hold',
        sourceId: r.holdId,
      });
      expectProblem(await release(f.quality, r.holdId, body, 2), 409);
      const releasedList = await call(
        f,
        f.warehouse,
        'GET',
        `/quarantine-holds?status=released&siteId=${world.site.id}`,
      );
      expect(releasedList.json().items.map((h: { id: string }) => h.id)).toEqual([r.holdId]);
    });

    it('releases to scrap only with a write-off approver, and records the disposal', async () => {
      const world = await makeSiteWorld(t);
      const r = await held(world);
      const body = { action: 'scrap', reason: 'contaminated' };
      // No built-in role may release holds without approving write-offs; take it away from quality
      // for a moment to show the release asks for both.
      const approvers = PERMISSIONS['disposition.approve_scrap'] as unknown as Role[];
      const saved = [...approvers];
      approvers.splice(approvers.indexOf('quality'), 1);
      try {
        expectProblem(await release(f.quality, r.holdId, body), 403);
      } finally {
        approvers.splice(0, approvers.length, ...saved);
      }
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'quarantined', location: 'QUARANTINE', quantity: 2, serial: null },
      ]);

      const released = await release(f.quality, r.holdId, body);
      expect(released.statusCode, released.body).toBe(200);
      expect(released.json()).toMatchObject({ status: 'released', releaseAction: 'scrap' });
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'scrapped', location: 'SCRAP', quantity: 2, serial: null },
      ]);
      const disposals = await call(f, f.warehouse, 'GET', `/disposals?siteId=${world.site.id}`);
      expect(disposals.statusCode, disposals.body).toBe(200);
      expect(disposals.json()).toMatchObject({ total: 1 });
      expect(disposals.json().items[0]).toMatchObject({
        sourceType: 'quarantine_hold',
        sourceId: r.holdId,
        method: 'scrap',
        reason: 'contaminated',
        rmaId: r.rma.id,
        productId: r.product.id,
        quantity: 2,
        currency: 'USD',
        valueWrittenOffMinor: 12000,
        approvedBy: expect.any(String),
      });
    });

    it('releases to the vendor only when the product has a supplier', async () => {
      const world = await makeSiteWorld(t);
      const orphan = await held(world);
      const refused = await release(f.quality, orphan.holdId, { action: 'return_to_vendor', reason: 'vendor fault' });
      expectProblem(refused, 422);
      expect((await call(f, f.warehouse, 'GET', `/quarantine-holds/${orphan.holdId}`)).json().status).toBe('held');
      expect(await stockOf(f, orphan.product.id)).toEqual([
        { status: 'quarantined', location: 'QUARANTINE', quantity: 2, serial: null },
      ]);

      const supplier = await makeSupplier(world, false);
      const r = await held(world, { supplierId: supplier.id });
      const released = await release(f.quality, r.holdId, { action: 'return_to_vendor', reason: 'vendor fault' });
      expect(released.statusCode, released.body).toBe(200);
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'on_vendor_return', location: 'RTV', quantity: 2, serial: null },
      ]);
      const documents = await call(f, f.warehouse, 'GET', `/vendor-returns?status=open&siteId=${world.site.id}`);
      expect(documents.json().items).toEqual([
        expect.objectContaining({
          supplierId: supplier.id,
          units: 2,
          lines: [expect.objectContaining({ dispositionId: r.disposition.id, rmaId: r.rma.id, quantity: 2 })],
        }),
      ]);
    });

    it('releases to the secondary channel onto the site lot, which is sold: the units leave stock', async () => {
      const world = await makeSiteWorld(t);
      const direct = await disposed(world, 'SECONDARY_CHANNEL', { grade: 'B' });
      expect(direct.disposition.followUpType).toBe('liquidation_lot');
      const r = await held(world);
      const released = await release(f.quality, r.holdId, { action: 'secondary_channel', reason: 'sell as B-stock' });
      expect(released.statusCode, released.body).toBe(200);
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'secondary_channel', location: 'B-STOCK', quantity: 2, serial: null },
      ]);

      const lots = await call(f, f.warehouse, 'GET', `/liquidation-lots?status=open&siteId=${world.site.id}`);
      expect(lots.statusCode, lots.body).toBe(200);
      expect(lots.json().total).toBe(1);
      const lot = lots.json().items[0];
      expect(lot.id).toBe(direct.disposition.followUpId);
      // Grade B at 85 % of 6000, grade C at 60 %.
      // Its second line made it version 2.
      expect(lot).toMatchObject({
        status: 'open',
        currency: 'USD',
        units: 4,
        valueMinor: 2 * 5100 + 2 * 3600,
        version: 2,
      });
      expect(lot.lines.map((l: { rmaId: string }) => l.rmaId).sort()).toEqual([direct.rma.id, r.rma.id].sort());

      const url = `/liquidation-lots/${lot.id}/sell`;
      expectProblem(
        await call(f, f.warehouse, 'POST', url, { buyer: 'Outlet Co', proceedsMinor: -1 }, ifMatch(2)),
        400,
      );
      expectProblem(await call(f, f.warehouse, 'POST', url, { buyer: ' ', proceedsMinor: 100 }, ifMatch(2)), 400);
      expectProblem(
        await call(f, f.warehouse, 'POST', url, { buyer: 'Outlet Co', proceedsMinor: 1.5 }, ifMatch(2)),
        400,
      );
      expectProblem(await call(f, f.warehouse, 'POST', url, { buyer: 'Outlet Co', proceedsMinor: 100 }), 428);
      expectProblem(await call(f, f.quality, 'POST', url, { buyer: 'Outlet Co', proceedsMinor: 100 }, ifMatch(2)), 403);

      expectProblem(
        await call(f, f.warehouse, 'POST', url, { buyer: 'Outlet Co', proceedsMinor: 100 }, ifMatch(1)),
        412,
      );
      const sold = await call(f, f.warehouse, 'POST', url, { buyer: 'Outlet Co', proceedsMinor: 9000 }, ifMatch(2));
      expect(sold.statusCode, sold.body).toBe(200);
      expect(sold.headers.etag).toBe('"3"');
      expect(sold.json()).toMatchObject({ status: 'sold', buyer: 'Outlet Co', proceedsMinor: 9000, units: 4 });
      expect(await stockOf(f, r.product.id)).toEqual([]);
      expect(await stockOf(f, direct.product.id)).toEqual([]);
      const [last] = await movementsOf(direct.product.id);
      expect(last).toMatchObject({
        kind: 'issue',
        from: { status: 'secondary_channel' },
        to: null,
        sourceType: 'liquidation_lot',
        sourceId: lot.id,
      });
      const events = await outboxOf('liquidation_lot.sold', lot.id);
      expect(events).toEqual([expect.objectContaining({ buyer: 'Outlet Co', proceedsMinor: 9000, currency: 'USD' })]);
      expectProblem(
        await call(f, f.warehouse, 'POST', url, { buyer: 'Outlet Co', proceedsMinor: 9000 }, ifMatch(3)),
        409,
      );
    });

    it('releases back to the customer: held in the shipping bay, then shipped out of stock', async () => {
      const world = await makeSiteWorld(t);
      const r = await held(world);
      const released = await release(f.quality, r.holdId, { action: 'return_to_customer', reason: 'not ours' });
      expect(released.statusCode, released.body).toBe(200);
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'quarantined', location: 'SHIP-BACK', quantity: 2, serial: null },
      ]);
      const list = await call(
        f,
        f.warehouse,
        'GET',
        `/customer-return-shipments?status=awaiting_shipment&siteId=${world.site.id}`,
      );
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({
          rmaId: r.rma.id,
          rmaNumber: r.rma.rmaNumber,
          siteCode: world.site.code,
          productSku: r.product.sku,
          customerId: world.customer.id,
          customerName: expect.any(String),
          reason: 'not ours',
          quantity: 2,
          status: 'awaiting_shipment',
        }),
      ]);
    });
  });

  describe('shipments back to customers', () => {
    it('ships goods back to the customer: the units leave stock and the customer is told', async () => {
      const world = await makeSiteWorld(t);
      const r = await disposed(world, 'RETURN_TO_CUSTOMER');
      expect(r.disposition.followUpType).toBe('customer_return_shipment');
      const id = r.disposition.followUpId;
      expect(await stockOf(f, r.product.id)).toEqual([
        { status: 'quarantined', location: 'SHIP-BACK', quantity: 2, serial: null },
      ]);
      const url = `/customer-return-shipments/${id}/ship`;
      expectProblem(await call(f, f.warehouse, 'POST', url, { carrierReference: '' }, ifMatch(1)), 400);
      expectProblem(await call(f, f.warehouse, 'POST', url, { carrierReference: '   ' }, ifMatch(1)), 400);
      expectProblem(await call(f, f.warehouse, 'POST', url, { carrierReference: '1Z1', extra: true }, ifMatch(1)), 400);
      expectProblem(await call(f, f.warehouse, 'POST', url, { carrierReference: '1Z1' }), 428);
      expectProblem(await call(f, f.warehouse, 'POST', url, { carrierReference: '1Z1' }, ifMatch(4)), 412);

      const shipped = await call(f, f.warehouse, 'POST', url, { carrierReference: '1Z1' }, ifMatch(1));
      expect(shipped.statusCode, shipped.body).toBe(200);
      expect(shipped.headers.etag).toBe('"2"');
      expect(shipped.json()).toMatchObject({
        status: 'shipped',
        carrierReference: '1Z1',
        customerId: world.customer.id,
      });
      expect(await stockOf(f, r.product.id)).toEqual([]);
      const [last] = await movementsOf(r.product.id);
      expect(last).toMatchObject({
        kind: 'issue',
        from: { status: 'quarantined', locationCode: 'SHIP-BACK' },
        to: null,
        quantity: 2,
        sourceType: 'customer_return_shipment',
        sourceId: id,
      });
      expect(await outboxOf('customer_return_shipment.shipped', id)).toEqual([
        expect.objectContaining({ customerId: world.customer.id, rmaId: r.rma.id, carrierReference: '1Z1' }),
      ]);
      expectProblem(await call(f, f.warehouse, 'POST', url, { carrierReference: '1Z1' }, ifMatch(2)), 409);
      const list = await call(
        f,
        f.warehouse,
        'GET',
        `/customer-return-shipments?status=shipped&siteId=${world.site.id}`,
      );
      expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([id]);
    });
  });

  describe('access and bad input', () => {
    it('answers unknown records with 404 and bad queries with 400, as problem+json', async () => {
      for (const url of [
        '/vendor-returns/vr_missing',
        '/quarantine-holds/qh_missing',
        '/liquidation-lots/liq_missing',
        '/customer-return-shipments/crs_missing',
      ])
        expectProblem(await call(f, f.warehouse, 'GET', url), 404);
      expectProblem(
        await call(f, f.warehouse, 'POST', '/vendor-returns/vr_missing/ship', { carrierReference: 'X' }, ifMatch(1)),
        404,
      );
      expectProblem(
        await call(
          f,
          f.quality,
          'POST',
          '/quarantine-holds/qh_missing/release',
          { action: 'restock', reason: 'x' },
          ifMatch(1),
        ),
        404,
      );
      expectProblem(
        await call(
          f,
          f.warehouse,
          'POST',
          '/liquidation-lots/liq_missing/sell',
          { buyer: 'B', proceedsMinor: 1 },
          ifMatch(1),
        ),
        404,
      );
      expectProblem(
        await call(
          f,
          f.warehouse,
          'POST',
          '/customer-return-shipments/crs_missing/ship',
          { carrierReference: 'X' },
          ifMatch(1),
        ),
        404,
      );
      expectProblem(await call(f, f.warehouse, 'GET', '/vendor-returns?status=lost'), 400);
      expectProblem(await call(f, f.warehouse, 'GET', '/quarantine-holds?status=open'), 400);
      expectProblem(await call(f, f.warehouse, 'GET', '/liquidation-lots?pageSize=0'), 400);
      expectProblem(await call(f, f.warehouse, 'GET', '/disposals?status=open'), 400);
      expectProblem(
        await call(
          f,
          f.warehouse,
          'POST',
          '/vendor-returns/vr_missing/ship',
          { carrierReference: 'X' },
          { 'if-match': 'abc' },
        ),
        400,
      );
    });

    it('shows none of it to customers or repair partners', async () => {
      const world = await makeSiteWorld(t);
      const r = await disposed(world, 'QUARANTINE');
      const customer = await makeCustomer(t.platform, world.entity.id);
      const customerToken = await t.tokenFor('customer', { customerId: customer.id });
      const ownerToken = await t.tokenFor('customer', { customerId: world.customer.id });
      for (const token of [customerToken, ownerToken]) {
        for (const url of [
          '/vendor-returns',
          '/quarantine-holds',
          `/quarantine-holds/${r.disposition.followUpId}`,
          '/liquidation-lots',
          '/customer-return-shipments',
          '/disposals',
        ])
          expectProblem(await call(f, token, 'GET', url), 403);
        expectProblem(
          await call(
            f,
            token,
            'POST',
            `/quarantine-holds/${r.disposition.followUpId}/release`,
            { action: 'restock', reason: 'mine' },
            ifMatch(1),
          ),
          403,
        );
      }
      const repairs = await makeRepairPartner(f, world.entity.id, `RP${dialect.slice(0, 2).toUpperCase()}`);
      const partner = await partnerToken(f, repairs.id);
      expectProblem(await call(f, partner, 'GET', '/vendor-returns'), 403);
      expectProblem(await call(f, partner, 'GET', `/quarantine-holds/${r.disposition.followUpId}`), 403);
      expect((await call(f, f.warehouse, 'GET', `/quarantine-holds/${r.disposition.followUpId}`)).json().status).toBe(
        'held',
      );
    });
  });
});
