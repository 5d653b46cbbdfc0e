import { expect, it } from 'vitest';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';
import { ApiClient } from './support/api.js';
import type { ConfigVersion } from '../../src/contracts/configuration.js';

describeInBrowser('administration', () => {
  const suite = setUpBrowserSuite();

  it('an admin relabels a reason code and a new configuration version is published', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, 'admin@demo.local');
      await openMainNav(page, 'Admin');
      await page.getByRole('link', { name: /^Reason codes/ }).click();
      const versionLine = page.locator('.version-line strong');
      await versionLine.waitFor();
      const before = Number(/\d+/.exec((await versionLine.textContent()) ?? '')?.[0]);

      const label = page.getByLabel(/^Label of /).first();
      const newLabel = `${await label.inputValue()} (edited)`;
      await label.fill(newLabel);
      await page.getByRole('button', { name: 'Save new version' }).click();
      await page.getByText('Say why the configuration changes.').waitFor();

      const comment = `Clearer wording for the portal (${Date.now()})`;
      await page.getByLabel('Why is this changing?').fill(comment);
      await page.getByRole('button', { name: 'Save new version' }).click();
      await page.getByText(`Version ${before + 1}`, { exact: true }).waitFor();
      await page.getByText(`Reason codes saved as version ${before + 1}`).waitFor();
      expect(
        await page
          .getByLabel(/^Label of /)
          .first()
          .inputValue(),
      ).toBe(newLabel);
      await page.getByRole('cell', { name: comment }).waitFor();
      await screenshotIfAsked(page, 'admin-reason-codes');
    });
  });

  it('a save that lost a race to another admin is refused, and the edits stay on screen', async () => {
    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'admin@demo.local');
        await page.goto(`${suite.server.baseUrl}/admin/reason-codes`);
        await page.locator('.version-line strong').waitFor();
        const label = page.getByLabel(/^Label of /).nth(1);
        const mine = `${await label.inputValue()} (mine)`;
        await label.fill(mine);

        // Another admin publishes first, through the API.
        const other = await ApiClient.signIn(suite.server.baseUrl, 'admin@demo.local');
        const current = await other.get<ConfigVersion<'reason_codes'>>('/config/reason_codes');
        await other.put(
          '/config/reason_codes',
          { document: current.document, comment: 'the other admin' },
          current.version,
        );

        await page.getByLabel('Why is this changing?').fill('my change');
        await page.getByRole('button', { name: 'Save new version' }).click();
        await page.getByText(/Someone else saved a newer version/).waitFor();
        expect(
          await page
            .getByLabel(/^Label of /)
            .nth(1)
            .inputValue(),
        ).toBe(mine);
      },
      { expectedErrors: [/412/] },
    );
  });
  it('rules pick categories and regulated classes from the catalogue instead of typing them', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, 'admin@demo.local');
      const api = await ApiClient.signIn(suite.server.baseUrl, 'admin@demo.local');
      const facets = await api.get<{ categories: string[]; regulatedClasses: string[] }>('/products/facets');
      expect(facets.categories.length).toBeGreaterThan(0);

      await page.goto(`${suite.server.baseUrl}/admin/return-policy`);
      const category = page.getByLabel('Category of window 1', { exact: true });
      await category.waitFor();
      expect(await category.evaluate((element) => element.tagName)).toBe('SELECT');
      const offered = await category.locator('option').allTextContents();
      for (const name of facets.categories) expect(offered).toContain(name);

      await page.goto(`${suite.server.baseUrl}/admin/approval-rules`);
      const group = page.getByRole('group', { name: 'Regulated classes that need approval' });
      await group.waitFor();
      for (const name of facets.regulatedClasses) await group.getByLabel(name, { exact: true }).waitFor();
    });
  });
  it('asks before leaving unsaved edits, and the history says in words what a version changed', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, 'admin@demo.local');
      await page.goto(`${suite.server.baseUrl}/admin/reason-codes`);
      const label = page.getByLabel(/^Label of /).first();
      await label.waitFor();
      const code = (await page.locator('tr', { has: label }).locator('code').first().textContent()) ?? '';
      const before = await label.inputValue();
      const after = `${before} (reworded)`;
      await label.fill(after);

      const questions: string[] = [];
      page.once('dialog', (dialog) => {
        questions.push(dialog.message());
        void dialog.dismiss();
      });
      await openMainNav(page, 'Admin');
      expect(questions).toEqual(['You have changes that are not saved. Leave this page and lose them?']);
      expect(new URL(page.url()).pathname).toBe('/admin/reason-codes');
      expect(await label.inputValue()).toBe(after);

      await page.getByLabel('Why is this changing?').fill('Reworded for the history test');
      await page.getByRole('button', { name: 'Save new version' }).click();
      const saved = page.getByText(/Reason codes saved as version \d+/);
      await saved.waitFor();
      const version = /version (\d+)/.exec((await saved.textContent()) ?? '')?.[1];
      // The saved version's own button: the list may still be refetching when the toast shows.
      const history = page.getByRole('region', { name: 'Version history' });
      await history.getByRole('button', { name: `Show version ${version}`, exact: true }).click();
      await history.getByText(`codes › ${code} › label: ${before} → ${after}`).waitFor();
    });
  });

  it('an admin adds a routing zone; a mistyped site is refused with the one probably meant', async () => {
    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'admin@demo.local');
        await openMainNav(page, 'Admin');
        await page.getByRole('link', { name: /^Return routing/ }).click();
        const zones = page.getByRole('region', { name: 'Zones' });
        await zones.getByLabel('Sites of zone 1', { exact: true }).waitFor();
        const count = await zones.getByLabel(/^Name of zone \d+$/).count();
        await zones.getByRole('button', { name: '+ Add a zone' }).click();
        const n = count + 1;
        await zones.getByLabel(`Name of zone ${n}`, { exact: true }).fill('US Mountain');
        await zones.getByLabel(`Regions of zone ${n}`, { exact: true }).fill('MT, WY');
        await zones.getByLabel(`Sites of zone ${n}`, { exact: true }).fill('us-dla, US-RNO');
        await page.getByLabel('Why is this changing?').fill('Mountain states get their own zone');
        await page.getByRole('button', { name: 'Save new version' }).click();
        await zones.getByText('no site “US-DLA” — did you mean “US-DAL”?', { exact: false }).waitFor();

        await zones.getByLabel(`Sites of zone ${n}`, { exact: true }).fill('US-DAL, US-RNO');
        await page.getByRole('button', { name: 'Save new version' }).click();
        await page.getByText(/Return routing saved as version \d+/).waitFor();
        await screenshotIfAsked(page, 'admin-return-routing');
      },
      { expectedErrors: [/status of 400/] },
    );
    const admin = await ApiClient.signIn(suite.server.baseUrl, 'admin@demo.local');
    const routing = await admin.get<ConfigVersion<'return_routing'>>('/config/return_routing');
    expect(routing.document.zones.at(-1)).toEqual({
      name: 'US Mountain',
      regions: ['MT', 'WY'],
      sites: ['US-DAL', 'US-RNO'],
    });
  });
});
