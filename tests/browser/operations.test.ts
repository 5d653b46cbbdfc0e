import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page as ResultPage } from '../../src/contracts/common.js';
import type { VendorReturn, WorkOrder } from '../../src/contracts/disposition.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { disposedDemoUnit } from './support/dispositions.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

interface Hold {
  id: string;
  rmaNumber: string;
  status: string;
  releaseAction: string | null;
  releaseReason: string | null;
}
interface Lot {
  id: string;
  lotNumber: string;
  status: string;
  buyer: string;
  proceedsMinor: number | null;
  lines: Array<{ rmaNumber: string }>;
}
interface Shipment {
  id: string;
  status: string;
  carrierReference: string;
}
interface Disposal {
  disposalNumber: string;
  rmaNumber: string;
  method: string;
  reason: string;
  approvedBy: string;
}

/** Operations from the main bar, then one list by its tab. */
async function openOperationsTab(page: Page, tab: RegExp): Promise<void> {
  await openMainNav(page, 'Operations');
  await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();
  await page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: tab }).click();
}

describeInBrowser('operations', () => {
  const suite = setUpBrowserSuite();

  it('the warehouse ships a vendor return, its lines showing the inspection’s evidence', async () => {
    const { baseUrl } = suite.server;
    const findings = `Will not power on, board scorched (${Date.now()})`;
    const { rma, disposition } = await disposedDemoUnit(baseUrl, 'RETURN_TO_VENDOR', {
      grade: 'D',
      defectCodes: ['DEAD_ON_ARRIVAL'],
      findings,
    });
    const warehouse = await ApiClient.signIn(baseUrl, 'warehouse@demo.local');
    const document = await warehouse.get<VendorReturn>(`/vendor-returns/${disposition.followUpId}`);
    const tracking = `1Z999AA1${Date.now()}`;

    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      await openMainNav(page, 'Operations');
      // The hub counts what waits in each list.
      const card = page.locator('.home-grid').getByRole('link', { name: /^Vendor returns/ });
      await card.locator('.ops-hub-count').waitFor();
      expect(Number(/(\d+) to ship/.exec((await card.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(1);
      await page
        .getByRole('navigation', { name: 'Operations' })
        .getByRole('link', { name: /^Vendor returns/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Vendor returns' }).waitFor();

      const region = page.getByRole('region', { name: document.vendorReturnNumber });
      const line = region.getByRole('row').filter({ hasText: rma.rmaNumber });
      await line.getByText(/DEAD_ON_ARRIVAL · 0 photos/).waitFor();
      await line.getByText(findings).waitFor();
      await screenshotIfAsked(page, 'operations-vendor-returns');

      await region.getByRole('button', { name: `Ship ${document.vendorReturnNumber}` }).click();
      const dialog = page.getByRole('dialog', { name: `Ship ${document.vendorReturnNumber}` });
      await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
      await dialog.getByText('Enter the tracking or consignment number.').waitFor();
      await dialog.getByLabel('Carrier reference').fill(tracking);
      await dialog.getByLabel('Supplier authorization').fill('RA-4471');
      await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${document.vendorReturnNumber} shipped to` })
        .waitFor();
      await region.waitFor({ state: 'detached' });

      await page.getByLabel('Status').selectOption('shipped');
      const shipped = page.getByRole('region', { name: document.vendorReturnNumber });
      await shipped.getByText(`carrier reference ${tracking}`, { exact: false }).waitFor();
      await shipped.getByText('Shipped', { exact: true }).waitFor();
    });

    const after = await warehouse.get<VendorReturn>(`/vendor-returns/${document.id}`);
    expect(after).toMatchObject({ status: 'shipped', carrierReference: tracking, supplierAuthorization: 'RA-4471' });
  });

  it('quality releases a quarantine hold to stock, with the reason; the warehouse is not offered the release', async () => {
    const { baseUrl } = suite.server;
    const { rma, disposition } = await disposedDemoUnit(baseUrl, 'QUARANTINE', { grade: 'C' });
    const reason = `Cold chain logger checked: never out of range (${Date.now()})`;

    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      await openOperationsTab(page, /^Quarantine holds/);
      const seen = page
        .getByRole('table', { name: 'Quarantine holds' })
        .getByRole('row')
        .filter({ hasText: rma.rmaNumber });
      await seen.waitFor();
      expect(await seen.getByRole('button', { name: /^Release/ }).count()).toBe(0);
    });

    await inPage(suite, async (page) => {
      await signIn(page, 'quality@demo.local');
      await openOperationsTab(page, /^Quarantine holds/);
      const row = page
        .getByRole('table', { name: 'Quarantine holds' })
        .getByRole('row')
        .filter({ hasText: rma.rmaNumber });
      await row.getByText('Held', { exact: true }).waitFor();
      await row.getByRole('button', { name: `Release the hold on ${rma.rmaNumber}` }).click();

      const dialog = page.getByRole('dialog', { name: 'Release the hold' });
      await dialog.getByRole('button', { name: 'Release', exact: true }).click();
      await dialog.getByText('Choose what becomes of the goods.').waitFor();
      await dialog.getByText('Say why the hold is released this way.').waitFor();
      await dialog.getByRole('radio', { name: /^Restock/ }).check();
      await dialog.getByLabel('Reason').fill(reason);
      await screenshotIfAsked(page, 'operations-release-hold');
      await dialog.getByRole('button', { name: 'Release', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Hold on ${rma.rmaNumber} released: Restock` })
        .waitFor();
      await row.waitFor({ state: 'detached' });

      await page.getByLabel('Status').selectOption('released');
      const released = page
        .getByRole('table', { name: 'Quarantine holds' })
        .getByRole('row')
        .filter({ hasText: rma.rmaNumber });
      await released.getByText('Released · Restock').waitFor();
      await released.getByText(reason, { exact: false }).waitFor();
    });

    const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
    const hold = await quality.get<Hold>(`/quarantine-holds/${disposition.followUpId}`);
    expect(hold).toMatchObject({ status: 'released', releaseAction: 'restock', releaseReason: reason });
  });

  it('the operations manager sells a liquidation lot, the proceeds typed in major units', async () => {
    const { baseUrl } = suite.server;
    const { rma, disposition } = await disposedDemoUnit(baseUrl, 'SECONDARY_CHANNEL', { grade: 'B' });
    const manager = await ApiClient.signIn(baseUrl, 'ops_manager@demo.local');
    const lot = await manager.get<Lot & { currency: string }>(`/liquidation-lots/${disposition.followUpId}`);
    const buyer = `Outlet Partners ${Date.now()}`;

    await inPage(suite, async (page) => {
      await signIn(page, 'ops_manager@demo.local');
      await openOperationsTab(page, /^Liquidation lots/);
      const region = page.getByRole('region', { name: lot.lotNumber });
      await region.getByRole('row').filter({ hasText: rma.rmaNumber }).waitFor();
      await region.getByRole('button', { name: `Sell ${lot.lotNumber}` }).click();

      const dialog = page.getByRole('dialog', { name: `Sell ${lot.lotNumber}` });
      await dialog.getByLabel('Buyer').fill(buyer);
      await dialog.getByLabel(`Proceeds (${lot.currency})`).fill('a lot');
      await dialog.getByRole('button', { name: 'Record the sale' }).click();
      await dialog.getByText(`Enter an amount such as 1250.00, in ${lot.currency}.`).waitFor();
      await dialog.getByLabel(`Proceeds (${lot.currency})`).fill('1,234.50');
      await dialog.getByRole('button', { name: 'Record the sale' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${lot.lotNumber} sold to ${buyer} for` })
        .waitFor();
      await region.waitFor({ state: 'detached' });

      await page.getByLabel('Status').selectOption('sold');
      await page.getByRole('region', { name: lot.lotNumber }).getByText(`to ${buyer} for`, { exact: false }).waitFor();
      await screenshotIfAsked(page, 'operations-lot-sold');
    });

    const sold = await manager.get<Lot>(`/liquidation-lots/${lot.id}`);
    expect(sold).toMatchObject({ status: 'sold', buyer, proceedsMinor: 123450 });
  });

  it('the warehouse records a bench repair: repaired at grade B, with what it cost; a partner’s work order is not theirs to report', async () => {
    const { baseUrl } = suite.server;
    const { disposition } = await disposedDemoUnit(baseUrl, 'REPAIR_INTERNAL', {
      grade: 'D',
      defectCodes: ['DEAD_ON_ARRIVAL'],
      findings: 'Fuse blown',
    });
    const warehouse = await ApiClient.signIn(baseUrl, 'warehouse@demo.local');
    const order = await warehouse.get<WorkOrder>(`/work-orders/${disposition.followUpId}`);
    expect(order).toMatchObject({ performer: 'internal', status: 'open' });
    const partnerOrders = await warehouse.get<ResultPage<WorkOrder>>('/work-orders?status=open&performer=partner');

    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      await openOperationsTab(page, /^Work orders/);
      const table = page.getByRole('table', { name: 'Work orders' });
      const row = table.getByRole('row').filter({ hasText: order.workOrderNumber });
      await row.getByText('Our bench').waitFor();
      const partnerOrder = partnerOrders.items[0];
      if (partnerOrder) {
        const partnerRow = table.getByRole('row').filter({ hasText: partnerOrder.workOrderNumber });
        await partnerRow.getByText('The partner reports it').waitFor();
        expect(await partnerRow.getByRole('button').count()).toBe(0);
      }

      await row.getByRole('button', { name: `Record outcome of ${order.workOrderNumber}` }).click();
      const dialog = page.getByRole('dialog', { name: `Outcome of ${order.workOrderNumber}` });
      await dialog.getByText('Inspection found: Fuse blown').waitFor();
      await dialog.getByRole('button', { name: 'Record outcome' }).click();
      await dialog.getByText('Choose whether the unit was repaired or is beyond repair.').waitFor();
      await dialog.getByRole('radio', { name: /^Repaired/ }).check();
      await dialog.getByLabel('Grade', { exact: true }).selectOption('B');
      await dialog.getByLabel(`Actual cost (${order.currency})`).fill('30');
      await dialog.getByLabel('Note').fill('Fuse replaced, burn-in tested');
      await dialog.getByRole('button', { name: 'Record outcome' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${order.workOrderNumber}: repaired, restocked at grade B` })
        .waitFor();
      await row.waitFor({ state: 'detached' });

      await page.getByLabel('Status').selectOption('completed');
      const done = table.getByRole('row').filter({ hasText: order.workOrderNumber });
      await done.getByText('Completed · Repaired (grade B)').waitFor();
      await screenshotIfAsked(page, 'operations-work-orders');
    });

    const completed = await warehouse.get<WorkOrder>(`/work-orders/${order.id}`);
    expect(completed).toMatchObject({
      status: 'completed',
      outcome: 'repaired',
      outcomeGrade: 'B',
      actualCostMinor: 3000,
    });
  });

  it('the warehouse ships a unit back to its customer, and reads the disposals written off', async () => {
    const { baseUrl } = suite.server;
    const back = await disposedDemoUnit(baseUrl, 'RETURN_TO_CUSTOMER', { grade: 'C' });
    const scrapped = await disposedDemoUnit(
      baseUrl,
      'SCRAP',
      { grade: 'X', findings: 'Casing cracked through' },
      { disposalReason: 'Casing cracked through: unsafe to sell' },
    );
    const tracking = `TRK${Date.now()}`;

    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      await openOperationsTab(page, /^Returns to customers/);
      const table = page.getByRole('table', { name: 'Returns to customers' });
      const row = table.getByRole('row').filter({ hasText: back.rma.rmaNumber });
      await row.getByRole('button', { name: `Ship ${back.rma.rmaNumber} back` }).click();
      const dialog = page.getByRole('dialog', { name: 'Ship back to the customer' });
      await dialog.getByLabel('Tracking number').fill(tracking);
      await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${back.rma.rmaNumber} shipped back to` })
        .waitFor();
      await row.waitFor({ state: 'detached' });

      await page
        .getByRole('navigation', { name: 'Operations' })
        .getByRole('link', { name: /^Disposals/ })
        .click();
      const disposals = page.getByRole('table', { name: 'Disposals' });
      const disposal = disposals.getByRole('row').filter({ hasText: scrapped.rma.rmaNumber });
      await disposal.getByRole('cell', { name: /^Scrap/ }).waitFor();
      await disposal.getByRole('cell', { name: 'Quinn Quality' }).waitFor();
      await disposal.getByRole('cell', { name: 'Casing cracked through: unsafe to sell' }).waitFor();
      // Read-only: nothing to press.
      expect(await disposals.getByRole('button').count()).toBe(0);
    });

    const warehouse = await ApiClient.signIn(baseUrl, 'warehouse@demo.local');
    const shipment = await warehouse.get<Shipment>(`/customer-return-shipments/${back.disposition.followUpId}`);
    expect(shipment).toMatchObject({ status: 'shipped', carrierReference: tracking });
    const records = await warehouse.get<ResultPage<Disposal>>('/disposals?pageSize=200');
    expect(records.items.find((record) => record.rmaNumber === scrapped.rma.rmaNumber)).toMatchObject({
      method: 'scrap',
      reason: 'Casing cracked through: unsafe to sell',
      approvedBy: 'Quinn Quality',
    });
  });
});
