import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page as ResultPage } from '../../src/contracts/common.js';
import { KPI_DEFINITIONS } from '../../src/contracts/kpi-definitions.js';
import type { KpiReturnRow, KpiTable } from '../../src/contracts/kpi.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A saved CSV's lines, without the empty one after the last line break. */
async function csvLines(download: Download): Promise<string[]> {
  const text = await readFile(await download.path(), 'utf8');
  return text.split(/\r?\n/).filter((line) => line !== '');
}

/** The legal entity with the most returns over the default months, and its customer with the most. */
async function busiestEntityAndCustomer(ops: ApiClient) {
  const entities = await ops.get<KpiTable>('/kpis?by=legal_entity');
  const entity = entities.rows.find((row) => row.key !== '' && row.measures.returns > 0);
  if (!entity) throw new Error('the demo has no returns in the last 12 months');
  const customers = await ops.get<KpiTable>(`/kpis?by=customer&legalEntityId=${entity.key}`);
  const customer = customers.rows.find((row) => row.key !== '' && row.measures.returns > 0);
  if (!customer) throw new Error(`no customer of ${entity.label} has returns`);
  return { entity, customer };
}

describeInBrowser('the KPI dashboard', () => {
  const suite = setUpBrowserSuite();

  it('the operations manager lands on the KPIs, cuts them by customer within an entity, drills into a figure and exports it', async () => {
    const ops = await ApiClient.signIn(suite.server.baseUrl, 'ops_manager@demo.local');
    const { entity, customer } = await busiestEntityAndCustomer(ops);
    const behind = await ops.get<ResultPage<KpiReturnRow>>(
      `/kpis/returns?legalEntityId=${entity.key}&customerId=${customer.key}&kpi=unauthorized_rate&pageSize=25`,
    );
    const opened = behind.items[0];
    if (!opened) throw new Error(`no returns behind ${customer.label}'s figures`);

    await inPage(suite, async (page) => {
      await signIn(page, 'ops_manager@demo.local');
      await page.getByRole('heading', { level: 1, name: 'KPI dashboard' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/kpis');

      // Ten tiles, each with its figure and what it means.
      const tiles = page.getByRole('region', { name: 'Headline figures' });
      for (const definition of KPI_DEFINITIONS) {
        await tiles.getByRole('heading', { level: 3, name: definition.name, exact: true }).waitFor();
      }
      const repeatRate = tiles.getByRole('link', {
        name: /^Repeat return rate( \(\w{3}\))?: \d[\d.,]*% — see the returns$/,
      });
      await repeatRate.first().waitFor();
      await tiles.getByText('How it is measured (Recovery rate)').click();
      await tiles.getByText(KPI_DEFINITIONS.find((d) => d.id === 'recovery_rate')!.formula).waitFor();
      await page.getByRole('figure', { name: 'Recovery rate by month' }).locator('svg').first().waitFor();
      await screenshotIfAsked(page, 'kpis-dashboard');

      // One entity's returns, cut by customer: the address keeps both through a reload.
      await page.getByLabel('Legal entity', { exact: true }).selectOption(entity.key);
      await page.getByLabel('Cut by').selectOption('customer');
      const table = page.getByRole('table', { name: 'KPIs by customer' });
      const figure = table.getByRole('link', {
        name: new RegExp(`^Unauthorized return rate of ${escapeRegExp(customer.label)}: .+ — see the returns$`),
      });
      await figure.waitFor();
      await page.reload();
      await figure.waitFor();
      const address = new URL(page.url());
      expect(address.searchParams.get('by')).toBe('customer');
      expect(address.searchParams.get('legalEntityId')).toBe(entity.key);
      expect(await page.getByLabel('Legal entity', { exact: true }).inputValue()).toBe(entity.key);
      expect(await page.getByLabel('Cut by').inputValue()).toBe('customer');

      // The table as CSV: a header and a row per customer.
      const [tableCsv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export the table by customer as CSV' }).click(),
      ]);
      const tableLines = await csvLines(tableCsv);
      expect(tableLines[0]).toMatch(/^customer,label,currency,return_cycle_days,/);
      expect(tableLines.length).toBeGreaterThan(1);
      expect(tableLines.some((line) => line.includes(customer.key) || line.includes(customer.label))).toBe(true);

      // The returns behind the customer's unauthorized rate: every return of theirs, paged.
      await figure.click();
      await page.getByRole('heading', { level: 1, name: 'Returns behind unauthorized return rate' }).waitFor();
      const returns = page.getByRole('table', { name: 'Returns behind the figure' });
      await returns.getByRole('link', { name: opened.rmaNumber, exact: true }).waitFor();
      expect(await returns.locator('tbody tr').count()).toBe(behind.items.length);
      const drillAddress = new URL(page.url());
      expect(drillAddress.pathname).toBe('/kpis/returns');
      expect(drillAddress.searchParams.get('customerId')).toBe(customer.key);
      await screenshotIfAsked(page, 'kpis-drill-down');

      const [returnsCsv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export these returns as CSV' }).click(),
      ]);
      const returnLines = await csvLines(returnsCsv);
      expect(returnLines[0]).toMatch(/^rmaNumber,period,createdAt,customerName,/);
      expect(returnLines).toHaveLength(behind.total + 1);
      expect(returnLines.some((line) => line.includes(opened.rmaNumber))).toBe(true);

      // One of them in full.
      await returns.getByRole('link', { name: opened.rmaNumber, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(opened.rmaNumber)) }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/returns/${opened.rmaId}`);

      // Back to the dashboard as it was left.
      await page.goBack();
      await page.getByRole('link', { name: '← KPI dashboard' }).click();
      await figure.waitFor();
      expect(new URL(page.url()).searchParams.get('by')).toBe('customer');
    });
  });

  it('a customer service agent is not offered the KPIs, and /kpis is not theirs to see', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, 'cs_agent@demo.local');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Returns', exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: 'KPIs', exact: true }).count()).toBe(0);
      await page.goto('/kpis');
      await page.getByText('This page is not available to your role').waitFor();
      expect(await page.getByRole('heading', { name: 'KPI dashboard' }).count()).toBe(0);
    });
  });
});
