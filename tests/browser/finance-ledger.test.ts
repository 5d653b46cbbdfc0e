import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page as ResultPage } from '../../src/contracts/common.js';
import type { JournalEntry, LedgerAccount } from '../../src/contracts/ledger.js';
import type { Reconciliation } from '../../web/src/api/ledger.js';
import type { LegalEntity } from '../../src/contracts/masterdata.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

/** This month as the server counts it, and as the screens name it ("December 2026"). */
const THIS_PERIOD = new Date().toISOString().slice(0, 7);
const monthName = (period: string) =>
  new Date(`${period}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The legal entities by code, as the entity picker lists them (the first is the default). */
async function legalEntities(finance: ApiClient): Promise<LegalEntity[]> {
  return (await finance.get<ResultPage<LegalEntity>>('/legal-entities?page=1&pageSize=200')).items;
}

/** An entity's journal, newest first, as the journal screen reads it. */
async function journalOf(finance: ApiClient, legalEntityId: string, pageSize = 25): Promise<JournalEntry[]> {
  return (
    await finance.get<ResultPage<JournalEntry>>(`/ledger/entries?legalEntityId=${legalEntityId}&pageSize=${pageSize}`)
  ).items;
}

/** Finance in the main bar, then one of its screens by its tab. */
async function openFinanceTab(page: Page, tab: string): Promise<void> {
  await openMainNav(page, 'Finance');
  await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
  if (tab === 'Journal') return;
  await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: tab, exact: true }).click();
  // Each screen's heading is its tab's name; until it shows, the journal's filters are still on screen.
  await page.getByRole('heading', { level: 1, name: tab }).waitFor();
}

const majorAmount = (minor: number) => (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

describeInBrowser('finance: the ledger', () => {
  const suite = setUpBrowserSuite();

  it('finance reads the journal: demo entries with balanced lines, one in full, and the return it belongs to', async () => {
    const finance = await ApiClient.signIn(suite.server.baseUrl, 'finance@demo.local');
    const [first] = await legalEntities(finance);
    if (!first) throw new Error('the demo has no legal entities');
    const entries = await journalOf(finance, first.id);
    const entry = entries.find((candidate) => candidate.rmaNumber !== null && candidate.reversesEntryId === null);
    if (!entry?.rmaNumber) throw new Error(`no journal entry of ${first.code} belongs to a return`);

    await inPage(suite, async (page) => {
      await signIn(page, 'finance@demo.local');
      await openFinanceTab(page, 'Journal');
      expect(await page.getByLabel('Legal entity', { exact: true }).inputValue()).toBe(first.id);
      const table = page.getByRole('table', { name: 'Journal entries' });
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: entry.entryNumber, exact: true }) });
      await row.getByRole('link', { name: entry.rmaNumber!, exact: true }).waitFor();
      await row.getByText(majorAmount(entry.totalMinor), { exact: false }).first().waitFor();

      // The lines open in place: both sides add up.
      await row.getByText(`${entry.lines.length} lines`).click();
      const lines = row.getByRole('table', { name: `Lines of ${entry.entryNumber}` });
      await lines.getByText('Balanced', { exact: true }).waitFor();
      expect(await lines.locator('tbody tr').count()).toBe(entry.lines.length);
      await screenshotIfAsked(page, 'finance-journal');

      // The entry's month, downloaded as CSV: one row per line.
      await page.getByLabel('Month', { exact: true }).fill(entry.period);
      await row.waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download ${monthName(entry.period)} as CSV` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`journal-${entry.period}.csv`);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.split(/\r?\n/)[0]).toMatch(/^entry_number,posting_date,period,/);
      expect(csv.split(/\r?\n/).filter((line) => line.startsWith(`${entry.entryNumber},`))).toHaveLength(
        entry.lines.length,
      );

      // The entry in full: its lines, what posted it, and its return.
      await row.getByRole('link', { name: entry.entryNumber, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Journal entry ${entry.entryNumber}` }).waitFor();
      const full = page.getByRole('table', { name: `Lines of ${entry.entryNumber}` });
      for (const line of entry.lines) await full.getByText(line.accountName, { exact: false }).first().waitFor();
      await full.getByText('Balanced', { exact: true }).waitFor();
      await page.getByText(entry.sourceId, { exact: true }).waitFor();
      await screenshotIfAsked(page, 'finance-journal-entry');
      await page.getByRole('link', { name: entry.rmaNumber!, exact: true }).click();
      await page.waitForURL(new RegExp(`/returns/${entry.rmaId!}$`));
      await page.getByRole('heading', { level: 1, name: new RegExp(entry.rmaNumber!) }).waitFor();
    });
  });

  it('the trial balance of this month balances, with totals and the period open', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, 'finance@demo.local');
      await openFinanceTab(page, 'Trial balance');
      expect(await page.getByLabel('Month').inputValue()).toBe(THIS_PERIOD);
      const panel = page.getByRole('region', { name: `Trial balance for ${monthName(THIS_PERIOD)}` });
      await panel.getByText('Balanced', { exact: true }).waitFor();
      await panel.getByText('Open', { exact: true }).waitFor();
      expect(await panel.getByText('Does not balance').count()).toBe(0);
      const table = panel.getByRole('table', { name: `Trial balance for ${monthName(THIS_PERIOD)}` });
      await table.getByRole('rowheader', { name: 'Total' }).waitFor();
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(5);
      await screenshotIfAsked(page, 'finance-trial-balance');
    });
  });

  it('the reconciliation puts each stock account beside the units on hand, as the books and stock say', async () => {
    const finance = await ApiClient.signIn(suite.server.baseUrl, 'finance@demo.local');
    const [entity] = await legalEntities(finance);
    await inPage(suite, async (page) => {
      await signIn(page, 'finance@demo.local');
      await openFinanceTab(page, 'Reconciliation');
      const expected = await finance.get<Reconciliation>(`/ledger/reconciliation?legalEntityId=${entity!.id}`);
      const panel = page.getByRole('region', { name: 'Returns inventory' });
      await panel.getByText(expected.isReconciled ? 'Reconciled' : 'Differences found', { exact: true }).waitFor();
      const table = panel.getByRole('table', { name: 'Returns inventory reconciliation' });
      expect(await table.locator('tbody tr').count()).toBe(expected.rows.length);
      const awaiting = expected.rows.find((row) => row.role === 'returns_awaiting_inspection')!;
      const row = table.getByRole('row', { name: new RegExp(awaiting.accountCode!) });
      expect(await row.locator('td').first().textContent()).toBe(String(awaiting.units));
      expect(await row.textContent()).toContain(majorAmount(awaiting.ledgerMinor));
      await panel.getByText(/As things stand now/).waitFor();
      await screenshotIfAsked(page, 'finance-reconciliation');

      // Last month, as at its last day: the figures the server rebuilds for that day, reconciled.
      const lastMonth = new Date(`${THIS_PERIOD}-01T00:00:00Z`);
      lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
      const period = lastMonth.toISOString().slice(0, 7);
      const then = await finance.get<Reconciliation>(
        `/ledger/reconciliation?legalEntityId=${entity!.id}&period=${period}`,
      );
      expect(then.isReconciled).toBe(true);
      await page.getByLabel('Month').fill(period);
      await panel.getByText(/^As at /).waitFor();
      const thenRow = table.getByRole('row', { name: new RegExp(awaiting.accountCode!) });
      await expect
        .poll(async () => thenRow.textContent())
        .toContain(majorAmount(then.rows.find((r) => r.role === 'returns_awaiting_inspection')!.ledgerMinor));
      expect(await thenRow.locator('td').first().textContent()).toBe(
        String(then.rows.find((r) => r.role === 'returns_awaiting_inspection')!.units),
      );
    });
  });

  it('finance reverses an entry with a reason and sees the reversal beside it', async () => {
    const finance = await ApiClient.signIn(suite.server.baseUrl, 'finance@demo.local');
    // Another entity's books than the journal journey reads, so neither sees the other's entries.
    const [, second] = await legalEntities(finance);
    if (!second) throw new Error('the demo has fewer than two legal entities');
    const entry = (await journalOf(finance, second.id, 50)).find(
      (candidate) => candidate.reversedByEntryId === null && candidate.reversesEntryId === null,
    );
    if (!entry) throw new Error(`no entry of ${second.code} to reverse`);
    const reason = `Posted against the wrong return (${Date.now()})`;

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'finance@demo.local');
        await page.goto(`/finance/journal/${entry.id}`);
        await page.getByRole('heading', { level: 1, name: `Journal entry ${entry.entryNumber}` }).waitFor();
        await page.getByRole('button', { name: 'Reverse', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Reverse ${entry.entryNumber}` });
        await dialog.getByRole('button', { name: 'Reverse', exact: true }).click();
        await dialog.getByText('Say why the entry is reversed.', { exact: true }).waitFor();
        // Too short for the server: its problem is shown beside the field.
        await dialog.getByLabel('Reason').fill('no');
        await dialog.getByRole('button', { name: 'Reverse', exact: true }).click();
        await dialog.getByText('Say why the entry is reversed', { exact: true }).waitFor();
        await dialog.getByLabel('Reason').fill(reason);
        await screenshotIfAsked(page, 'finance-reverse');
        await dialog.getByRole('button', { name: 'Reverse', exact: true }).click();

        const toast = page.getByRole('status').filter({ hasText: `${entry.entryNumber} reversed by JE-` });
        await toast.waitFor();
        const reversalNumber = /reversed by (JE-\d+)/.exec((await toast.textContent()) ?? '')?.[1];
        if (!reversalNumber) throw new Error('no reversal number in the toast');
        await page.getByRole('heading', { level: 1, name: `Journal entry ${reversalNumber}` }).waitFor();
        await page.getByText(`Reversal of ${entry.entryNumber}: ${reason}`).first().waitFor();
        await page.getByText('This entry reverses').getByRole('link', { name: entry.entryNumber }).click();

        await page.getByRole('heading', { level: 1, name: `Journal entry ${entry.entryNumber}` }).waitFor();
        await page.getByText('Reversed by').getByRole('link', { name: reversalNumber }).waitFor();
        expect(await page.getByRole('button', { name: 'Reverse', exact: true }).count()).toBe(0);
      },
      { expectedErrors: [/status of 400/] },
    );

    const reversed = await finance.get<JournalEntry>(`/ledger/entries/${entry.id}`);
    expect(reversed.reversedByEntryId).not.toBeNull();
    const reversal = await finance.get<JournalEntry>(`/ledger/entries/${reversed.reversedByEntryId!}`);
    expect(reversal.lines.map((line) => [line.accountId, line.debitMinor, line.creditMinor])).toEqual(
      entry.lines.map((line) => [line.accountId, line.creditMinor, line.debitMinor]),
    );
  });

  it('an operations manager reads the books but is offered no reversal, close or account change', async () => {
    const finance = await ApiClient.signIn(suite.server.baseUrl, 'finance@demo.local');
    const [first] = await legalEntities(finance);
    const [entry] = await journalOf(finance, first!.id);
    if (!entry) throw new Error('the demo journal is empty');

    await inPage(suite, async (page) => {
      await signIn(page, 'ops_manager@demo.local');
      await openFinanceTab(page, 'Journal');
      await page
        .getByRole('table', { name: 'Journal entries' })
        .getByRole('link', { name: entry.entryNumber, exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: `Journal entry ${entry.entryNumber}` }).waitFor();
      await page.getByRole('table', { name: `Lines of ${entry.entryNumber}` }).waitFor();
      expect(await page.getByRole('button', { name: 'Reverse' }).count()).toBe(0);

      await page.getByRole('link', { name: '← Journal' }).click();
      await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Periods' }).click();
      await page.getByRole('heading', { level: 1, name: 'Periods' }).waitFor();
      await page
        .getByRole('table', { name: `Periods of ${first!.code}` })
        .getByText('Open')
        .first()
        .waitFor();
      expect(await page.getByRole('button', { name: /^Close/ }).count()).toBe(0);
      expect(await page.getByRole('form', { name: 'Close a month' }).count()).toBe(0);

      await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Chart of accounts' }).click();
      await page
        .getByRole('table', { name: `Accounts of ${first!.code}` })
        .getByText('Cost of goods sold')
        .first()
        .waitFor();
      expect(await page.getByRole('form', { name: 'Add an account' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Save/ }).count()).toBe(0);
    });
  });

  it('the warehouse has no Finance in the bar and is turned away from the journal', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Returns', exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: 'Finance', exact: true }).count()).toBe(0);
      await page.goto('/finance/journal');
      await page.getByText('This page is not available to your role').waitFor();
      expect(await page.getByRole('table', { name: 'Journal entries' }).count()).toBe(0);
    });
  });

  it('closing this month is refused until it has ended; a month that has ended closes', async () => {
    const finance = await ApiClient.signIn(suite.server.baseUrl, 'finance@demo.local');
    // The last entity, and a month long before the demo's books: no other journey posts there.
    const entities = await legalEntities(finance);
    const last = entities[entities.length - 1]!;
    const oldMonth = '2019-06';

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'finance@demo.local');
        await openFinanceTab(page, 'Periods');
        await page.getByLabel('Legal entity', { exact: true }).selectOption(last.id);
        await page.getByRole('heading', { name: `Months of ${last.code}` }).waitFor();

        const form = page.getByRole('form', { name: 'Close a month' });
        await form.getByLabel('Month to close').fill(THIS_PERIOD);
        await form.getByRole('button', { name: 'Close…' }).click();
        const dialog = page.getByRole('dialog', { name: `Close ${monthName(THIS_PERIOD)}` });
        await dialog.getByText('Nothing can be posted into it afterwards', { exact: false }).waitFor();
        await dialog.getByRole('button', { name: 'Close the period' }).click();
        await dialog.getByText(`${THIS_PERIOD} has not ended yet`, { exact: false }).waitFor();
        await screenshotIfAsked(page, 'finance-close-refused');
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden' });

        await form.getByLabel('Month to close').fill(oldMonth);
        await form.getByRole('button', { name: 'Close…' }).click();
        await page
          .getByRole('dialog', { name: `Close ${monthName(oldMonth)}` })
          .getByRole('button', { name: 'Close the period' })
          .click();
        await page
          .getByRole('status')
          .filter({ hasText: `${monthName(oldMonth)} of ${last.code} is closed` })
          .waitFor();
        const row = page
          .getByRole('table', { name: `Periods of ${last.code}` })
          .getByRole('row')
          .filter({ hasText: monthName(oldMonth) });
        await row.getByText('Closed', { exact: true }).waitFor();
        await row.getByText('by ', { exact: false }).waitFor();
      },
      { expectedErrors: [/status of 422/] },
    );

    const { items } = await finance.get<{ items: Array<{ period: string; status: string }> }>(
      `/ledger/periods?legalEntityId=${last.id}`,
    );
    expect(items.find((period) => period.period === oldMonth)?.status).toBe('closed');
    expect(items.find((period) => period.period === THIS_PERIOD)?.status ?? 'open').toBe('open');
  });

  it('finance adds an account, renames it in place, and is told when someone changed it meanwhile', async () => {
    const { baseUrl } = suite.server;
    const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
    const entities = await legalEntities(finance);
    const last = entities[entities.length - 1]!;
    const code = `9${String(Date.now()).slice(-6)}`;

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'finance@demo.local');
        await openFinanceTab(page, 'Chart of accounts');
        await page.getByLabel('Legal entity', { exact: true }).selectOption(last.id);
        const accounts = page.getByRole('table', { name: `Accounts of ${last.code}` });
        await accounts.getByText('Cost of goods sold').first().waitFor();

        // A code the chart already has is refused beside the field.
        const form = page.getByRole('form', { name: 'Add an account' });
        await form.getByLabel('Code').fill('5000');
        await form.getByLabel('Name').fill('Returns handling fees');
        await form.getByLabel('Type').selectOption('expense');
        await form.getByRole('button', { name: 'Add account' }).click();
        await form.getByText('Already used', { exact: true }).waitFor();
        await form.getByLabel('Code').fill(code);
        await form.getByRole('button', { name: 'Add account' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Account ${code} · Returns handling fees added to ${last.code}` })
          .waitFor();

        await page.getByLabel(`Name of account ${code}`).fill('Returns handling charges');
        await page.getByRole('button', { name: `Save account ${code}` }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Account ${code} saved` })
          .waitFor();
        await screenshotIfAsked(page, 'finance-accounts');

        // Someone else renames it while this screen shows the old version.
        const account = (
          await finance.get<{ items: LedgerAccount[] }>(`/ledger/accounts?legalEntityId=${last.id}`)
        ).items.find((candidate) => candidate.code === code)!;
        expect(account.name).toBe('Returns handling charges');
        await patchAccount(baseUrl, account, { name: 'Handling charges (renamed elsewhere)' });

        await page.getByLabel(`Name of account ${code}`).fill('Returns handling costs');
        await page.getByRole('button', { name: `Save account ${code}` }).click();
        await page.getByText(`Account ${code} was changed meanwhile by someone else`, { exact: false }).waitFor();
        await page.getByRole('button', { name: `Reload account ${code}` }).click();
        expect(await page.getByLabel(`Name of account ${code}`).inputValue()).toBe(
          'Handling charges (renamed elsewhere)',
        );

        await page.getByRole('button', { name: `Switch off account ${code}` }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Account ${code} switched off` })
          .waitFor();
      },
      { expectedErrors: [/status of 409/, /status of 412/] },
    );
  });

  it('finance uploads ECB reference rates and sees them in force; a file that is not ECB rates is refused', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube><Cube time='2025-10-30'><Cube currency='USD' rate='1.1566'/><Cube currency='GBP' rate='0.87980'/></Cube></Cube>
</gesmes:Envelope>`;

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'finance@demo.local');
        await openFinanceTab(page, 'Exchange rates');
        const form = page.getByRole('form', { name: 'Import exchange rates' });

        await form.getByLabel('ECB rates file').setInputFiles({
          name: 'not-rates.xml',
          mimeType: 'application/xml',
          buffer: Buffer.from('<html><body>Not the rates</body></html>'),
        });
        await form.getByRole('button', { name: 'Import rates' }).click();
        await page.getByText('the rates file is refused, nothing was imported', { exact: false }).waitFor();

        await form.getByLabel('ECB rates file').setInputFiles({
          name: 'eurofxref-daily.xml',
          mimeType: 'application/xml',
          buffer: Buffer.from(xml),
        });
        await form.getByRole('button', { name: 'Import rates' }).click();
        await page.getByText('Imported 2 rates for Oct 30, 2025', { exact: false }).waitFor();
        const table = page.getByRole('table', { name: 'Exchange rates in force' });
        await table.getByText('1 EUR = 1.1566 USD').waitFor();
        await table.getByText('1 EUR = 0.87980 GBP').waitFor();
        await screenshotIfAsked(page, 'finance-rates');
      },
      { expectedErrors: [/status of 400/] },
    );
  });
});

/** A PATCH with If-Match, which the shared client does not send. */
async function patchAccount(baseUrl: string, account: LedgerAccount, changes: { name: string }): Promise<void> {
  const token = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.local', password: 'demo' }),
  }).then(async (response) => ((await response.json()) as { accessToken: string }).accessToken);
  const response = await fetch(`${baseUrl}/api/v1/ledger/accounts/${account.id}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'If-Match': `"${account.version}"`,
    },
    body: JSON.stringify(changes),
  });
  if (!response.ok) throw new Error(`PATCH account: ${response.status} ${await response.text()}`);
}
