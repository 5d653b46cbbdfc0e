import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Rma } from '../../src/contracts/returns.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

const MANAGER = 'cs_manager@demo.local';

describeInBrowser('approval worklist', () => {
  const suite = setUpBrowserSuite();

  it('a manager works the queue oldest first: approve without a comment, then the next one opens; reject it', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, MANAGER);
    await inPage(suite, async (page) => {
      await signIn(page, MANAGER);
      await openMainNav(page, 'Approvals');
      await page.getByRole('heading', { name: 'Approval queue' }).waitFor();
      const table = page.getByRole('table', { name: 'Returns waiting for approval' });
      // The row shows what is returned (SKU × quantity) and how long it has waited.
      await table
        .getByRole('list', { name: /^Items of RMA-/ })
        .first()
        .getByText(/ × \d+$/)
        .first()
        .waitFor();
      await table.getByRole('columnheader', { name: 'Waiting' }).waitFor();
      await screenshotIfAsked(page, 'approval-worklist');

      // Oldest first: the first row is a return that has waited longest (ties in any order).
      const oldestCreatedAt = await oldestWaitingSince(api);
      const firstRow = await table
        .getByRole('checkbox', { name: /^Select RMA-/ })
        .first()
        .getAttribute('aria-label');
      expect((await findByNumber(api, (firstRow ?? '').replace('Select ', ''))).createdAt).toBe(oldestCreatedAt);

      await page.getByRole('button', { name: 'Start reviewing' }).click();
      const first = await reviewedRmaNumber(page);
      await page.getByRole('heading', { name: 'Why it needs approval' }).waitFor();
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${first} approved` })
        .waitFor();

      // The next return in the same queue opens by itself.
      await page
        .getByRole('heading', { level: 1, name: /^Review RMA-/ })
        .filter({ hasNotText: first })
        .waitFor();
      const second = await reviewedRmaNumber(page);
      expect(second).not.toBe(first);
      await page.getByRole('button', { name: 'Reject', exact: true }).click();
      await page.getByText('Say why the return is rejected; the customer is told.').waitFor();
      await page.getByLabel('Comment').fill('Outside the agreed terms for this account.');
      await page.getByRole('button', { name: 'Reject', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${second} rejected` })
        .waitFor();

      const approved = await findByNumber(api, first);
      expect(approved.status).toBe('authorized');
      expect(approved.decisionComment).toBe('Approved');
      const rejected = await findByNumber(api, second);
      expect(rejected.status).toBe('rejected');
      expect(rejected.decisionComment).toBe('Outside the agreed terms for this account.');
    });
  });

  it('bulk approve with one comment reports each row, including one someone else decided meanwhile', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, MANAGER);
    await inPage(
      suite,
      async (page) => {
        await signIn(page, MANAGER);
        await openMainNav(page, 'Approvals');
        const table = page.getByRole('table', { name: 'Returns waiting for approval' });
        const boxes = table.getByRole('checkbox', { name: /^Select RMA-/ });
        await boxes.first().waitFor();
        expect(await boxes.count()).toBeGreaterThanOrEqual(3);
        const numbers: string[] = [];
        for (const box of (await boxes.all()).slice(0, 3)) {
          await box.check();
          numbers.push(((await box.getAttribute('aria-label')) ?? '').replace('Select ', ''));
        }
        // Someone else rejects the third while this page still shows it as waiting.
        const stale = await findByNumber(api, numbers[2] ?? '');
        await api.post(`/returns/${stale.id}/reject`, { comment: 'Decided elsewhere.' });

        await page.getByLabel('Comment for the selected returns').fill('Batch fault confirmed by the supplier.');
        await page.getByRole('button', { name: 'Approve selected (3)' }).click();
        const results = page.getByRole('status', { name: 'Bulk approval results' });
        await results.getByText('2 of 3 approved; 1 not approved (see below).').waitFor();
        await results.getByText(`${numbers[0]}: approved`).waitFor();
        await results.getByText(`${numbers[1]}: approved`).waitFor();
        await results.getByText(new RegExp(`^${numbers[2]}: not approved — `)).waitFor();
        await screenshotIfAsked(page, 'approval-bulk');

        for (const rmaNumber of numbers.slice(0, 2)) {
          const rma = await findByNumber(api, rmaNumber);
          expect(rma.status).toBe('authorized');
          expect(rma.decisionComment).toBe('Batch fault confirmed by the supplier.');
        }
      },
      // The stale row's approval is refused on purpose.
      { expectedErrors: [/status of 4\d\d/] },
    );
  });
});

async function reviewedRmaNumber(page: Page): Promise<string> {
  const heading = await page.getByRole('heading', { level: 1, name: /^Review RMA-/ }).textContent();
  const rmaNumber = /(RMA-\S+)/.exec(heading ?? '')?.[1];
  if (!rmaNumber) throw new Error(`no RMA number in ${heading}`);
  return rmaNumber;
}

async function findByNumber(api: ApiClient, rmaNumber: string): Promise<Rma> {
  const page = await api.get<{ items: Rma[] }>(`/returns?q=${encodeURIComponent(rmaNumber)}`);
  const summary = page.items.find((item) => item.rmaNumber === rmaNumber);
  if (!summary) throw new Error(`${rmaNumber} not found`);
  return api.get<Rma>(`/returns/${summary.id}`);
}

/** When the return that has waited longest for approval was requested. */
async function oldestWaitingSince(api: ApiClient): Promise<string> {
  const page = await api.get<{ items: Rma[] }>('/returns?status=pending_approval&pageSize=200');
  const [oldest] = [...page.items].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  if (!oldest) throw new Error('nothing waits for approval');
  return oldest.createdAt;
}
