// What the customer portal needs from the API: where to send an authorized return (and nothing
// before it is routed), order summaries with their size, value, delivery and "returnable until",
// the return handling of each order line, and finding one's returns by RMA number or reference.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/actor.js';
import { createMasterRecord, SITES } from '../../src/masterdata/index.js';
import { DIALECTS } from '../support/databases.js';
import { makeCustomer, makeLegalEntity, makeOrder, makeProduct, makeWorld } from '../support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const unique = () => randomBytes(4).toString('hex').toUpperCase();

describe.each(DIALECTS)('the customer portal’s API on %s', (dialect) => {
  let t: TestApp;
  let manager: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    manager = await t.tokenFor('cs_manager');
  });
  afterAll(() => t?.close());

  const returnBody = (customerId: string, orderLineId: string, customerReference = '') => ({
    customerId,
    customerReference,
    lines: [{ orderLineId, quantity: 1, reasonCode: 'ORDERED_IN_ERROR', claimedCondition: 'unopened' }],
  });

  async function addSite(
    legalEntityId: string,
    site: { code: string; name: string; isActive: boolean; canReceive: boolean },
  ) {
    return createMasterRecord(t.platform, systemContext('test'), SITES, {
      code: site.code,
      name: site.name,
      legalEntityId,
      addressLine1: `${site.name} Way 1`,
      city: 'Leeds',
      region: '',
      postalCode: 'LS1 4AP',
      country: 'GB',
      capabilities: site.canReceive ? ['receiving'] : [],
      isActive: site.isActive,
    });
  }

  describe('ship-to of a return', () => {
    it('names no site while the return waits for approval, and the receiving site once authorized', async () => {
      // makeWorld's site ("Main DC") receives; an inactive site and an office that cannot receive
      // come first by code and are passed over.
      const w = await makeWorld(t.platform, { tier: 'bronze', unitPriceMinor: 400_000 });
      await addSite(w.entity.id, { code: `AA-${unique()}`, name: 'Closed Depot', isActive: false, canReceive: true });
      await addSite(w.entity.id, { code: `AB-${unique()}`, name: 'Head Office', isActive: true, canReceive: false });
      const customer = await t.tokenFor('customer', { customerId: w.customer.id });

      const created = await t.request(customer, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: returnBody(w.customer.id, w.orderLine.id),
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ status: 'pending_approval', shipTo: null });

      const approved = await t.request(manager, {
        method: 'POST',
        url: `/api/v1/returns/${created.json().id}/approve`,
        payload: { comment: 'fine' },
        headers: { 'if-match': '"1"' },
      });
      const shipTo = {
        siteName: 'Main DC',
        addressLines: ['1 Dock Rd'],
        city: 'Columbus',
        region: 'OH',
        postalCode: '43004',
        country: 'US',
      };
      expect(approved.json()).toMatchObject({ status: 'authorized', shipTo });

      const read = await t.request(customer, { method: 'GET', url: `/api/v1/returns/${created.json().id}` });
      expect(read.json()).toMatchObject({ shipTo, expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      // The list stays light: a summary carries no address.
      const list = await t.request(customer, { method: 'GET', url: '/api/v1/returns' });
      expect(list.json().items[0]).not.toHaveProperty('shipTo');
    });

    it('tells an auto-authorized return where to go in the answer that creates it', async () => {
      const entity = await makeLegalEntity(t.platform);
      await addSite(entity.id, { code: `ZZ-${unique()}`, name: 'Northern Returns', isActive: true, canReceive: true });
      const c = await makeCustomer(t.platform, entity.id, { tier: 'gold' });
      const product = await makeProduct(t.platform);
      const order = await makeOrder(t.platform, {
        customerId: c.id,
        legalEntityId: entity.id,
        lines: [{ productId: product.id, unitPriceMinor: 1000 }],
      });
      const customer = await t.tokenFor('customer', { customerId: c.id });
      const created = await t.request(customer, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: returnBody(c.id, order.lines[0]!.id),
      });
      expect(created.json()).toMatchObject({
        status: 'authorized',
        shipTo: { siteName: 'Northern Returns', addressLines: ['Northern Returns Way 1'], postalCode: 'LS1 4AP' },
      });
    });

    it('is null when the legal entity has no active site to send it to', async () => {
      const entity = await makeLegalEntity(t.platform);
      const c = await makeCustomer(t.platform, entity.id, { tier: 'gold' });
      const product = await makeProduct(t.platform);
      const order = await makeOrder(t.platform, {
        customerId: c.id,
        legalEntityId: entity.id,
        lines: [{ productId: product.id, unitPriceMinor: 1000 }],
      });
      const created = await t.request(manager, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: returnBody(c.id, order.lines[0]!.id),
      });
      expect(created.json()).toMatchObject({ status: 'authorized', shipTo: null });
    });
  });

  describe('orders', () => {
    it('lists each order with its lines, value, latest delivery and until when it can be returned', async () => {
      const entity = await makeLegalEntity(t.platform);
      const c = await makeCustomer(t.platform, entity.id, { returnWindowDays: 30 });
      const drill = await makeProduct(t.platform);
      const fuse = await makeProduct(t.platform, { name: 'Fuse', isReturnable: false });
      const delivered = await makeOrder(t.platform, {
        customerId: c.id,
        legalEntityId: entity.id,
        lines: [
          { productId: drill.id, quantityShipped: 2, unitPriceMinor: 1250, taxMinor: 500, deliveryDate: '2026-11-01' },
          { productId: drill.id, quantityShipped: 1, unitPriceMinor: 999, taxMinor: 0, deliveryDate: '2026-11-20' },
          // Not returnable: it does not extend the window.
          { productId: fuse.id, quantityShipped: 1, unitPriceMinor: 100, deliveryDate: '2026-11-25' },
        ],
      });
      const shippedOnly = await makeOrder(t.platform, {
        customerId: c.id,
        legalEntityId: entity.id,
        lines: [{ productId: drill.id, shipDate: '2026-11-24', deliveryDate: null }],
      });
      const nothingReturnable = await makeOrder(t.platform, {
        customerId: c.id,
        legalEntityId: entity.id,
        lines: [{ productId: fuse.id }],
      });
      const customer = await t.tokenFor('customer', { customerId: c.id });
      const list = await t.request(customer, { method: 'GET', url: '/api/v1/orders?pageSize=10' });
      expect(list.statusCode).toBe(200);
      const byId = new Map(list.json().items.map((o: { id: string }) => [o.id, o]));
      expect(byId.get(delivered.id)).toMatchObject({
        lineCount: 3,
        totalMinor: 2 * 1250 + 500 + 999 + 100,
        deliveredOn: '2026-11-25',
        returnableUntil: '2026-12-20',
      });
      expect(byId.get(shippedOnly.id)).toMatchObject({
        lineCount: 1,
        deliveredOn: null,
        returnableUntil: '2026-12-24',
      });
      expect(byId.get(nothingReturnable.id)).toMatchObject({ returnableUntil: null });

      // Staff get the same columns.
      const staff = await t.request(manager, { method: 'GET', url: `/api/v1/orders?customerId=${c.id}` });
      expect(staff.json().items.find((o: { id: string }) => o.id === delivered.id)).toMatchObject({
        totalMinor: 4099,
        returnableUntil: '2026-12-20',
        legalEntityId: entity.id,
      });
      // Customers get their own shape: not which legal entity sold it.
      expect(byId.get(delivered.id)).not.toHaveProperty('legalEntityId');
    });

    it('leaves a fully returned line out of "returnable until"', async () => {
      const w = await makeWorld(t.platform, { quantityShipped: 1 });
      const customer = await t.tokenFor('customer', { customerId: w.customer.id });
      const before = await t.request(customer, { method: 'GET', url: '/api/v1/orders' });
      expect(before.json().items[0].returnableUntil).not.toBeNull();
      await t.request(customer, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: returnBody(w.customer.id, w.orderLine.id),
      });
      const after = await t.request(customer, { method: 'GET', url: '/api/v1/orders' });
      expect(after.json().items[0]).toMatchObject({ id: w.order.id, returnableUntil: null });
    });

    it('says on each order line how its product comes back', async () => {
      const entity = await makeLegalEntity(t.platform);
      const c = await makeCustomer(t.platform, entity.id);
      const scanner = await makeProduct(t.platform, { isSerialized: true });
      const battery = await makeProduct(t.platform, { regulatedClass: 'UN3480', isLotControlled: true });
      const fuse = await makeProduct(t.platform, { isReturnable: false });
      const order = await makeOrder(t.platform, {
        customerId: c.id,
        legalEntityId: entity.id,
        lines: [
          { productId: scanner.id, quantityShipped: 2, serialsShipped: ['SN-1', 'SN-2'] },
          { productId: battery.id, lotsShipped: ['LOT-9'] },
          { productId: fuse.id },
        ],
      });
      const customer = await t.tokenFor('customer', { customerId: c.id });
      const read = await t.request(customer, { method: 'GET', url: `/api/v1/orders/${order.id}` });
      expect(read.json().lines).toMatchObject([
        { isReturnable: true, isSerialized: true, isLotControlled: false, regulatedClass: null },
        { isReturnable: true, isSerialized: false, isLotControlled: true, regulatedClass: 'UN3480' },
        { isReturnable: false, isSerialized: false, isLotControlled: false, regulatedClass: null },
      ]);
    });
  });

  it('explains the return window to a customer without naming their tier; staff still see it', async () => {
    // makeWorld's customer is gold, and the default policy has a gold-tier window.
    const w = await makeWorld(t.platform);
    const customer = await t.tokenFor('customer', { customerId: w.customer.id });
    const windowMessage = async (token: string) => {
      const verdict = await t.request(token, {
        method: 'POST',
        url: '/api/v1/returns/evaluate',
        payload: returnBody(w.customer.id, w.orderLine.id),
      });
      const checks = verdict.json<{ lines: Array<{ checks: Array<{ code: string; message: string }> }> }>().lines[0]!
        .checks;
      return checks.find((c) => c.code === 'return_window')!.message;
    };
    expect(await windowMessage(customer)).toMatch(
      /^Return window of 60 days from delivery on 2026-11-16 is open until 2027-01-15$/,
    );
    expect(await windowMessage(manager)).toMatch(/\(gold tier\)$/);

    // Refused because the window has closed: the problem's messages use the customer's words too.
    const late = await makeOrder(t.platform, {
      customerId: w.customer.id,
      legalEntityId: w.entity.id,
      lines: [{ productId: w.product.id }],
      deliveredOn: '2026-01-05',
    });
    const refused = await t.request(customer, {
      method: 'POST',
      url: '/api/v1/returns',
      payload: returnBody(w.customer.id, late.lines[0]!.id),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ errors: Array<{ path: string; message: string }> }>().errors).toContainEqual({
      path: 'lines.0.orderLineId',
      message: 'Return window of 60 days from delivery on 2026-01-05 ended on 2026-03-06',
    });
    expect(refused.body).not.toMatch(/gold tier/);
  });

  it('finds a customer’s returns by RMA number and by their reference, and only theirs', async () => {
    const w = await makeWorld(t.platform);
    const other = await makeWorld(t.platform);
    const customer = await t.tokenFor('customer', { customerId: w.customer.id });
    const reference = `CLAIM-${unique()}`;
    const mine = (
      await t.request(customer, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: returnBody(w.customer.id, w.orderLine.id, reference),
      })
    ).json();
    const theirs = (
      await t.request(manager, {
        method: 'POST',
        url: '/api/v1/returns',
        payload: returnBody(other.customer.id, other.orderLine.id, reference),
      })
    ).json();
    const search = async (q: string) =>
      (await t.request(customer, { method: 'GET', url: `/api/v1/returns?q=${encodeURIComponent(q)}` }))
        .json<{ items: Array<{ id: string }> }>()
        .items.map((r) => r.id);
    expect(await search(mine.rmaNumber)).toEqual([mine.id]);
    expect(await search(reference.toLowerCase())).toEqual([mine.id]);
    expect(await search(theirs.rmaNumber)).toEqual([]);
  });
});
