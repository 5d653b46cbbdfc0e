import { expect, it } from 'vitest';
import { ApiClient, findReturnCandidate } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { fillReturnLine, openMainNav, submitReturnRequest } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('customer portal', () => {
  const suite = setUpBrowserSuite();

  it('a customer requests a return for an order line and finds it in My returns', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const candidate = await findReturnCandidate(api, { customerId: api.customerId });
    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await openMainNav(page, 'My orders');
      await page.getByLabel('Search orders').fill(candidate.order.orderNumber);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: candidate.order.orderNumber, exact: true }).click();
      await page.getByRole('heading', { name: `Order ${candidate.order.orderNumber}` }).waitFor();
      await page.getByRole('link', { name: 'Request a return' }).click();

      await fillReturnLine(page, candidate, 1);
      await page.locator('.check--pass').first().waitFor();
      await screenshotIfAsked(page, 'customer-request-form');
      const rmaNumber = await submitReturnRequest(page);

      await openMainNav(page, 'My returns');
      await page.getByRole('link', { name: rmaNumber, exact: true }).waitFor();
    });
  });

  it('asking to return more than is returnable gets a failing verdict and cannot be submitted', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const candidate = await findReturnCandidate(api, { customerId: api.customerId });
    const line = candidate.order.lines[candidate.lineIndex];
    const tooMany = (line?.quantityShipped ?? 0) + 5;
    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await page.goto(`/portal/orders/${candidate.order.id}/return`);
      await fillReturnLine(page, candidate, tooMany);

      // The verdict as a whole, in the panel's header (each failing line carries the same badge).
      await page.locator('.verdict .panel__header').getByText('Not eligible', { exact: true }).waitFor();
      const failed = page.locator('.check--fail').filter({ hasText: 'returnable' });
      await failed.first().waitFor();
      expect(await failed.first().textContent()).toContain(String(tooMany));
      expect(await page.getByRole('button', { name: 'Submit return request' }).isDisabled()).toBe(true);
      await screenshotIfAsked(page, 'customer-over-quantity');
    });
  });
});
