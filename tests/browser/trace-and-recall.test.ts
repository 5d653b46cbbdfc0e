import { expect, it } from 'vitest';
import type { RaisedRecall } from '../../src/contracts/recalls.js';
import type { Rma } from '../../src/contracts/returns.js';
import type { Trace } from '../../src/contracts/trace.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { approveAsManager, findOrderLine, firstActiveReason, isOpenToReturn } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('trace and recall', () => {
  const suite = setUpBrowserSuite();

  it('the warehouse traces a returned serial: sold, returned, received, and where it is now', async () => {
    const customer = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const reason = await firstActiveReason(customer);
    const { order, line } = await findOrderLine(
      customer,
      (candidate) => isOpenToReturn(candidate) && candidate.isReturnable && candidate.serialsShipped.length > 0,
      10,
    );
    const serial = line.serialsShipped.at(-1)!;
    const requested = await customer.post<Rma>('/returns', {
      customerId: order.customerId,
      returnType: 'serialized',
      lines: [
        { orderLineId: line.id, quantity: 1, reasonCode: reason.code, claimedCondition: 'unopened', serials: [serial] },
      ],
    });
    if (requested.status === 'pending_approval')
      await approveAsManager(suite.server.baseUrl, requested.id, requested.version);
    const warehouse = await ApiClient.signIn(suite.server.baseUrl, 'warehouse@demo.local');
    await warehouse.post(`/returns/${requested.id}/receipts`, {
      siteId: warehouse.siteId,
      items: [{ productId: line.productId, serials: [serial] }],
    });

    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      await openMainNav(page, 'Trace');
      await page.getByRole('heading', { level: 1, name: 'Trace a serial or lot' }).waitFor();
      await page.getByLabel('Look up').selectOption('serial');
      await page.getByLabel('Serial number').fill(serial);
      await page.getByRole('button', { name: 'Trace', exact: true }).click();
      const path = page.getByRole('list', { name: 'Path, oldest first' });
      await path.getByText(`Sold to ${order.customerName}`, { exact: false }).first().waitFor();
      await path.getByText(`Return requested on ${requested.rmaNumber}`, { exact: false }).waitFor();
      await path.getByText(/^Received at /).waitFor();
      await path.getByText(/^Waiting for inspection at /).waitFor();
      const whereNow = page.getByRole('table', { name: 'Where the units are now' });
      const row = whereNow.getByRole('row').filter({ hasText: serial });
      await row.getByRole('cell', { name: 'Awaiting inspection' }).waitFor();
      await screenshotIfAsked(page, 'trace-serial');

      // The address keeps the look-up, and the path links to the return.
      expect(new URL(page.url()).searchParams.get('serial')).toBe(serial);
      await path
        .getByRole('link', { name: `Open ${requested.rmaNumber}` })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: new RegExp(requested.rmaNumber) }).waitFor();

      // Nothing found is said, not left blank.
      await page.goto('/trace?serial=NO-SUCH-SERIAL-0');
      await page.getByText('Nothing found for serial number NO-SUCH-SERIAL-0').waitFor();
    });
  });

  it('quality traces a demo lot and recalls it: a recall return for every customer still holding it', async () => {
    const customer = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const { line } = await findOrderLine(
      customer,
      (candidate) =>
        isOpenToReturn(candidate) &&
        candidate.isLotControlled &&
        candidate.lotsShipped.length > 0 &&
        candidate.regulatedClass === null,
      10,
    );
    const lot = line.lotsShipped[0]!;
    const quality = await ApiClient.signIn(suite.server.baseUrl, 'quality@demo.local');
    const before = await quality.get<Trace>(`/trace?lot=${encodeURIComponent(lot)}&productId=${line.productId}`);
    const sold = before.events.filter((e) => e.stage === 'sold');
    expect(sold.length).toBeGreaterThan(0);

    let recallNumber = '';
    await inPage(suite, async (page) => {
      await signIn(page, 'quality@demo.local');
      await openMainNav(page, 'Trace');
      await page.getByLabel('Look up').selectOption('lot');
      await page.getByLabel('Lot', { exact: true }).fill(lot);
      await page.getByLabel('Product (optional)').fill(line.sku);
      await page.getByRole('button', { name: `Choose ${line.sku} · ${line.productName}` }).click();
      await page.getByRole('button', { name: 'Trace', exact: true }).click();
      const path = page.getByRole('list', { name: 'Path, oldest first' });
      await path
        .getByText(/^Sold to /)
        .first()
        .waitFor();
      expect(await path.getByText(/^Sold to /).count()).toBe(sold.length);

      await page.getByRole('link', { name: 'Recall this lot' }).click();
      await page.getByRole('heading', { level: 1, name: 'Raise a recall' }).waitFor();
      expect(await page.getByLabel('Affected lots').inputValue()).toBe(lot);
      await page.getByRole('button', { name: 'Raise recall returns' }).click();
      await page.getByText('Say why the lots are recalled', { exact: false }).waitFor();
      await page.getByLabel('Reason').fill('Supplier notice: seal failure in this lot');
      await page.getByRole('button', { name: 'Raise recall returns' }).click();
      const raised = page.getByText(/^Recall RCL-\S+ raised for/);
      await raised.waitFor();
      recallNumber = /(RCL-\S+)/.exec((await raised.textContent()) ?? '')?.[1] ?? '';
      const returns = page.getByRole('table', { name: 'Recall returns' });
      await returns.getByRole('link', { name: /^RMA-/ }).first().waitFor();
      await screenshotIfAsked(page, 'recall-raised');

      await page.goto('/recalls');
      await page.getByRole('link', { name: recallNumber }).click();
      await page.getByRole('heading', { level: 1, name: `Recall ${recallNumber}` }).waitFor();
      await page.getByRole('table', { name: 'Recall returns' }).getByRole('link', { name: /^RMA-/ }).first().waitFor();
    });

    // What the screen showed is what the API holds: recall returns, each for a customer the lot was sold to.
    const recalls = await quality.get<{ items: Array<{ id: string; recallNumber: string }> }>('/recalls');
    const summary = recalls.items.find((r) => r.recallNumber === recallNumber)!;
    const recall = await quality.get<RaisedRecall>(`/recalls/${summary.id}`);
    expect(recall.rmas.length).toBeGreaterThan(0);
    const soldTo = sold.map((e) => e.title).join('\n');
    for (const summaryRma of recall.rmas) {
      const rma = await quality.get<Rma>(`/returns/${summaryRma.rmaId}`);
      expect(rma.returnType).toBe('recall');
      expect(rma.customerReference).toBe(recallNumber);
      expect(soldTo).toContain(rma.customerName);
      for (const rmaLine of rma.lines) expect(rmaLine.lots).toEqual([lot]);
    }
  });
});
