import { expect, it } from 'vitest';
import { ApiClient } from './support/api.js';
import { chooseInPicker, countUnauthorizedArrivals, escapeRegExp, findArrivalRecords } from './support/arrivals.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';
import type { Rma } from '../../src/contracts/returns.js';

const WAREHOUSE = 'warehouse@demo.local';

describeInBrowser('unauthorized arrivals', () => {
  const suite = setUpBrowserSuite();

  it('the warehouse records goods that came without an RMA and finds them among unauthorized arrivals', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, WAREHOUSE);
    const { customer, site, product } = await findArrivalRecords(api);
    const tracking = `1Z-${Date.now()}`;
    await inPage(suite, async (page) => {
      await signIn(page, WAREHOUSE);
      await page.getByRole('link', { name: /^Record an unauthorized arrival/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Record an unauthorized arrival' }).waitFor();

      await chooseInPicker(
        page,
        'Customer',
        customer.accountNumber,
        new RegExp(`\\b${escapeRegExp(customer.accountNumber)}\\b`),
      );
      await page.getByLabel('Receiving site').selectOption(site.id);
      await page.getByLabel('Carrier or tracking reference').fill(tracking);
      await page
        .getByLabel('Note', { exact: true })
        .fill('Two boxes on one pallet, no paperwork, customer label on top.');
      await chooseInPicker(page, 'Product', product.sku, new RegExp(`^Choose ${escapeRegExp(product.sku)} ·`));
      await page.getByLabel('Quantity').fill('2');
      await screenshotIfAsked(page, 'arrival-form');
      await page.getByRole('button', { name: 'Record arrival' }).click();

      await page.waitForURL(/\/returns\/[^/]+$/);
      const toast = page.getByRole('status').filter({ hasText: /RMA-\S+ recorded as an unauthorized arrival/ });
      await toast.waitFor();
      const heading = page.getByRole('heading', { level: 1 });
      // The RMA awaits a decision; its progress says the goods are here.
      await heading
        .filter({ hasText: 'Pending approval' })
        .filter({ hasText: 'Arrived (2 of 2 units), awaiting approval' })
        .filter({ hasText: 'Unauthorized arrival' })
        .waitFor();
      // The goods are here: nobody is offered to cancel the return.
      expect(await page.getByRole('button', { name: 'Cancel return' }).count()).toBe(0);
      const rmaNumber = /(RMA-\S+)/.exec((await heading.textContent()) ?? '')?.[1];
      expect(rmaNumber).toBeDefined();
      expect(await toast.textContent()).toContain(`${rmaNumber} recorded as an unauthorized arrival`);
      await page.getByText(`${customer.name} · ${customer.accountNumber}`).waitFor();
      await page.getByText(tracking, { exact: true }).waitFor();
      // The return's own lines (the inspections panel below lists the same SKU again).
      await page.getByRole('region', { name: 'Lines' }).getByRole('cell', { name: product.sku }).waitFor();
      await screenshotIfAsked(page, 'arrival-recorded');

      const rmaId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const rma = await api.get<Rma>(`/returns/${rmaId}`);
      expect(rma).toMatchObject({
        rmaNumber,
        status: 'pending_approval',
        progress: { stage: 'awaiting_approval' },
        isUnauthorized: true,
        customerId: customer.id,
      });
      expect(rma.lines.map((line) => [line.productId, line.quantity, line.reasonCode])).toEqual([
        [product.id, 2, 'UNKNOWN'],
      ]);

      await openMainNav(page, 'Returns');
      await page.getByLabel('How it arrived').selectOption('true');
      await page.waitForURL(/isUnauthorized=true/);
      await page.getByRole('heading', { level: 1, name: 'Unauthorized arrivals' }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: rmaNumber!, exact: true }) });
      await row.waitFor();
      expect(await row.textContent()).toContain('Unauthorized');
      expect(await row.textContent()).toContain('Arrived (2 of 2 units), awaiting approval');
    });
  });

  it('without a note the form says what is missing and records nothing', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, WAREHOUSE);
    const { customer, site, product } = await findArrivalRecords(api);
    const before = await countUnauthorizedArrivals(api);
    await inPage(suite, async (page) => {
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/returns/unauthorized')) posts.push(request.url());
      });
      await signIn(page, WAREHOUSE);
      await page.goto('/warehouse/unauthorized/new');
      await chooseInPicker(
        page,
        'Customer',
        customer.accountNumber,
        new RegExp(`\\b${escapeRegExp(customer.accountNumber)}\\b`),
      );
      await page.getByLabel('Receiving site').selectOption(site.id);
      await chooseInPicker(page, 'Product', product.sku, new RegExp(`^Choose ${escapeRegExp(product.sku)} ·`));
      await page.getByLabel('Quantity').fill('2');
      await page.getByRole('button', { name: 'Record arrival' }).click();

      await page.getByText('Describe what arrived.', { exact: true }).waitFor();
      const note = page.getByLabel('Note', { exact: true });
      expect(await note.getAttribute('aria-invalid')).toBe('true');
      expect(await note.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(new URL(page.url()).pathname).toBe('/warehouse/unauthorized/new');
      await screenshotIfAsked(page, 'arrival-missing-note');

      // Typing the note clears the message; nothing was sent.
      await note.fill('One carton, unlabelled.');
      await page.getByText('Describe what arrived.', { exact: true }).waitFor({ state: 'detached' });
      expect(posts).toEqual([]);
    });
    expect(await countUnauthorizedArrivals(api)).toBe(before);
  });

  it('a parcel from an unknown sender with a product not in the catalogue waits under its own number until customer service identifies it', async () => {
    const warehouse = await ApiClient.signIn(suite.server.baseUrl, WAREHOUSE);
    const { customer, product } = await findArrivalRecords(warehouse);
    expect(warehouse.siteId).not.toBeNull();
    const code = `CODE-${Date.now()}`;
    let arrivalNumber = '';
    await inPage(suite, async (page) => {
      await signIn(page, WAREHOUSE);
      await page.goto('/warehouse/unauthorized/new');
      // The form starts at the operator's own site.
      expect(await page.getByLabel('Receiving site').inputValue()).toBe(warehouse.siteId);
      await page.getByLabel('The sender is not one of our customers, or cannot be told').check();
      await page.getByLabel('Sender as the parcel shows it').fill('J. Smith Hardware, 12 Mill Lane, Leeds');
      await page.getByLabel('Note', { exact: true }).fill('One carton, handwritten note: "does not work".');
      await page.getByLabel('Not in our catalogue').check();
      await page.getByRole('button', { name: 'Record arrival to identify' }).click();
      // The description is what identifies uncatalogued goods: the form asks for it at the field.
      await page.getByText('Describe the goods: no catalogue product was chosen.').waitFor();
      await page.getByLabel('What arrived').fill('Cordless drill, green, no brand');
      await page.getByLabel('Barcode or part number').fill(code);
      await page.getByLabel('Quantity').fill('3');
      await page.getByRole('button', { name: 'Record arrival to identify' }).click();

      await page.waitForURL(/\/receiving\/arrivals\/[^/]+$/);
      const toast = page.getByRole('status').filter({ hasText: /UA-\d{7} recorded/ });
      await toast.waitFor();
      arrivalNumber = /(UA-\d{7})/.exec((await toast.textContent()) ?? '')?.[1] ?? '';
      await page
        .getByRole('heading', { level: 1 })
        .filter({ hasText: arrivalNumber })
        .filter({ hasText: 'To identify' })
        .waitFor();
      await page.getByText('J. Smith Hardware, 12 Mill Lane, Leeds').waitFor();
      await page.getByRole('cell', { name: code }).waitFor();
      await screenshotIfAsked(page, 'arrival-to-identify');
    });

    await inPage(suite, async (page) => {
      await signIn(page, 'cs_agent@demo.local');
      await openMainNav(page, 'Arrivals');
      await page.getByRole('heading', { level: 1, name: 'Arrivals to identify' }).waitFor();
      // A scanned code that finds one arrival opens it on Enter.
      await page.getByLabel('Search arrivals').fill(code);
      await page.getByLabel('Search arrivals').press('Enter');
      await page.waitForURL(/\/receiving\/arrivals\/[^/]+$/);
      await page.getByRole('heading', { level: 1 }).filter({ hasText: arrivalNumber }).waitFor();

      const form = page.getByRole('form', { name: 'Identify the arrival' });
      await form.getByRole('button', { name: 'Identify and open the return' }).click();
      await form.getByText('Choose the customer the goods came from.').waitFor();
      await chooseInPicker(
        page,
        'Customer',
        customer.accountNumber,
        new RegExp(`\\b${escapeRegExp(customer.accountNumber)}\\b`),
      );
      await chooseInPicker(page, 'Product', product.sku, new RegExp(`^Choose ${escapeRegExp(product.sku)} ·`));
      await form.getByRole('button', { name: 'Identify and open the return' }).click();

      await page.waitForURL(/\/returns\/[^/]+$/);
      await page
        .getByRole('status')
        .filter({ hasText: `${arrivalNumber} identified` })
        .waitFor();
      await page
        .getByRole('heading', { level: 1 })
        .filter({ hasText: 'Pending approval' })
        .filter({ hasText: 'Arrived (3 of 3 units), awaiting approval' })
        .waitFor();
      await page.getByText(`Arrived unidentified as ${arrivalNumber}`).waitFor();
    });
  });
});
