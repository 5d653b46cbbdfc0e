import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Rma } from '../../src/contracts/returns.js';
import { ApiClient, findReturnCandidate } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { approveAsManager } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('return label', () => {
  const suite = setUpBrowserSuite();

  it('the customer downloads the return label (PDF) of an authorized return from its page', async () => {
    const customer = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const candidate = await findReturnCandidate(customer, { customerId: customer.customerId });
    const line = candidate.order.lines[candidate.lineIndex]!;
    let rma = await customer.post<Rma>('/returns', {
      customerId: candidate.order.customerId,
      returnType: 'standard',
      lines: [{ orderLineId: line.id, quantity: 1, reasonCode: candidate.reasonCode, claimedCondition: 'unopened' }],
    });
    if (rma.status === 'pending_approval') {
      await approveAsManager(suite.server.baseUrl, rma.id, rma.version);
      rma = await customer.get<Rma>(`/returns/${rma.id}`);
    }
    expect(rma.status).toBe('authorized');

    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await page.goto(`/returns/${rma.id}`);
      const steps = page.getByRole('region', { name: 'Send the goods back' });
      const button = steps.getByRole('button', { name: 'Download return label' });
      await button.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe(`${rma.rmaNumber}-label.pdf`);
      const pdf = await readFile(await download.path());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/\/Type \/Page\b/);
      expect(await steps.getByRole('alert').count()).toBe(0);
      await screenshotIfAsked(page, 'return-label-download');
    });
  });
});
