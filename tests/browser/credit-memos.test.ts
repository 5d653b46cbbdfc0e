import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page as ResultPage } from '../../src/contracts/common.js';
import type { ConfigVersion, SettlementPolicy } from '../../src/contracts/configuration.js';
import type { CreditMemo } from '../../src/contracts/settlement.js';
import { formatMinor } from '../../src/platform/money/format-money.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { disposedDemoUnit, postIfMatch } from './support/dispositions.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

const QUEUE_PAGE_SIZE = 25;

/**
 * A demo customer's return, received, inspected and restocked: the disposition drafts its credit.
 * Returns the return and its draft memo.
 */
async function draftedCredit(baseUrl: string): Promise<{ rmaId: string; rmaNumber: string; memo: CreditMemo }> {
  const { rma } = await disposedDemoUnit(baseUrl, 'RESTOCK', { grade: 'A' });
  const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
  const memos = await finance.get<ResultPage<CreditMemo>>(`/credit-memos?rmaId=${rma.id}&status=draft`);
  const memo = memos.items[0];
  if (!memo) throw new Error(`disposing ${rma.rmaNumber} drafted no credit memo`);
  return { rmaId: rma.id, rmaNumber: rma.rmaNumber, memo };
}

/** Approved and issued through the API, as finance. */
async function issuedThroughApi(baseUrl: string, memo: CreditMemo): Promise<CreditMemo> {
  const approved = await postIfMatch<CreditMemo>(
    baseUrl,
    'finance@demo.local',
    `/credit-memos/${memo.id}/approve`,
    memo.version,
  );
  return postIfMatch<CreditMemo>(baseUrl, 'finance@demo.local', `/credit-memos/${memo.id}/issue`, approved.version);
}

/**
 * A draft above the settlement policy's limit: the demo's, or — when it has none — one drafted
 * while the limit is lowered to nothing (and then put back).
 */
async function draftAboveLimit(baseUrl: string): Promise<CreditMemo> {
  const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
  const drafts = await finance.get<ResultPage<CreditMemo>>('/credit-memos?status=draft&pageSize=200');
  const demo = drafts.items.find((memo) => memo.needsFinanceApproval);
  if (demo) return demo;
  const admin = await ApiClient.signIn(baseUrl, 'admin@demo.local');
  const policy = await admin.get<ConfigVersion<'settlement_policy'>>('/config/settlement_policy');
  const lowered: SettlementPolicy = {
    ...policy.document,
    financeApprovalAboveMinor: {},
    defaultFinanceApprovalAboveMinor: 0,
  };
  const changed = await admin.put<ConfigVersion<'settlement_policy'>>(
    '/config/settlement_policy',
    { document: lowered, comment: 'credit memo journey: every credit needs finance' },
    policy.version,
  );
  try {
    return (await draftedCredit(baseUrl)).memo;
  } finally {
    await admin.put('/config/settlement_policy', { document: policy.document, comment: 'put back' }, changed.version);
  }
}

/**
 * Two drafts within the limit on the queue's first page (newest first): the demo's, topped up with
 * drafts of the journey's own when it has too few.
 */
async function twoDraftsWithinLimit(baseUrl: string): Promise<[CreditMemo, CreditMemo]> {
  const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
  const isSmall = (memo: CreditMemo) => !memo.needsFinanceApproval && memo.totalMinor > 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const firstPage = await finance.get<ResultPage<CreditMemo>>(
      `/credit-memos?status=draft&pageSize=${QUEUE_PAGE_SIZE}`,
    );
    const [first, second] = firstPage.items.filter(isSmall);
    if (first && second) return [first, second];
    await draftedCredit(baseUrl);
  }
  throw new Error('could not find or make two drafts within the limit');
}

/** The credit memos from the main bar, then one status tab. */
async function openCreditsTab(page: Page, tab: RegExp): Promise<void> {
  await openMainNav(page, 'Credits');
  await page.getByRole('heading', { level: 1, name: 'Credit memos' }).waitFor();
  await page.getByRole('navigation', { name: 'Credit memo status' }).getByRole('link', { name: tab }).click();
}

describeInBrowser('credit memos', () => {
  const suite = setUpBrowserSuite();

  it('finance opens a draft, reads the calculation line by line, approves and issues it, and downloads the PDF', async () => {
    const { baseUrl } = suite.server;
    const { rmaNumber, memo } = await draftedCredit(baseUrl);
    const line = memo.lines[0]!;

    await inPage(suite, async (page) => {
      await signIn(page, 'finance@demo.local');
      // Finance starts where its work waits: the approved memos, to issue.
      await openMainNav(page, 'Credits');
      const tabs = page.getByRole('navigation', { name: 'Credit memo status' });
      expect(await tabs.getByRole('link', { name: /^Approved/ }).getAttribute('aria-current')).toBe('page');
      await openCreditsTab(page, /^Draft/);
      const row = page.getByRole('table', { name: 'Credit memos' }).getByRole('row').filter({ hasText: rmaNumber });
      await row.getByText(formatMinor(memo.totalMinor, memo.currency)).waitFor();
      await screenshotIfAsked(page, 'credit-memos-queue');
      await row.getByRole('link', { name: `Draft credit for ${rmaNumber}` }).click();

      await page.getByRole('heading', { level: 1, name: new RegExp(`Draft credit for ${rmaNumber}`) }).waitFor();
      const calculation = page.getByRole('table', { name: 'How the credit is calculated, line by line' });
      await calculation.getByText(`${line.quantity} × ${formatMinor(line.unitPriceMinor, memo.currency)}`).waitFor();
      await calculation.getByText(line.explanation).waitFor();
      await calculation
        .getByRole('row', { name: /^Total/ })
        .getByText(formatMinor(memo.totalMinor, memo.currency))
        .waitFor();
      await screenshotIfAsked(page, 'credit-memo-draft');

      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Credit for ${rmaNumber} approved` })
        .waitFor();
      await page.getByRole('heading', { level: 1, name: /Approved/ }).waitFor();
      await page.getByRole('region', { name: 'History' }).getByText('Approved', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Issue', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Issue the credit for ${rmaNumber}` });
      await dialog.getByRole('button', { name: 'Issue', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /CM-\d+ issued to / })
        .waitFor();
      const heading = page.getByRole('heading', { level: 1, name: /^Credit memo CM-\d+/ });
      await heading.waitFor();
      const number = /(CM-\d+)/.exec((await heading.textContent()) ?? '')?.[1];
      expect(number).toBeTruthy();
      await page.getByRole('region', { name: 'History' }).getByText(`Issued as ${number}`).waitFor();
      await screenshotIfAsked(page, 'credit-memo-issued');

      const [response, download] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(`/credit-memos/${memo.id}/document.pdf`)),
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download PDF' }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
      expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    });

    const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
    const after = await finance.get<CreditMemo>(`/credit-memos/${memo.id}`);
    expect(after).toMatchObject({ status: 'issued', approvedBy: expect.any(String) });
    expect(after.creditMemoNumber).toMatch(/^CM-\d+/);
  });

  it('once credited, the agent closes the return from its page: its final settlement', async () => {
    const { baseUrl } = suite.server;
    const { rmaId, rmaNumber, memo } = await draftedCredit(baseUrl);
    await inPage(suite, async (page) => {
      await signIn(page, 'cs_agent@demo.local');
      // Finance issues the credit; the unit is restocked, so the return's goods are worked through.
      await issuedThroughApi(baseUrl, memo);
      await page.goto(`${baseUrl}/returns/${rmaId}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(rmaNumber) }).waitFor();
      await page.getByRole('button', { name: 'Close return', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Close return ${rmaNumber}` });
      await dialog.getByLabel('Note').fill('Restocked and credited');
      await dialog.getByRole('button', { name: 'Close return', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${rmaNumber} closed` })
        .waitFor();
      await page.getByRole('button', { name: 'Close return', exact: true }).waitFor({ state: 'detached' });
    });
    const agent = await ApiClient.signIn(baseUrl, 'cs_agent@demo.local');
    expect(await agent.get<{ status: string }>(`/returns/${rmaId}`)).toMatchObject({ status: 'closed' });
    // The KPIs count it settled: its cycle ends with the close.
    const ops = await ApiClient.signIn(baseUrl, 'ops_manager@demo.local');
    const behind = await ops.get<{ items: Array<{ rmaNumber: string; settledAt: string | null }> }>(
      `/kpis/returns?kpi=return_cycle_days&from=2020-01&pageSize=200`,
    );
    expect(behind.items.find((item) => item.rmaNumber === rmaNumber)?.settledAt).toEqual(expect.any(String));
  });

  it('finance voids a draft: the reason is required, the refusal shown beside it', async () => {
    const { baseUrl } = suite.server;
    const { rmaNumber, memo } = await draftedCredit(baseUrl);
    const reason = `Duplicate of a credit agreed by phone (${Date.now()})`;

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'finance@demo.local');
        await page.goto(`/credits/${memo.id}`);
        await page.getByRole('button', { name: 'Void', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Void the credit for ${rmaNumber}` });
        await dialog.getByRole('button', { name: 'Void', exact: true }).click();
        await dialog.getByText('Say why the credit memo is void.').waitFor();
        // Too short for the server: its problem is shown beside the field.
        await dialog.getByLabel('Reason').fill('no');
        await dialog.getByRole('button', { name: 'Void', exact: true }).click();
        await dialog
          .locator('.field__error')
          .getByText(/^Say why the credit memo is void$/)
          .waitFor();
        await dialog.getByLabel('Reason').fill(reason);
        await dialog.getByRole('button', { name: 'Void', exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `The credit for ${rmaNumber} is void` })
          .waitFor();
        await page.getByRole('heading', { level: 1, name: /Void/ }).waitFor();
        await page.getByRole('region', { name: 'History' }).getByText(reason).waitFor();
        expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
        // The units are free again: finance drafts them anew, and lands on the new draft.
        await page.getByRole('button', { name: 'Draft the units again' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `A new draft credit for ${rmaNumber}` })
          .waitFor();
        await page.waitForURL((url) => url.pathname.startsWith('/credits/') && !url.pathname.endsWith(memo.id));
        await page.getByRole('heading', { level: 1, name: /Draft/ }).waitFor();
      },
      { expectedErrors: [/status of 400/] },
    );
  });

  it('a customer service manager approves a small draft, is told finance approves one above the limit, and reloads one changed meanwhile', async () => {
    const { baseUrl } = suite.server;
    const big = await draftAboveLimit(baseUrl);
    const finance = await ApiClient.signIn(baseUrl, 'finance@demo.local');
    const [small, other] = await twoDraftsWithinLimit(baseUrl);

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'cs_manager@demo.local');
        // Approvers start with the drafts.
        await openMainNav(page, 'Credits');
        const tabs = page.getByRole('navigation', { name: 'Credit memo status' });
        expect(await tabs.getByRole('link', { name: /^Draft/ }).getAttribute('aria-current')).toBe('page');
        const row = page
          .getByRole('table', { name: 'Credit memos' })
          .getByRole('row')
          .filter({ hasText: small.rmaNumber! });
        await row.getByText('Within limit').waitFor();
        await row.getByRole('link', { name: `Draft credit for ${small.rmaNumber}` }).click();
        await page.getByRole('button', { name: 'Approve', exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Credit for ${small.rmaNumber} approved` })
          .waitFor();
        await page.getByRole('heading', { level: 1, name: /Approved/ }).waitFor();
        // Issuing is finance's.
        expect(await page.getByRole('button', { name: 'Issue', exact: true }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Void', exact: true }).count()).toBe(0);

        await page.goto(`/credits/${big.id}`);
        await page.getByText('so only finance can approve this credit memo', { exact: false }).waitFor();
        await page.getByRole('heading', { level: 1, name: /Needs finance approval/ }).waitFor();
        expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
        await screenshotIfAsked(page, 'credit-memo-above-limit');

        // Someone approves the other draft while it is on screen.
        await page.goto(`/credits/${other.id}`);
        const approve = page.getByRole('button', { name: 'Approve', exact: true });
        await approve.waitFor();
        await postIfMatch(baseUrl, 'finance@demo.local', `/credit-memos/${other.id}/approve`, other.version);
        await approve.click();
        await page
          .getByRole('alert')
          .getByText(/changed meanwhile — reload/)
          .waitFor();
        await page.getByRole('alert').getByRole('button', { name: 'Reload' }).click();
        await page.getByRole('heading', { level: 1, name: /Approved/ }).waitFor();
        expect(await page.getByRole('alert').count()).toBe(0);
      },
      { expectedErrors: [/status of 412/] },
    );

    const after = await finance.get<CreditMemo>(`/credit-memos/${small.id}`);
    expect(after.status).toBe('approved');
    expect((await finance.get<CreditMemo>(`/credit-memos/${big.id}`)).status).toBe('draft');
  });

  it('the customer sees its issued credit on its return page, with the document, and not a draft', async () => {
    const { baseUrl } = suite.server;
    const issued = await draftedCredit(baseUrl);
    const memo = await issuedThroughApi(baseUrl, issued.memo);
    const draft = await draftedCredit(baseUrl);

    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await page.goto(`/returns/${issued.rmaId}`);
      const credits = page.getByRole('region', { name: 'Credits' });
      const row = credits.getByRole('row').filter({ hasText: memo.creditMemoNumber! });
      await row.getByText(formatMinor(memo.totalMinor, memo.currency)).waitFor();
      await row.getByText('Issued', { exact: true }).waitFor();
      await screenshotIfAsked(page, 'credit-memo-customer');
      const [response, download] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith(`/credit-memos/${memo.id}/document.pdf`)),
        page.waitForEvent('download'),
        row.getByRole('button', { name: 'Download credit memo (PDF)' }).click(),
      ]);
      expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
      expect(download.suggestedFilename()).toBe(`${memo.creditMemoNumber}.pdf`);

      // The other return's credit is still a draft: the customer is not shown it.
      const answered = page.waitForResponse(
        (candidate) => candidate.url().includes(`/credit-memos?`) && candidate.url().includes(draft.rmaId),
      );
      await page.goto(`/returns/${draft.rmaId}`);
      expect((await answered).status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: new RegExp(draft.rmaNumber) }).waitFor();
      await page.getByRole('heading', { name: 'Lines' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('region', { name: 'Credits' }).count()).toBe(0);
      // Nor does the main bar lead to the staff's credit screens.
      expect(
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Credits', exact: true })
          .count(),
      ).toBe(0);
    });
  });

  it('the warehouse has no way to the credit memos in its main bar or on its home', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Returns', exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: 'Credits', exact: true }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /^Credit memos/ }).count()).toBe(0);
    });
  });
});
