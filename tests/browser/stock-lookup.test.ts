import { expect, it } from 'vitest';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { authorizedDemoReturn } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('stock lookup', () => {
  const suite = setUpBrowserSuite();

  it('the warehouse finds where a return’s received units are, and how they got there', async () => {
    const { rma } = await authorizedDemoReturn(suite.server.baseUrl);
    const warehouse = await ApiClient.signIn(suite.server.baseUrl, 'warehouse@demo.local');
    expect(warehouse.siteId).not.toBeNull();
    await warehouse.post(`/returns/${rma.id}/receipts`, {
      siteId: warehouse.siteId,
      items: [{ productId: rma.lines[0]!.productId, quantity: 1, lots: ['LOT-LOOKUP'] }],
    });

    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      await openMainNav(page, 'Stock');
      await page.getByRole('heading', { level: 1, name: 'Where is this unit?' }).waitFor();
      await page.getByLabel('Serial or RMA number').fill(rma.rmaNumber.toLowerCase());
      await page.getByLabel('Serial or RMA number').press('Enter');
      const onHand = page.getByRole('table', { name: 'Units on hand' });
      const row = onHand.getByRole('row').filter({ hasText: 'LOT-LOOKUP' });
      await row.getByRole('cell', { name: 'Awaiting inspection' }).waitFor();
      expect(await row.textContent()).toContain(rma.lines[0]!.sku);
      const movements = page.getByRole('table', { name: 'Stock movements, oldest first' });
      await movements.getByRole('row').filter({ hasText: 'Receipt' }).first().waitFor();
      await screenshotIfAsked(page, 'stock-lookup');

      await page.getByLabel('Serial or RMA number').fill('RMA-9999999');
      await page.getByLabel('Serial or RMA number').press('Enter');
      await page.getByText('No return has the number RMA-9999999.').waitFor();
    });
  });

  it('the warehouse puts a received unit away from the receiving lane to a bay', async () => {
    const { rma } = await authorizedDemoReturn(suite.server.baseUrl);
    const warehouse = await ApiClient.signIn(suite.server.baseUrl, 'warehouse@demo.local');
    const lot = `LOT-PUT-${Date.now()}`;
    await warehouse.post(`/returns/${rma.id}/receipts`, {
      siteId: warehouse.siteId,
      items: [{ productId: rma.lines[0]!.productId, quantity: 1, lots: [lot] }],
    });
    const bay = `BAY-${Date.now() % 100000}`;
    await warehouse.post(`/sites/${warehouse.siteId}/locations`, {
      code: bay,
      name: 'Inspection bay',
      kind: 'inspection',
    });

    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      await openMainNav(page, 'Put away');
      await page.getByRole('heading', { level: 1, name: 'Put away' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: lot });
      await row.getByRole('button', { name: /^Put away/ }).click();
      const dialog = page.getByRole('dialog', { name: `Put away ${rma.lines[0]!.sku}` });
      await dialog.getByRole('button', { name: 'Move' }).click();
      await dialog.getByText('Choose where the units go.').waitFor();
      await dialog.getByLabel('To location').selectOption({ label: `${bay} · Inspection bay (Inspection)` });
      await dialog.getByRole('button', { name: 'Move' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `moved to ${bay}` })
        .waitFor();
      await row.waitFor({ state: 'detached' });
      await screenshotIfAsked(page, 'put-away');
    });
    const where = await warehouse.get<{ units: Array<{ lot: string | null; locationCode: string; status: string }> }>(
      `/stock/units?rmaId=${rma.id}`,
    );
    expect(where.units).toEqual([expect.objectContaining({ lot, locationCode: bay, status: 'awaiting_inspection' })]);
  });
});
