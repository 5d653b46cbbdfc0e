import { expect, it } from 'vitest';
import type { Rma } from '../../src/contracts/returns.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { authorizedDemoReturn } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('return routing', () => {
  const suite = setUpBrowserSuite();

  it('a manager sees why the rules chose the site and sends the goods elsewhere, with a reason', async () => {
    const { rma: authorized } = await authorizedDemoReturn(suite.server.baseUrl);
    const staff = await ApiClient.signIn(suite.server.baseUrl, 'cs_manager@demo.local');
    const rma = await staff.get<Rma>(`/returns/${authorized.id}`);
    const instruction = rma.routingInstruction!;
    // The demo customer is in Ohio: the Midwest zone sends its goods to Columbus.
    expect(instruction).toMatchObject({ siteCode: 'US-CMH', basis: 'rules' });

    await inPage(suite, async (page) => {
      await signIn(page, 'cs_manager@demo.local');
      await page.goto(`/returns/${rma.id}`);
      const panel = page.getByRole('region', { name: 'Where the goods go' });
      await panel.getByText('US-CMH · Columbus Distribution Center').waitFor();
      await panel.getByText(/is in zone US Midwest and East/).waitFor();
      await panel.getByRole('button', { name: 'Send to another site…' }).click();

      const dialog = page.getByRole('dialog', { name: `Send ${rma.rmaNumber} to another site` });
      await dialog.getByRole('button', { name: 'Send there' }).click();
      await dialog.getByText('Choose the site the goods should go to.').waitFor();
      await dialog.getByText('Say why the rules are overridden.').waitFor();

      await dialog.getByLabel('Site').selectOption({ label: 'US-DAL · Dallas Distribution Center' });
      await dialog.getByLabel('Reason').fill('Columbus dock closed for resurfacing this week');
      await dialog.getByRole('button', { name: 'Send there' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${rma.rmaNumber} now goes to US-DAL` })
        .waitFor();
      await panel.getByText('US-DAL · Dallas Distribution Center').waitFor();
      await panel.getByText(/Overridden by/).waitFor();
      await panel.getByText(/Columbus dock closed for resurfacing this week/).waitFor();
      await screenshotIfAsked(page, 'return-routing');
    });
    const after = await staff.get<Rma>(`/returns/${rma.id}`);
    expect(after.routingInstruction).toMatchObject({ siteCode: 'US-DAL', basis: 'override' });
    expect(after.shipTo?.siteName).toBe('Dallas Distribution Center');
  });
});
