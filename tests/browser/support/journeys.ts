// Steps several journeys share, written the way a person does them.
import type { Page } from 'playwright-core';
import type { ReturnCandidate } from './api.js';

export async function openMainNav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}

/** On the request form: ticks the candidate's line and fills quantity, reason and condition. */
export async function fillReturnLine(page: Page, candidate: ReturnCandidate, quantity: number): Promise<void> {
  const line = candidate.order.lines[candidate.lineIndex];
  if (!line) throw new Error('candidate line is missing');
  await page.getByRole('checkbox', { name: new RegExp(`^Return line ${line.lineNumber}: `) }).check();
  await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByLabel('Reason').selectOption(candidate.reasonCode);
  await page.getByLabel('Condition').selectOption(candidate.condition);
}

/** Submits the request form and waits for the new return's page; returns its RMA number. */
export async function submitReturnRequest(page: Page): Promise<string> {
  await page.getByText('Eligible', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Submit return request' }).click();
  await page.waitForURL(/\/returns\/[^/]+$/);
  const toast = page.getByRole('status').filter({ hasText: /RMA-\S+ (authorized|sent for approval|requested)/ });
  await toast.waitFor();
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  const rmaNumber = /(RMA-\S+)/.exec(heading ?? '')?.[1];
  if (!rmaNumber) throw new Error(`no RMA number in the heading: ${heading}`);
  return rmaNumber;
}
