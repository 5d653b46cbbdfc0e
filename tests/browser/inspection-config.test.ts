import { expect, it } from 'vitest';
import type { ConfigVersion } from '../../src/contracts/configuration.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

/** Chromium logs every refused request: the bad values are refused on purpose. */
const REFUSALS = [/status of 400/];

describeInBrowser('inspection configuration', () => {
  const suite = setUpBrowserSuite();

  it('an admin adds a measurement to the checklist for any category: a range the wrong way round is refused beside it', async () => {
    const admin = await ApiClient.signIn(suite.server.baseUrl, 'admin@demo.local');
    const before = await admin.get<ConfigVersion<'inspection_checklists'>>('/config/inspection_checklists');
    const anyCategory = before.document.checklists.findIndex((checklist) => checklist.category === '*');

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'admin@demo.local');
        await openMainNav(page, 'Admin');
        await page.getByRole('link', { name: /^Inspection checklists/ }).click();
        await page.getByRole('heading', { level: 1, name: 'Inspection checklists' }).waitFor();
        const panel = page.getByRole('region', { name: 'Checklist for any other category' });
        const items = panel.getByRole('table', { name: /^Items of the checklist/ }).getByRole('row');
        // The checklist's items are on screen (a header row and the saved items) before counting them.
        await items.nth(1).waitFor();
        const rowsBefore = await items.count();
        await panel.getByRole('button', { name: '+ Add an item' }).click();
        await items.nth(rowsBefore).waitFor();
        expect(await items.count()).toBe(rowsBefore + 1);
        const item = items.last();
        await item.getByLabel(/^Id of /).fill('insulation_resistance');
        await item.getByLabel(/^Label of /).fill('Insulation resistance');
        await item.getByLabel(/^Kind of /).selectOption('measurement');
        await item.getByLabel(/^Unit of /).fill('MΩ');
        await item.getByLabel(/^Minimum of /).fill('20');
        await item.getByLabel(/^Maximum of /).fill('2');
        await page.getByLabel('Why is this changing?').fill('Insulation test for every electrical return');
        await page.getByRole('button', { name: 'Save new version' }).click();
        await item.getByText('the minimum 20 is above the maximum 2').waitFor();
        expect(await item.getByLabel(/^Minimum of /).getAttribute('aria-invalid')).toBe('true');

        await item.getByLabel(/^Maximum of /).fill('');
        await page.getByRole('button', { name: 'Save new version' }).click();
        await page.getByText(`Inspection checklists saved as version ${before.version + 1}`).waitFor();
        await screenshotIfAsked(page, 'inspection-checklists');
      },
      { expectedErrors: REFUSALS },
    );

    const after = await admin.get<ConfigVersion<'inspection_checklists'>>('/config/inspection_checklists');
    expect(after.document.checklists[anyCategory]!.items.at(-1)).toEqual({
      id: 'insulation_resistance',
      label: 'Insulation resistance',
      kind: 'measurement',
      unit: 'MΩ',
      min: 20,
      required: true,
    });
    expect(after.document.defectCodes).toEqual(before.document.defectCodes);
  });

  it('an admin sets a site’s inspection target and drops the regulated one; hours that are not whole are refused', async () => {
    const admin = await ApiClient.signIn(suite.server.baseUrl, 'admin@demo.local');
    const before = await admin.get<ConfigVersion<'inspection_sla'>>('/config/inspection_sla');
    const warehouse = await ApiClient.signIn(suite.server.baseUrl, 'warehouse@demo.local');
    const site = await warehouse.get<{ code: string }>(`/sites/${warehouse.siteId}`);

    await inPage(suite, async (page) => {
      await signIn(page, 'admin@demo.local');
      await page.goto('/admin');
      await page.getByRole('link', { name: /^Inspection SLA/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Inspection SLA' }).waitFor();
      expect(await page.getByLabel('Default target (hours)').inputValue()).toBe(String(before.document.defaultHours));
      await page.getByLabel('Regulated goods (hours)').fill('');
      const sites = page.getByRole('region', { name: 'By site' });
      await sites.getByRole('button', { name: '+ Add a site target' }).click();
      await sites.getByLabel('Site of target 1').selectOption(site.code);
      await sites.getByLabel(/^Hours for /).fill('12.5');
      await page.getByLabel('Why is this changing?').fill('This site’s bench is staffed around the clock');
      await page.getByRole('button', { name: 'Save new version' }).click();
      await sites.getByText('Whole working hours, from 1 to 2160.').waitFor();
      await sites.getByLabel(/^Hours for /).fill('12');
      await page.getByRole('button', { name: 'Save new version' }).click();
      await page.getByText(`Inspection SLA saved as version ${before.version + 1}`).waitFor();
      await screenshotIfAsked(page, 'inspection-sla');
    });

    const after = await admin.get<ConfigVersion<'inspection_sla'>>('/config/inspection_sla');
    expect(after.document).toEqual({
      ...before.document,
      regulatedHours: null,
      sites: [{ siteCode: site.code, hours: 12 }],
    });
  });
});
