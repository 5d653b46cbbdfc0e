import { expect, it } from 'vitest';
import type { Rma } from '../../src/contracts/returns.js';
import { ApiClient, findReturnCandidate } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { approveAsManager } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('stock lookup', () => {
  const suite = setUpBrowserSuite();

  it('the warehouse finds where a return’s received units are, and how they got there', async () => {
    const customer = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const candidate = await findReturnCandidate(customer, { customerId: customer.customerId });
    const line = candidate.order.lines[candidate.lineIndex]!;
    let rma = await customer.post<Rma>('/returns', {
      customerId: candidate.order.customerId,
      returnType: 'standard',
      lines: [{ orderLineId: line.id, quantity: 1, reasonCode: candidate.reasonCode, claimedCondition: 'unopened' }],
    });
    if (rma.status === 'pending_approval') {
      await approveAsManager(suite.server.baseUrl, rma.id, rma.version);
      rma = await customer.get<Rma>(`/returns/${rma.id}`);
    }
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
});
