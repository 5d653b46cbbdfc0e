import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { authorizedDemoReturn } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('return label', () => {
  const suite = setUpBrowserSuite();

  it('the customer downloads the return label (PDF) of an authorized return from its page', async () => {
    const { rma } = await authorizedDemoReturn(suite.server.baseUrl);

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
