import { it } from 'vitest';
import { ApiClient, findCustomerWithReturnCandidate } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { fillReturnLine, openMainNav, submitReturnRequest } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('customer service', () => {
  const suite = setUpBrowserSuite();

  it('an agent finds a customer and creates an RMA on their behalf', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'cs_agent@demo.local');
    const { customer, candidate } = await findCustomerWithReturnCandidate(api);
    await inPage(suite, async (page) => {
      await signIn(page, 'cs_agent@demo.local');
      await openMainNav(page, 'Customers');
      await page.getByLabel('Search customers').fill(customer.accountNumber);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: customer.accountNumber, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: customer.name }).waitFor();

      await page.getByRole('link', { name: candidate.order.orderNumber, exact: true }).click();
      await page.getByRole('link', { name: 'Create RMA' }).click();
      await page.getByRole('heading', { name: `Create an RMA for ${customer.name}` }).waitFor();
      await fillReturnLine(page, candidate, 1);
      await screenshotIfAsked(page, 'agent-request-form');
      const rmaNumber = await submitReturnRequest(page);

      await page.getByText(`${customer.name} · ${customer.accountNumber}`).waitFor();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await page.getByText('Return requested', { exact: false }).first().waitFor();
      await screenshotIfAsked(page, `agent-created-${rmaNumber}`);
    });
  });
});
