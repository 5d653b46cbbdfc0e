import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('approval queue', () => {
  const suite = setUpBrowserSuite();

  it('a manager approves one return and rejects another, and the history shows both decisions', async () => {
    await inPage(suite, async (page) => {
      await signIn(page, 'cs_manager@demo.local');
      await openMainNav(page, 'Approvals');
      const approved = await openFirstInQueue(page, []);
      await page.getByRole('heading', { name: 'Why it needs approval' }).waitFor();
      await decide(page, 'Approve', 'Known batch fault, approved for credit.');
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Authorized' }).waitFor();
      await page.getByText('Approved — “Known batch fault, approved for credit.”').waitFor();
      await screenshotIfAsked(page, 'manager-approved');

      await openMainNav(page, 'Approvals');
      const rejected = await openFirstInQueue(page, [approved]);
      expect(rejected).not.toBe(approved);
      await decide(page, 'Reject', 'Outside the agreed terms for this account.');
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Rejected' }).waitFor();
      await page.getByText('Rejected — “Outside the agreed terms for this account.”').waitFor();
    });
  });
});

/** Opens the first return in the queue that is not one of `skip`; returns its RMA number. */
async function openFirstInQueue(page: Page, skip: string[]): Promise<string> {
  await page.getByRole('heading', { name: 'Approval queue' }).waitFor();
  const reviewLinks = page.getByRole('link', { name: /^Review RMA-/ });
  await reviewLinks.first().waitFor();
  for (const link of await reviewLinks.all()) {
    const rmaNumber = ((await link.textContent()) ?? '').replace('Review', '').trim();
    if (skip.includes(rmaNumber)) continue;
    await link.click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: rmaNumber }).waitFor();
    return rmaNumber;
  }
  throw new Error('the approval queue has no other return');
}

async function decide(page: Page, action: 'Approve' | 'Reject', comment: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByLabel('Comment').fill(comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}
