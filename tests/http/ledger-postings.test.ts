// What the books record as returned goods move, through the API on both databases: a receipt
// brings the goods' cost back from cost of goods sold into returns awaiting inspection; every
// disposition path and what follows it (repair outcome, vendor shipment, hold release, lot sale,
// shipment back to the customer) moves that same carrying value to the account of where the units
// went. Goods of another currency are valued at the day's rate — or refused, with nothing written,
// when there is none — and nothing posts into a closed period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMasterRecord, SUPPLIERS } from '../../src/masterdata/index.js';
import { systemContext } from '../../src/platform/actor.js';
import { DIALECTS } from '../support/databases.js';
import { makeOrder, makeProduct } from '../support/factories.js';
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
import {
  authorizedReturn,
  entries,
  insertRate,
  linesOf,
  makeEntityWorld,
  netByCode,
  receive,
  trialBalanceOf,
  type AuthorizedReturn,
  type Entry,
} from './support/ledger-flow.js';

const PERIOD = TODAY.slice(0, 7);
/** Two units of the factories' product (6000 minor units each, in USD, at a USD entity). */
const VALUE = 2 * 6000;

describe.each(DIALECTS)('ledger postings on %s', (dialect) => {
  let t: TestApp;
  let f: Flow;
  let finance: string;
  let supplierSeq = 0;
  const entities = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await startFlow(t);
    finance = await t.tokenFor('finance');
  });
  afterAll(() => t.close());

  const world = async () => {
    const w = await makeSiteWorld(t);
    entities.add(w.entity.id);
    return w;
  };

  const entriesOfReturn = (rmaId: string) => entries(f, finance, { rmaId });

  /** The one entry recorded for a source document. */
  async function entryOf(sourceType: string, sourceId: string): Promise<Entry> {
    const found = await entries(f, finance, { sourceType, sourceId });
    expect(found, `${sourceType} ${sourceId}`).toHaveLength(1);
    return found[0]!;
  }

  async function makeSupplier(w: SiteWorld) {
    supplierSeq += 1;
    return createMasterRecord(
      t.platform,
      systemContext('test'),
      SUPPLIERS,
      SUPPLIERS.inputSchema.parse({
        code: `SUP-L${dialect.slice(0, 2).toUpperCase()}${supplierSeq}`,
        name: `Supplier ${supplierSeq}`,
        legalEntityId: w.entity.id,
        currency: 'USD',
        requiresRtvAuthorization: false,
      }),
    );
  }

  /** Two units received at a world of their own, inspected, and disposed with `code`. */
  async function disposed(code: string, options: { supplier?: boolean; grade?: string } = {}) {
    const w = await world();
    const supplier = options.supplier ? await makeSupplier(w) : null;
    const r = await receivedReturn(f, {
      world: w,
      quantity: 2,
      ...(supplier ? { product: { supplierId: supplier.id } } : {}),
    });
    const inspection = r.inspections[0]!;
    await completeInspection(f, inspection.id, {
      grade: options.grade ?? 'C',
      defectCodes: ['COSMETIC'],
      findings: 'scuffed',
    });
    const { response } = await dispose(f, inspection.id, { code, overrideReason: 'decided by the ledger test' });
    expect(response.statusCode, response.body).toBe(201);
    const disposition = response.json<{ id: string; followUpType: string | null; followUpId: string | null }>();
    const entry = await entryOf('disposition', disposition.id);
    expect(entry).toMatchObject({
      event: 'disposition.executed',
      rmaId: r.rma.id,
      legalEntityId: w.entity.id,
      currency: 'USD',
      period: PERIOD,
      postingDate: TODAY,
      reversesEntryId: null,
    });
    return { ...r, disposition, entry };
  }

  /** What the return's entries add up to per account, after everything that happened to it. */
  const netOfReturn = async (rmaId: string) => netByCode(await entriesOfReturn(rmaId));

  describe('receipts', () => {
    it('a receipt posts one entry, linked to the return and the receipt: Dr 1410 / Cr 5000 at units × unit cost', async () => {
      const w = await world();
      const r = await authorizedReturn(f, w, { quantity: 5, productOverrides: { unitCostMinor: 4321 } });
      expect(await entriesOfReturn(r.rma.id)).toEqual([]);
      const res = await receive(f, r, 3);
      expect(res.statusCode, res.body).toBe(201);
      const receiptId = res.json<{ receiptId: string }>().receiptId;

      const [entry, ...others] = await entriesOfReturn(r.rma.id);
      expect(others).toEqual([]);
      expect(entry).toMatchObject({
        event: 'receipt.recorded',
        sourceType: 'receipt',
        sourceId: receiptId,
        rmaId: r.rma.id,
        rmaNumber: r.rma.rmaNumber,
        legalEntityId: w.entity.id,
        currency: 'USD',
        postingDate: TODAY,
        period: PERIOD,
        totalMinor: 3 * 4321,
        reversesEntryId: null,
        reversedByEntryId: null,
      });
      expect(linesOf(entry!)).toEqual([
        ['1410', 3 * 4321, 0],
        ['5000', 0, 3 * 4321],
      ]);
      expect(entry!.lines.map((line) => line.memo)).toEqual([
        'received: awaiting inspection',
        'received: awaiting inspection',
      ]);
      expect(await entryOf('receipt', receiptId)).toEqual(entry);
      const byId = await call(f, finance, 'GET', `/ledger/entries/${entry!.id}`);
      expect(byId.statusCode, byId.body).toBe(200);
      expect(byId.json()).toEqual(entry);

      // The line's value is fixed at its first receipt: the rest of it arrives at the same value.
      const valuation = await t.platform.db
        .selectFrom('return_line_valuations')
        .selectAll()
        .where('rma_line_id', '=', r.rma.lines[0]!.id)
        .execute();
      expect(valuation).toEqual([
        expect.objectContaining({
          legal_entity_id: w.entity.id,
          currency: 'USD',
          unit_value_minor: 4321,
          source_currency: 'USD',
          source_unit_cost_minor: 4321,
          rate: '1',
          valued_on: TODAY,
        }),
      ]);
      const rest = await receive(f, r, 2);
      expect(rest.statusCode, rest.body).toBe(201);
      const second = await entryOf('receipt', rest.json<{ receiptId: string }>().receiptId);
      expect(linesOf(second)).toEqual([
        ['1410', 2 * 4321, 0],
        ['5000', 0, 2 * 4321],
      ]);
      expect(await entriesOfReturn(r.rma.id)).toHaveLength(2);
      expect(await netOfReturn(r.rma.id)).toEqual({ '1410': 5 * 4321, '5000': -5 * 4321 });
    });
  });

  describe('disposition paths', () => {
    it('RESTOCK: Dr 1400 inventory / Cr 1410', async () => {
      const d = await disposed('RESTOCK', { grade: 'A' });
      expect(linesOf(d.entry)).toEqual([
        ['1400', VALUE, 0],
        ['1410', 0, VALUE],
      ]);
      expect(d.entry.totalMinor).toBe(VALUE);
      expect(await netOfReturn(d.rma.id)).toEqual({ '1400': VALUE, '5000': -VALUE });
    });

    async function workOrderOf(d: Awaited<ReturnType<typeof disposed>>) {
      expect(d.disposition.followUpType).toBe('work_order');
      const wo = await call(f, f.quality, 'GET', `/work-orders/${d.disposition.followUpId}`);
      expect(wo.statusCode, wo.body).toBe(200);
      return wo.json<{ id: string; version: number; workOrderNumber: string }>();
    }

    it('REPAIR_INTERNAL, repaired: Dr 1420 / Cr 1410, then Dr 1400 / Cr 1420 and the repair cost Dr 6300 / Cr 2300', async () => {
      const d = await disposed('REPAIR_INTERNAL', { grade: 'D' });
      expect(linesOf(d.entry)).toEqual([
        ['1420', VALUE, 0],
        ['1410', 0, VALUE],
      ]);
      const wo = await workOrderOf(d);
      const res = await call(
        f,
        f.quality,
        'POST',
        `/work-orders/${wo.id}/outcome`,
        { outcome: 'repaired', actualCostMinor: 1500, grade: 'B' },
        ifMatch(wo.version),
      );
      expect(res.statusCode, res.body).toBe(200);
      const entry = await entryOf('work_order', wo.id);
      expect(entry).toMatchObject({ event: 'work_order.completed', rmaId: d.rma.id, totalMinor: VALUE + 1500 });
      expect(linesOf(entry)).toEqual([
        ['1400', VALUE, 0],
        ['6300', 1500, 0],
        ['1420', 0, VALUE],
        ['2300', 0, 1500],
      ]);
      expect(await netOfReturn(d.rma.id)).toEqual({ '1400': VALUE, '2300': -1500, '5000': -VALUE, '6300': 1500 });
    });

    it('REPAIR_INTERNAL, beyond repair: the carrying value to 6200 scrap write-off, the cost still owed', async () => {
      const d = await disposed('REPAIR_INTERNAL', { grade: 'D' });
      const wo = await workOrderOf(d);
      const res = await call(
        f,
        f.quality,
        'POST',
        `/work-orders/${wo.id}/outcome`,
        { outcome: 'beyond_repair', actualCostMinor: 800, note: 'board burnt' },
        ifMatch(wo.version),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(linesOf(await entryOf('work_order', wo.id))).toEqual([
        ['6200', VALUE, 0],
        ['6300', 800, 0],
        ['1420', 0, VALUE],
        ['2300', 0, 800],
      ]);
      expect(await netOfReturn(d.rma.id)).toEqual({ '2300': -800, '5000': -VALUE, '6200': VALUE, '6300': 800 });
    });

    it('REPAIR_INTERNAL at no cost posts no cost lines', async () => {
      const d = await disposed('REPAIR_INTERNAL', { grade: 'D' });
      const wo = await workOrderOf(d);
      const res = await call(
        f,
        f.quality,
        'POST',
        `/work-orders/${wo.id}/outcome`,
        { outcome: 'repaired', actualCostMinor: 0, grade: 'A' },
        ifMatch(wo.version),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(linesOf(await entryOf('work_order', wo.id))).toEqual([
        ['1400', VALUE, 0],
        ['1420', 0, VALUE],
      ]);
    });

    it('RETURN_TO_VENDOR then shipped: Dr 1440 / Cr 1410, then Dr 1250 vendor receivable / Cr 1440', async () => {
      const d = await disposed('RETURN_TO_VENDOR', { supplier: true, grade: 'D' });
      expect(linesOf(d.entry)).toEqual([
        ['1440', VALUE, 0],
        ['1410', 0, VALUE],
      ]);
      const id = d.disposition.followUpId!;
      const read = await call(f, f.warehouse, 'GET', `/vendor-returns/${id}`);
      const shipped = await call(
        f,
        f.warehouse,
        'POST',
        `/vendor-returns/${id}/ship`,
        { carrierReference: 'PRO-1' },
        ifMatch(read.json<{ version: number }>().version),
      );
      expect(shipped.statusCode, shipped.body).toBe(200);
      const entry = await entryOf('vendor_return', id);
      expect(entry).toMatchObject({ event: 'vendor_return.shipped', rmaId: d.rma.id, totalMinor: VALUE });
      expect(linesOf(entry)).toEqual([
        ['1250', VALUE, 0],
        ['1440', 0, VALUE],
      ]);
      expect(await netOfReturn(d.rma.id)).toEqual({ '1250': VALUE, '5000': -VALUE });
    });

    it('QUARANTINE then released to restock: Dr 1430 / Cr 1410, then Dr 1400 / Cr 1430', async () => {
      const d = await disposed('QUARANTINE');
      expect(linesOf(d.entry)).toEqual([
        ['1430', VALUE, 0],
        ['1410', 0, VALUE],
      ]);
      const holdId = d.disposition.followUpId!;
      const released = await call(
        f,
        f.quality,
        'POST',
        `/quarantine-holds/${holdId}/release`,
        { action: 'restock', reason: 'lab cleared it' },
        ifMatch(1),
      );
      expect(released.statusCode, released.body).toBe(200);
      const entry = await entryOf('quarantine_hold', holdId);
      expect(entry).toMatchObject({ event: 'quarantine_hold.released', rmaId: d.rma.id });
      expect(linesOf(entry)).toEqual([
        ['1400', VALUE, 0],
        ['1430', 0, VALUE],
      ]);
      expect(await netOfReturn(d.rma.id)).toEqual({ '1400': VALUE, '5000': -VALUE });
    });

    it('QUARANTINE then released to scrap: the value written off from 1430', async () => {
      const d = await disposed('QUARANTINE');
      const holdId = d.disposition.followUpId!;
      const released = await call(
        f,
        f.quality,
        'POST',
        `/quarantine-holds/${holdId}/release`,
        { action: 'scrap', reason: 'contaminated' },
        ifMatch(1),
      );
      expect(released.statusCode, released.body).toBe(200);
      expect(linesOf(await entryOf('quarantine_hold', holdId))).toEqual([
        ['6200', VALUE, 0],
        ['1430', 0, VALUE],
      ]);
    });

    it('SCRAP: Dr 6200 scrap write-off / Cr 1410; disposing of scrapped units later posts nothing', async () => {
      const d = await disposed('SCRAP', { grade: 'X' });
      expect(linesOf(d.entry)).toEqual([
        ['6200', VALUE, 0],
        ['1410', 0, VALUE],
      ]);
      // The scrapped units taken out of stock by hand (the skip picked them up): already written off.
      const scrap = (await call(f, f.warehouse, 'GET', `/stock?productId=${d.product.id}&status=scrapped`)).json<{
        items: Array<{ locationId: string }>;
      }>().items[0]!;
      const moved = await call(f, f.warehouse, 'POST', '/stock/moves', {
        productId: d.product.id,
        siteId: d.world.site.id,
        from: { locationId: scrap.locationId, status: 'scrapped' },
        to: null,
        quantity: 2,
        reason: 'collected by the skip',
      });
      expect(moved.statusCode, moved.body).toBe(201);
      expect(await stockOf(f, d.product.id)).toEqual([]);
      expect(await entriesOfReturn(d.rma.id)).toHaveLength(2);
      expect(await netOfReturn(d.rma.id)).toEqual({ '5000': -VALUE, '6200': VALUE });
    });

    async function soldLot(proceedsMinor: number) {
      const d = await disposed('SECONDARY_CHANNEL', { grade: 'C' });
      expect(linesOf(d.entry)).toEqual([
        ['1450', VALUE, 0],
        ['1410', 0, VALUE],
      ]);
      const lotId = d.disposition.followUpId!;
      const lot = await call(f, f.warehouse, 'GET', `/liquidation-lots/${lotId}`);
      expect(lot.statusCode, lot.body).toBe(200);
      const sold = await call(
        f,
        f.warehouse,
        'POST',
        `/liquidation-lots/${lotId}/sell`,
        { buyer: 'Outlet Co', proceedsMinor },
        ifMatch(lot.json<{ version: number }>().version),
      );
      expect(sold.statusCode, sold.body).toBe(200);
      const entry = await entryOf('liquidation_lot', lotId);
      expect(entry).toMatchObject({ event: 'liquidation_lot.sold', rmaId: d.rma.id });
      return { ...d, lotEntry: entry };
    }

    it('SECONDARY_CHANNEL then sold above the carrying value: proceeds to 1260, the gain credited to 6210', async () => {
      const d = await soldLot(15_000);
      expect(linesOf(d.lotEntry)).toEqual([
        ['6210', VALUE, 0],
        ['1260', 15_000, 0],
        ['1450', 0, VALUE],
        ['6210', 0, 15_000],
      ]);
      expect(netByCode([d.lotEntry])).toEqual({ '1260': 15_000, '1450': -VALUE, '6210': VALUE - 15_000 });
      expect(await netOfReturn(d.rma.id)).toEqual({ '1260': 15_000, '5000': -VALUE, '6210': VALUE - 15_000 });
    });

    it('SECONDARY_CHANNEL then sold below the carrying value: the difference is a write-down on 6210', async () => {
      const d = await soldLot(5_000);
      expect(linesOf(d.lotEntry)).toEqual([
        ['6210', VALUE, 0],
        ['1260', 5_000, 0],
        ['1450', 0, VALUE],
        ['6210', 0, 5_000],
      ]);
      expect(await netOfReturn(d.rma.id)).toEqual({ '1260': 5_000, '5000': -VALUE, '6210': VALUE - 5_000 });
    });

    it('SECONDARY_CHANNEL then given away for nothing: the whole value written down', async () => {
      const d = await soldLot(0);
      expect(linesOf(d.lotEntry)).toEqual([
        ['6210', VALUE, 0],
        ['1450', 0, VALUE],
      ]);
    });

    it('RETURN_TO_CUSTOMER then shipped: Dr 1430 / Cr 1410, then the cost back to 5000', async () => {
      const d = await disposed('RETURN_TO_CUSTOMER');
      expect(linesOf(d.entry)).toEqual([
        ['1430', VALUE, 0],
        ['1410', 0, VALUE],
      ]);
      const id = d.disposition.followUpId!;
      const shipped = await call(
        f,
        f.warehouse,
        'POST',
        `/customer-return-shipments/${id}/ship`,
        { carrierReference: '1Z1' },
        ifMatch(1),
      );
      expect(shipped.statusCode, shipped.body).toBe(200);
      const entry = await entryOf('customer_return_shipment', id);
      expect(entry).toMatchObject({ event: 'customer_return_shipment.shipped', rmaId: d.rma.id });
      expect(linesOf(entry)).toEqual([
        ['5000', VALUE, 0],
        ['1430', 0, VALUE],
      ]);
      // The goods are the customer's again: the return leaves nothing in the books.
      expect(await netOfReturn(d.rma.id)).toEqual({});
    });

    it('a manual move posts to the account of the new status; out of stock by hand is a write-down', async () => {
      const d = await disposed('RESTOCK', { grade: 'A' });
      const saleable = (await call(f, f.warehouse, 'GET', `/stock?productId=${d.product.id}&status=saleable`)).json<{
        items: Array<{ locationId: string }>;
      }>().items[0]!;
      const move = (to: { status: string } | null, quantity: number, from = 'saleable') =>
        call(f, f.warehouse, 'POST', '/stock/moves', {
          productId: d.product.id,
          siteId: d.world.site.id,
          from: { locationId: saleable.locationId, status: from },
          to,
          quantity,
          reason: 'cycle count',
          rmaLineId: d.rma.lines[0]!.id,
        });
      const toQuarantine = await move({ status: 'quarantined' }, 1);
      expect(toQuarantine.statusCode, toQuarantine.body).toBe(201);
      const movementId = toQuarantine.json<{ movements: Array<{ id: string }> }>().movements[0]!.id;
      const entry = await entryOf('stock_movement', movementId);
      expect(entry).toMatchObject({ event: 'stock.moved', rmaId: d.rma.id });
      expect(linesOf(entry)).toEqual([
        ['1430', 6000, 0],
        ['1400', 0, 6000],
      ]);
      const lost = await move(null, 1);
      expect(lost.statusCode, lost.body).toBe(201);
      expect(linesOf(await entryOf('stock_movement', lost.json().movements[0].id))).toEqual([
        ['6210', 6000, 0],
        ['1400', 0, 6000],
      ]);
      expect(await netOfReturn(d.rma.id)).toEqual({ '1430': 6000, '5000': -VALUE, '6210': 6000 });
    });
  });

  describe('multi-currency', () => {
    // ECB-style reference rates, all against the euro, published before the test's today.
    const EUR_USD = '1.0812';
    const EUR_GBP = '0.8437';

    beforeAll(async () => {
      await insertRate(t, { date: '2026-11-20', quote: 'USD', rate: EUR_USD });
      await insertRate(t, { date: '2026-11-20', quote: 'GBP', rate: EUR_GBP });
    });

    async function valuationOf(r: AuthorizedReturn) {
      return t.platform.db
        .selectFrom('return_line_valuations')
        .selectAll()
        .where('rma_line_id', '=', r.rma.lines[0]!.id)
        .executeTakeFirstOrThrow();
    }

    it('a USD product received at a GBP entity is carried at the cross rate through the euro, fixed at receipt', async () => {
      const w = await makeEntityWorld(t, 'GBP');
      entities.add(w.entity.id);
      const r = await authorizedReturn(f, w, { quantity: 3 });
      const res = await receive(f, r, 3);
      expect(res.statusCode, res.body).toBe(201);
      // 60.00 USD × (0.8437 GBP/EUR ÷ 1.0812 USD/EUR) = 46.820199… GBP: £46.82 a unit.
      const unit = 4682;
      expect(Math.round((6000 * 0.8437) / 1.0812)).toBe(unit);
      const [entry] = await entriesOfReturn(r.rma.id);
      expect(entry).toMatchObject({ currency: 'GBP', totalMinor: 3 * unit, legalEntityId: w.entity.id });
      expect(linesOf(entry!)).toEqual([
        ['1410', 3 * unit, 0],
        ['5000', 0, 3 * unit],
      ]);
      expect(await valuationOf(r)).toMatchObject({
        legal_entity_id: w.entity.id,
        currency: 'GBP',
        unit_value_minor: unit,
        source_currency: 'USD',
        source_unit_cost_minor: 6000,
        valued_on: TODAY,
      });

      // A new rate published today changes nothing for units already carried.
      await insertRate(t, { date: TODAY, quote: 'GBP', rate: '0.9' });
      const inspections = await call(f, f.quality, 'GET', `/returns/${r.rma.id}/inspections`);
      const inspection = inspections.json<{ items: Array<{ id: string }> }>().items[0]!;
      await completeInspection(f, inspection.id, { grade: 'A' });
      const { response } = await dispose(f, inspection.id, { code: 'RESTOCK', overrideReason: 'restock' });
      expect(response.statusCode, response.body).toBe(201);
      const moved = await entryOf('disposition', response.json<{ id: string }>().id);
      expect(moved.currency).toBe('GBP');
      expect(linesOf(moved)).toEqual([
        ['1400', 3 * unit, 0],
        ['1410', 0, 3 * unit],
      ]);
      expect((await valuationOf(r)).unit_value_minor).toBe(unit);
    });

    it('a USD product received at a EUR entity is carried at the inverse of the EUR/USD rate', async () => {
      const w = await makeEntityWorld(t, 'EUR');
      entities.add(w.entity.id);
      const r = await authorizedReturn(f, w, { quantity: 2 });
      const res = await receive(f, r, 2);
      expect(res.statusCode, res.body).toBe(201);
      // 60.00 USD ÷ 1.0812 USD/EUR = 55.4938… EUR: €55.49 a unit.
      const unit = 5549;
      const [entry] = await entriesOfReturn(r.rma.id);
      expect(entry).toMatchObject({ currency: 'EUR', totalMinor: 2 * unit });
      expect(linesOf(entry!)).toEqual([
        ['1410', 2 * unit, 0],
        ['5000', 0, 2 * unit],
      ]);
      expect(await valuationOf(r)).toMatchObject({ currency: 'EUR', unit_value_minor: unit, source_currency: 'USD' });
    });

    it('goods identified days after they arrived are valued at the rate of the day they came in', async () => {
      const w = await makeEntityWorld(t, 'SEK');
      entities.add(w.entity.id);
      await insertRate(t, { date: '2026-11-21', quote: 'SEK', rate: '11.2' });
      await insertRate(t, { date: TODAY, quote: 'SEK', rate: '12.0' });
      const product = await makeProduct(t.platform);
      const order = await makeOrder(t.platform, {
        customerId: w.customer.id,
        legalEntityId: w.entity.id,
        lines: [{ productId: product.id }],
      });
      // The parcel came in three days ago, from a sender nobody could name.
      t.clock.set('2026-11-23T10:00:00.000Z');
      let recorded;
      try {
        recorded = await call(f, f.warehouse, 'POST', '/receiving/arrivals', {
          siteId: w.site.id,
          sender: 'Unknown sender',
          carrierReference: '',
          note: 'no paperwork',
          lines: [{ productId: product.id, quantity: 2, claimedCondition: 'defective', serials: [] }],
        });
      } finally {
        t.clock.set(`${TODAY}T10:00:00.000Z`);
      }
      expect(recorded.statusCode, recorded.body).toBe(201);
      const arrival = recorded.json<{ id: string; version: number; lines: Array<{ id: string }> }>();
      const identified = await call(
        f,
        f.agent,
        'POST',
        `/receiving/arrivals/${arrival.id}/identify`,
        {
          customerId: w.customer.id,
          lines: [{ lineId: arrival.lines[0]!.id, productId: product.id, orderLineId: order.lines[0]!.id }],
        },
        ifMatch(arrival.version),
      );
      expect(identified.statusCode, identified.body).toBe(201);
      const rma = identified.json<{ id: string; lines: Array<{ id: string }> }>();
      const [entry, ...others] = await entriesOfReturn(rma.id);
      expect(others).toEqual([]);
      // Booked today, when identified, at the value of the day the goods arrived:
      // 60.00 USD × 11.2 ÷ 1.0812 = 621.5316… SEK (at today's 12.0 it would be 665.93).
      expect(entry).toMatchObject({ currency: 'SEK', postingDate: TODAY, event: 'receipt.recorded' });
      expect(linesOf(entry!)).toEqual([
        ['1410', 2 * 62_153, 0],
        ['5000', 0, 2 * 62_153],
      ]);
      const valuation = await t.platform.db
        .selectFrom('return_line_valuations')
        .selectAll()
        .where('rma_line_id', '=', rma.lines[0]!.id)
        .executeTakeFirstOrThrow();
      expect(valuation).toMatchObject({ unit_value_minor: 62_153, rate: expect.any(String), valued_on: '2026-11-23' });
    });

    it('without a rate the receipt is refused with 422, and nothing is written: no receipt, no stock, no entry', async () => {
      const w = await makeEntityWorld(t, 'CHF');
      entities.add(w.entity.id);
      const r = await authorizedReturn(f, w, { quantity: 2 });
      const refused = await receive(f, r, 2);
      expectProblem(refused, 422, 'rule_violation');
      expect(refused.json().detail).toMatch(/no exchange rate from USD to CHF/);
      expect(refused.json().errors).toEqual([{ path: 'currency', message: 'no USD/CHF rate' }]);

      const db = t.platform.db;
      expect(await db.selectFrom('receipts').select('id').where('rma_id', '=', r.rma.id).execute()).toEqual([]);
      expect(
        await db.selectFrom('stock_movements').select('id').where('product_id', '=', r.product.id).execute(),
      ).toEqual([]);
      expect(await stockOf(f, r.product.id)).toEqual([]);
      expect(await db.selectFrom('journal_entries').select('id').where('rma_id', '=', r.rma.id).execute()).toEqual([]);
      expect(
        await db
          .selectFrom('return_line_valuations')
          .select('rma_line_id')
          .where('rma_line_id', '=', r.rma.lines[0]!.id)
          .execute(),
      ).toEqual([]);
      expect(
        (await call(f, f.quality, 'GET', `/returns/${r.rma.id}/inspections`)).json<{ items: unknown[] }>().items,
      ).toEqual([]);

      // Once finance has imported the rate, the same receipt goes through.
      await insertRate(t, { date: TODAY, quote: 'CHF', rate: '0.9383' });
      const accepted = await receive(f, r, 2);
      expect(accepted.statusCode, accepted.body).toBe(201);
      // 60.00 USD × 0.9383 ÷ 1.0812 = 52.0699… CHF.
      expect(linesOf((await entriesOfReturn(r.rma.id))[0]!)).toEqual([
        ['1410', 2 * 5207, 0],
        ['5000', 0, 2 * 5207],
      ]);
    });
  });

  describe('closed periods', () => {
    it('finance closes a month that has ended; the current month and a closed one are refused', async () => {
      const w = await world();
      const close = (period: string, token = finance) =>
        call(f, token, 'POST', '/ledger/periods/close', { legalEntityId: w.entity.id, period });
      const closed = await close('2026-10');
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({
        legalEntityId: w.entity.id,
        period: '2026-10',
        status: 'closed',
        closedBy: 'finance@test.local',
        closedAt: expect.any(String),
        entries: 0,
      });
      expectProblem(await close('2026-10'), 409, 'conflict');
      const current = await close(PERIOD);
      expectProblem(current, 422, 'rule_violation');
      expect(current.json().errors).toEqual([{ path: 'period', message: 'not ended' }]);
      expectProblem(await close('2026-12'), 422, 'rule_violation');
      const periods = await call(f, finance, 'GET', `/ledger/periods?legalEntityId=${w.entity.id}`);
      expect(periods.json().items).toEqual([expect.objectContaining({ period: '2026-10', status: 'closed' })]);
      // A closed month in the past does not stop today's postings.
      const r = await authorizedReturn(f, w, { quantity: 1 });
      expect((await receive(f, r, 1)).statusCode).toBe(201);
    });

    it('nothing posts into a closed period: the receipt, the disposition and a reversal are refused, nothing changes', async () => {
      const w = await world();
      const r = await authorizedReturn(f, w, { quantity: 3 });
      const first = await receive(f, r, 1);
      expect(first.statusCode, first.body).toBe(201);
      const [entry] = await entriesOfReturn(r.rma.id);
      const inspection = (await call(f, f.quality, 'GET', `/returns/${r.rma.id}/inspections`)).json<{
        items: Array<{ id: string }>;
      }>().items[0]!;
      await completeInspection(f, inspection.id, { grade: 'A' });
      // Finance's close of the current month, as if it had ended (the API refuses that today).
      await t.platform.db
        .insertInto('fiscal_period_closes')
        .values({
          legal_entity_id: w.entity.id,
          period: PERIOD,
          closed_at: `${TODAY}T09:00:00.000Z`,
          closed_by: 'test',
        })
        .execute();
      const stockBefore = await stockOf(f, r.product.id);

      const refused = await receive(f, r, 2);
      expectProblem(refused, 422, 'rule_violation');
      expect(refused.json().errors).toEqual([{ path: 'period', message: 'closed period' }]);
      const { response } = await dispose(f, inspection.id, { code: 'RESTOCK', overrideReason: 'restock' });
      expectProblem(response, 422, 'rule_violation');
      const reversal = await call(f, finance, 'POST', `/ledger/entries/${entry!.id}/reversal`, { reason: 'wrong' });
      expectProblem(reversal, 422, 'rule_violation');

      expect(await stockOf(f, r.product.id)).toEqual(stockBefore);
      expect(
        await t.platform.db.selectFrom('receipts').select('id').where('rma_id', '=', r.rma.id).execute(),
      ).toHaveLength(1);
      expect((await call(f, f.quality, 'GET', `/inspections/${inspection.id}/disposition`)).statusCode).toBe(404);
      expect(await entriesOfReturn(r.rma.id)).toEqual([{ ...entry, reversedByEntryId: null }]);
      const tb = await trialBalanceOf(f, finance, w.entity.id, PERIOD);
      expect(tb).toMatchObject({ isClosed: true, isBalanced: true, totals: { debitMinor: 6000, creditMinor: 6000 } });
    });
  });

  it('the sum of all debits equals the sum of all credits, per entity, and each trial balance balances', async () => {
    const sums = await t.platform.db
      .selectFrom('journal_lines')
      .innerJoin('journal_entries', 'journal_entries.id', 'journal_lines.entry_id')
      .select((eb) => [
        'journal_entries.legal_entity_id',
        eb.fn.sum<number>('journal_lines.debit_minor').as('debits'),
        eb.fn.sum<number>('journal_lines.credit_minor').as('credits'),
        eb.fn.count<number>('journal_lines.id').as('lines'),
      ])
      .groupBy('journal_entries.legal_entity_id')
      .execute();
    for (const row of sums) {
      expect(Number(row.debits), row.legal_entity_id).toBe(Number(row.credits));
      expect(Number(row.debits)).toBeGreaterThan(0);
      const tb = await trialBalanceOf(f, finance, row.legal_entity_id, PERIOD);
      expect(tb.isBalanced).toBe(true);
      expect(tb.totals).toEqual({ debitMinor: Number(row.debits), creditMinor: Number(row.credits) });
      expect(tb.rows.reduce((sum, account) => sum + account.debitMinor - account.creditMinor, 0)).toBe(0);
    }
    // Every entity the tests posted to is there.
    for (const id of entities) expect(sums.map((row) => row.legal_entity_id)).toContain(id);
  });
});
