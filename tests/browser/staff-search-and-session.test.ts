import { expect, it } from 'vitest';
import type { Page as BrowserPage } from 'playwright-core';
import type { Page } from '../../src/contracts/common.js';
import type { Customer, Product } from '../../src/contracts/masterdata.js';
import type { RmaSummary } from '../../src/contracts/returns.js';
import { ApiClient } from './support/api.js';
import { escapeRegExp } from './support/arrivals.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

const AGENT = 'cs_agent@demo.local';
const WAREHOUSE = 'warehouse@demo.local';
const TOP_SEARCH = 'Search returns, orders and customers';
const ARRIVAL_PATH = '/warehouse/unauthorized/new';

describeInBrowser('staff search and session', () => {
  const suite = setUpBrowserSuite();

  it('the top-bar search groups what it finds, and a scan that matches one record opens it', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, AGENT);
    const [returns, customers] = await Promise.all([
      api.get<Page<RmaSummary>>('/returns?pageSize=1'),
      api.get<Page<Customer>>('/customers?pageSize=1'),
    ]);
    const rma = returns.items[0];
    const customer = customers.items[0];
    if (!rma || !customer) throw new Error('the demo data has no return or customer');
    await inPage(suite, async (page) => {
      await signIn(page, AGENT);
      // After signing in, focus moves to the new page's content; type once it has.
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      const search = page.getByRole('searchbox', { name: TOP_SEARCH });

      // Typed: results grouped by kind.
      await search.fill(customer.accountNumber);
      await page.getByRole('region', { name: 'Customers' }).getByRole('link', { name: customer.name }).waitFor();
      await page.getByRole('region', { name: 'Orders' }).waitFor();
      await screenshotIfAsked(page, 'top-search-results');
      // The arrow key moves from the box into the results.
      await search.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
      await page.getByRole('region', { name: 'Customers' }).waitFor();

      // Scanned: the code and Enter at once, before any search has answered; one match opens.
      await search.fill(rma.rmaNumber);
      await search.press('Enter');
      await page.waitForURL(new RegExp(`/returns/${rma.id}$`));
      await page.getByRole('heading', { level: 1 }).filter({ hasText: rma.rmaNumber }).waitFor();

      // The same rule on the customer search page.
      await page.goto('/service/customers');
      await page.getByLabel('Search customers').fill(customer.accountNumber);
      await page.getByLabel('Search customers').press('Enter');
      await page.waitForURL(new RegExp(`/service/customers/${customer.id}$`));
      await page.getByRole('heading', { level: 1, name: customer.name }).waitFor();
    });
  });

  it('a scanned SKU picks the product in the arrival form’s picker', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, WAREHOUSE);
    const products = await api.get<Page<Product>>('/products?pageSize=100');
    let product: Product | undefined;
    for (const candidate of products.items) {
      const found = await api.get<Page<Product>>(`/products?q=${encodeURIComponent(candidate.sku)}&pageSize=2`);
      if (found.total === 1) {
        product = candidate;
        break;
      }
    }
    if (!product) throw new Error('no product whose SKU finds only itself');
    await inPage(suite, async (page) => {
      await signIn(page, WAREHOUSE);
      await page.goto(ARRIVAL_PATH);
      const picker = page.getByLabel('Product', { exact: true });
      await picker.fill(product.sku);
      await picker.press('Enter');
      await page
        .getByRole('group', { name: 'Product', exact: true })
        .getByText(new RegExp(`^${escapeRegExp(product.sku)} ·`))
        .waitFor();
    });
  });

  it('two tabs share one session: a new tab is signed in, and signing out in one signs out the other', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, AGENT);
      const other = await page.context().newPage();
      await other.goto('/returns');
      await other.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(new URL(other.url()).pathname).toBe('/returns');

      await other.getByRole('button', { name: 'Sign out' }).click();
      await other.waitForURL(/\/login(\?|$)/);
      await page.waitForURL(/\/login(\?|$)/);
      expect(await page.evaluate(() => localStorage.getItem('boomerang.session'))).toBeNull();
      await other.close();
    });
  });

  it('warns before the session ends and signs in again in a dialog, keeping the page', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, WAREHOUSE);
      await page.goto(ARRIVAL_PATH);
      await page.getByLabel('Note', { exact: true }).fill('Pallet with no paperwork.');
      // The token ends in two minutes (the web app learns it from the stored expiresAt).
      await setExpiresIn(page, 2 * 60_000);
      await page.reload();
      const notice = page.getByRole('alert').filter({ hasText: /Your session ends in (1 minute|2 minutes)/ });
      await notice.waitFor();
      await screenshotIfAsked(page, 'session-expiring');
      await notice.getByRole('button', { name: 'Stay signed in' }).click();
      const dialog = page.getByRole('dialog', { name: 'Stay signed in' });
      await dialog.getByLabel('Password').fill('demo');
      await dialog.getByRole('button', { name: 'Sign in again' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await notice.waitFor({ state: 'hidden' });
      // Kept as a draft across the reload, and still on the page after signing in again.
      expect(await page.getByLabel('Note', { exact: true }).inputValue()).toBe('Pallet with no paperwork.');
      const expiresAt = await page.evaluate(
        () => (JSON.parse(localStorage.getItem('boomerang.session') ?? '{}') as { expiresAt?: string }).expiresAt,
      );
      expect(Date.parse(expiresAt ?? '') - Date.now()).toBeGreaterThan(60 * 60_000);
    });
  });

  it('a session that ends under a form keeps it: signed in again in the dialog, or after the sign-in page', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, WAREHOUSE);
      await setExpiresIn(page, 6_000);
      await page.goto(ARRIVAL_PATH);
      await page.getByLabel('Carrier or tracking reference').fill('1Z-KEPT');
      await page.getByLabel('Note', { exact: true }).fill('Three cartons, customer label only.');

      // The token ends while the form is open: the page stays and a dialog asks for the password.
      const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
      await dialog.waitFor({ timeout: 20_000 });
      await dialog.getByLabel('Password').fill('demo');
      await dialog.getByRole('button', { name: 'Sign in again' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.getByLabel('Note', { exact: true }).inputValue()).toBe('Three cartons, customer label only.');

      // Ended while the tab was closed or reloaded: the sign-in page, then the form as it was.
      await setExpiresIn(page, -1_000);
      await page.reload();
      await page.waitForURL(/\/login\?next=/);
      await page.getByLabel('E-mail').fill(WAREHOUSE);
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(new RegExp(`${ARRIVAL_PATH}$`));
      await page.getByText('The form is as you left it').waitFor();
      expect(await page.getByLabel('Carrier or tracking reference').inputValue()).toBe('1Z-KEPT');
      expect(await page.getByLabel('Note', { exact: true }).inputValue()).toBe('Three cartons, customer label only.');

      // Signing out throws drafts away: the next person at this browser finds an empty form.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, WAREHOUSE);
      await page.goto(ARRIVAL_PATH);
      expect(await page.getByLabel('Note', { exact: true }).inputValue()).toBe('');
    });
  });
});

async function setExpiresIn(page: BrowserPage, ms: number): Promise<void> {
  await page.evaluate((offset) => {
    const session = JSON.parse(localStorage.getItem('boomerang.session') ?? '{}') as { expiresAt: string };
    session.expiresAt = new Date(Date.now() + offset).toISOString();
    localStorage.setItem('boomerang.session', JSON.stringify(session));
  }, ms);
}
