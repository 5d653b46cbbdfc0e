import { expect, it } from 'vitest';
import type { Page } from '../../src/contracts/common.js';
import type { Customer } from '../../src/contracts/masterdata.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { ApiClient } from './support/api.js';
import { chooseInPicker, escapeRegExp } from './support/arrivals.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

interface ApiKeyRow {
  id: string;
  name: string;
  customerId: string | null;
  revokedAt: string | null;
}

/** What an integration holding `secret` gets when it lists returns. */
async function callWithKey(baseUrl: string, secret: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/returns?pageSize=1`, {
    headers: { Authorization: `Bearer ${secret}` },
  });
  await response.body?.cancel();
  return response.status;
}

describeInBrowser('API keys', () => {
  const suite = setUpBrowserSuite();

  it('an admin creates a key, sees its secret once, the key works, and after revoking it no longer does', async () => {
    await inPage(suite, async (page) => {
      const { baseUrl } = suite.server;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await signIn(page, 'admin@demo.local');
      await openMainNav(page, 'Admin');
      await page.getByRole('link', { name: /^API keys/ }).click();
      await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();

      const name = `Carrier tracking ${Date.now()}`;
      await page.getByRole('button', { name: 'Create API key' }).click();
      const form = page.getByRole('dialog', { name: 'Create API key' });
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Role').selectOption({ label: 'Customer service' });
      expect(await form.getByLabel('Customer', { exact: true }).count()).toBe(0);
      await form.getByRole('button', { name: 'Create key' }).click();

      const shown = page.getByRole('dialog', { name: `API key “${name}” created` });
      await shown.getByText('Store it now: it will not be shown again').waitFor();
      const secret = await shown.getByLabel('Secret key').inputValue();
      expect(secret).toMatch(/^bmk_[0-9a-f]+_\S+$/);
      expect(await shown.locator('pre').textContent()).toBe(
        `curl -H "Authorization: Bearer ${secret}" ${baseUrl}/api/v1/returns`,
      );
      await shown.getByRole('button', { name: 'Copy secret key' }).click();
      await shown.getByText('Copied to the clipboard.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await screenshotIfAsked(page, 'api-key-secret');
      await shown.getByRole('button', { name: 'Done' }).click();

      // Shown once: closed, the secret is nowhere on the page.
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByText('Active', { exact: true }).waitFor();
      expect(await page.content()).not.toContain(secret);
      const prefix = secret.split('_')[1]!;
      await row.getByText(`bmk_${prefix}_…`).waitFor();
      await row.getByRole('cell', { name: 'Customer service', exact: true }).waitFor();

      expect(await callWithKey(baseUrl, secret)).toBe(200);

      await row.getByRole('button', { name: `Revoke ${name}` }).click();
      const confirm = page.getByRole('dialog', { name: `Revoke API key “${name}”?` });
      await confirm.getByRole('button', { name: 'Revoke key' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `API key “${name}” revoked` })
        .waitFor();
      await row.getByText('Revoked', { exact: true }).waitFor();
      expect(await row.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
      await screenshotIfAsked(page, 'api-keys');

      expect(await callWithKey(baseUrl, secret)).toBe(401);
    });
  });

  it('a customer key needs a customer account: without one nothing is created', async () => {
    await inPage(suite, async (page) => {
      const admin = await ApiClient.signIn(suite.server.baseUrl, 'admin@demo.local');
      const before = await admin.get<{ items: ApiKeyRow[] }>('/api-keys');
      const customer = (await admin.get<Page<Customer>>('/customers?pageSize=1')).items[0];
      if (!customer) throw new Error('the demo data has no customer');

      await signIn(page, 'admin@demo.local');
      await page.goto('/admin/api-keys');
      await page.getByRole('button', { name: 'Create API key' }).click();
      const form = page.getByRole('dialog', { name: 'Create API key' });
      const name = `Customer ERP ${Date.now()}`;
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Role').selectOption('customer');
      await form.getByRole('button', { name: 'Create key' }).click();

      await form.getByText('Choose the customer account this key acts for.').waitFor();
      const search = form.getByLabel('Customer', { exact: true });
      expect(await search.getAttribute('aria-invalid')).toBe('true');
      expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
      expect((await admin.get<{ items: ApiKeyRow[] }>('/api-keys')).items).toEqual(before.items);
      await screenshotIfAsked(page, 'api-key-customer-required');

      // Choosing the account fixes it; the list then names the account.
      await chooseInPicker(page, 'Customer', customer.name, new RegExp(escapeRegExp(customer.name)));
      await form.getByRole('button', { name: 'Create key' }).click();
      const shown = page.getByRole('dialog', { name: `API key “${name}” created` });
      await shown.getByLabel('Secret key').waitFor();
      // Not copied: closing asks first, since the secret is gone once the dialog closes.
      await shown.getByRole('button', { name: 'Done' }).click();
      const question = page.getByRole('dialog', { name: 'Close without copying the secret key?' });
      await question.getByText('You will not see this secret key again. Close anyway?').waitFor();
      await question.getByRole('button', { name: 'Close anyway' }).click();
      await shown.waitFor({ state: 'detached' });
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByText(customer.name).waitFor();
      const after = await admin.get<{ items: ApiKeyRow[] }>('/api-keys');
      expect(after.items.filter((key) => key.name === name).map((key) => key.customerId)).toEqual([customer.id]);
    });
  });
});
