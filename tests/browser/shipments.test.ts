import { expect, it } from 'vitest';
import { detectTrackingNumber } from '../../src/logistics/index.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { authorizedDemoReturn } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

/** A UPS number nobody has used in this run: the check digit is whichever the carrier table accepts. */
function freshUpsNumber(): string {
  const stem = `1Z999AA1${String(Date.now()).slice(-9)}`;
  for (let digit = 0; digit <= 9; digit++) if (detectTrackingNumber(`${stem}${digit}`).ok) return `${stem}${digit}`;
  throw new Error(`no check digit completes ${stem}`);
}

describeInBrowser('shipments', () => {
  const suite = setUpBrowserSuite();

  it('the customer adds the tracking number (a typo is caught at the field) and follows the parcel on the return page', async () => {
    const { rma } = await authorizedDemoReturn(suite.server.baseUrl);
    const number = freshUpsNumber();

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'customer@demo.local');
        await page.goto(`/returns/${rma.id}`);
        const panel = page.getByRole('region', { name: 'Shipments' });
        await panel.getByText('No shipment recorded yet.').waitFor();
        const field = panel.getByLabel('Tracking number');
        await field.fill('1Z999AA10123456785');
        await panel.getByRole('button', { name: 'Add shipment' }).click();
        await panel.getByText('Looks like a UPS number but its check digit is wrong.').waitFor();
        expect(await field.getAttribute('aria-invalid')).toBe('true');

        await field.fill(number.replace(/(.{4})/g, '$1 '));
        await panel.getByRole('button', { name: 'Add shipment' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `UPS shipment ${number} recorded` })
          .waitFor();
        const parcel = panel.getByRole('article', { name: `UPS ${number}` });
        await parcel.getByText('No carrier scan yet').waitFor();
        // Everything is on its way now: no form offers to ship more.
        expect(await panel.getByRole('button', { name: 'Add shipment' }).count()).toBe(0);

        // The carrier's scan arrives through the integration; the customer sees it on the page.
        const feed = await ApiClient.signIn(suite.server.baseUrl, 'warehouse@demo.local');
        await feed.post('/tracking/events', {
          events: [
            {
              eventId: `scan-${number}`,
              carrier: 'ups',
              trackingNumber: number,
              status: 'in_transit',
              carrierStatus: 'I',
              occurredAt: new Date().toISOString(),
              location: 'Louisville, KY, US',
              description: 'Departed from facility',
            },
          ],
        });
        await page.reload();
        await parcel.getByRole('heading').getByText('In transit', { exact: true }).waitFor();
        await parcel
          .getByRole('list', { name: 'Tracking' })
          .getByText(/Departed from facility · Louisville, KY, US/)
          .waitFor();
        await page
          .getByRole('heading', { level: 1 })
          .filter({ hasText: /in transit/i })
          .waitFor();
        await screenshotIfAsked(page, 'return-shipment-tracking');
      },
      { expectedErrors: [/status of 400/] },
    );
  });
});
