// EDI with a trading partner: an admin sets the partner up for a customer through the form (its
// item qualifier, a cross-reference of the partner's item number to our SKU, a reason and a
// disposition), then a customer-service manager hands in the partner's X12 180: the document is
// processed, its return is a link, the return opens, and the 997 and the answering 180 queued in
// reply are in the log with their content. A file that is not X12 is kept and shown rejected.
import { expect, it } from 'vitest';
import type { Page as BrowserPage } from 'playwright-core';
import type { SalesOrder } from '../../src/contracts/masterdata.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { ApiClient, findReturnCandidate } from './support/api.js';
import { chooseInPicker, escapeRegExp } from './support/arrivals.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

/** A 180 from `sender` asking to return one unit of `partnerItem` sold under `po`, as the partner writes it. */
function returnRequest180(sender: string, reference: string, partnerItem: string, po: string): string {
  const control = '000000901';
  const segments = [
    `ISA*00*${' '.repeat(10)}*00*${' '.repeat(10)}*ZZ*${sender.padEnd(15)}*ZZ*${'BOOMERANG'.padEnd(15)}*261126*1000*U*00401*${control}*0*P*:`,
    `GS*AN*${sender}*BOOMERANG*20261126*1000*77*X*004010`,
    'ST*180*0001',
    `BGN*00*${reference}*20261126`,
    `BLI*IN*${partnerItem}*1*EA`,
    'RDR*CR*DR',
    `PRF*${po}`,
    'SE*6*0001',
    'GE*1*77',
    `IEA*1*${control}`,
  ];
  return segments.map((segment) => `${segment}~\n`).join('');
}

/** Hands in `content` as a file from the EDI documents page; waits for the document it became. */
async function handIn(page: BrowserPage, content: string, fileName: string, partner?: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Hand in a file' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hand in a file' });
  await dialog
    .getByLabel('X12 file')
    .setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(content) });
  await expect.poll(() => dialog.getByLabel('Content').inputValue()).toBe(content);
  if (partner) {
    const option = dialog.getByLabel('Trading partner').locator('option').filter({ hasText: partner });
    await dialog.getByLabel('Trading partner').selectOption(await option.getAttribute('value'));
  }
  await dialog.getByRole('button', { name: 'Hand in' }).click();
  await page.waitForURL(/\/edi\/documents\/[^/]+$/);
}

describeInBrowser('EDI with trading partners', () => {
  const suite = setUpBrowserSuite();

  it("an admin sets up a customer's partner; its 180 becomes a return, answered by a 997 and a 180 in the log", async () => {
    const { baseUrl } = suite.server;
    const stamp = Date.now().toString(36).toUpperCase();
    const code = `ACME-EDI-${stamp}`;
    const sender = `AC${stamp}`.slice(0, 15);
    const po = `PO-EDI-${stamp}`;
    const partnerItem = `ACME-${stamp}`;

    // A shipped order of a demo customer under the PO the partner's 180 names, of a returnable product.
    const admin = await ApiClient.signIn(baseUrl, 'admin@demo.local');
    const candidate = await findReturnCandidate(admin);
    const sold = candidate.order.lines[candidate.lineIndex]!;
    const today = new Date().toISOString().slice(0, 10);
    await admin.post<SalesOrder>('/orders', {
      orderNumber: `SO-EDI-${stamp}`,
      customerId: candidate.order.customerId,
      legalEntityId: candidate.order.legalEntityId,
      currency: candidate.order.currency,
      orderDate: today,
      customerPo: po,
      lines: [
        {
          lineNumber: 1,
          productId: sold.productId,
          quantityShipped: 3,
          unitPriceMinor: sold.unitPriceMinor,
          shipDate: today,
          deliveryDate: today,
          ...(sold.lotsShipped.length > 0 ? { lotsShipped: sold.lotsShipped } : {}),
        },
      ],
    });
    const customer = await admin.getCustomer(candidate.order.customerId);

    await inPage(suite, async (page) => {
      await signIn(page, 'admin@demo.local');
      await openMainNav(page, 'Admin');
      await page.getByRole('link', { name: /^Trading partners \(EDI\)/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Trading partners' }).waitFor();
      await page.getByRole('link', { name: 'Add trading partner' }).click();

      const form = page.getByRole('form', { name: 'Add trading partner' });
      await form.getByLabel('Code', { exact: true }).fill(code);
      await form.getByLabel('Name', { exact: true }).fill(`Acme EDI ${stamp}`);
      await chooseInPicker(page, 'Customer', customer.name, new RegExp(`^Choose ${escapeRegExp(customer.name)}`));
      await form.getByLabel('Their interchange id').fill(sender);
      await form.getByLabel('Their group id').fill(sender);
      await form.getByLabel('Our interchange id').fill('BOOMERANG');
      await form.getByLabel('Our group id').fill('BOOMERANG');
      await form.getByRole('checkbox', { name: /^812 out/ }).check();

      await form.getByRole('button', { name: 'Add item qualifier' }).click();
      await form.getByLabel('Code of item qualifier new').fill('IN');
      await form.getByLabel('Our number for item qualifier IN').selectOption('cross_reference');
      await form.getByRole('button', { name: 'Add cross-reference' }).click();
      await form.getByLabel('Partner item of cross-reference new').fill(partnerItem);
      await form.getByLabel(`Our SKU for cross-reference ${partnerItem}`).fill(sold.sku);
      await form.getByRole('button', { name: 'Add reason' }).click();
      await form.getByLabel('Code of reason new').fill('DR');
      await form.getByLabel('Our reason code for reason DR').fill(candidate.reasonCode);
      await form.getByLabel('Claimed condition for reason DR').selectOption(candidate.condition);
      await form.getByRole('button', { name: 'Add disposition' }).click();
      await form.getByLabel('Code of disposition new').fill('CR');
      await form.getByLabel('Return type for disposition CR').selectOption('standard');

      // A version X12 does not know is refused beside its field, and nothing is saved.
      await form.getByLabel('X12 version').fill('4010');
      await form.getByRole('button', { name: 'Add trading partner' }).click();
      await form.getByText('A version such as 004010 or 005010.').waitFor();
      await form.getByLabel('X12 version').fill('004010');
      await form.getByRole('button', { name: 'Add trading partner' }).click();

      await page.getByRole('heading', { level: 1, name: 'Trading partners' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: code });
      await row.getByText('Active', { exact: true }).waitFor();
      await row.getByText(`Customer ${customer.name}`).waitFor();
      await row.getByText(`Theirs ZZ/${sender}`).waitFor();

      // The mappings were saved as entered: the edit form reads them back.
      await row.getByRole('link', { name: `Edit ${code}` }).click();
      await page.getByRole('heading', { level: 1, name: `Trading partner ${code}` }).waitFor();
      expect(await page.getByLabel(`Our SKU for cross-reference ${partnerItem}`).inputValue()).toBe(sold.sku);
      expect(await page.getByLabel('Our number for item qualifier IN').inputValue()).toBe('cross_reference');
      await screenshotIfAsked(page, 'edi-partner');
    });

    await inPage(suite, async (page) => {
      await signIn(page, 'cs_manager@demo.local');
      await page.getByRole('link', { name: /^EDI documents/ }).click();
      await page.getByRole('heading', { level: 1, name: 'EDI documents' }).waitFor();

      // A file that is not X12 is kept and rejected, with why.
      await handIn(page, 'this is not X12 at all', 'junk.txt');
      await page.getByRole('heading', { level: 1, name: /^Inbound/ }).waitFor();
      await page.getByLabel('The document').getByText('Rejected', { exact: true }).waitFor();
      await page
        .getByRole('region', { name: 'Errors' })
        .getByText(/^unreadable: /)
        .waitFor();
      await page.getByRole('link', { name: '← EDI documents' }).click();

      const reference = `REQ-${stamp}`;
      await handIn(page, returnRequest180(sender, reference, partnerItem, po), `${reference}.x12`, new RegExp(code));
      await page.getByRole('heading', { level: 1, name: 'Inbound 180 · 000000901' }).waitFor();
      await page.getByLabel('The document').getByText('Processed', { exact: true }).waitFor();
      const returnLink = page.getByLabel('The document').getByRole('link', { name: /^Return RMA-/ });
      const rmaNumber = /(RMA-\S+)/.exec((await returnLink.textContent()) ?? '')?.[1];
      expect(rmaNumber).toBeDefined();
      await page.getByRole('region', { name: 'Content' }).getByText(`BGN*00*${reference}*20261126~`).waitFor();

      // The file as it was received, downloaded with the session's token.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${reference}.x12`);
      await screenshotIfAsked(page, 'edi-document');

      await returnLink.click();
      await page.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(rmaNumber!)) }).waitFor();
      await page.goBack();

      // The log, for this partner's outbound documents: the 997 and the answering 180, with their content.
      await page.getByRole('link', { name: '← EDI documents' }).click();
      const filters = page.getByRole('form', { name: 'Filter the documents' });
      const partnerOption = filters.getByLabel('Partner').locator('option').filter({ hasText: code });
      await filters.getByLabel('Partner').selectOption(await partnerOption.getAttribute('value'));
      await filters.getByLabel('Direction').selectOption('out');
      const log = page.getByRole('table', { name: 'EDI documents' });
      const ack = log.getByRole('row').filter({ has: page.getByRole('cell', { name: '997', exact: true }) });
      const answer = log.getByRole('row').filter({ has: page.getByRole('cell', { name: '180', exact: true }) });
      // The header and the two answers, once both filters apply.
      await expect.poll(() => log.getByRole('row').count()).toBe(3);
      await ack
        .getByText('Queued', { exact: true })
        .or(ack.getByText('Sent', { exact: true }))
        .waitFor();
      await answer
        .getByText('Queued', { exact: true })
        .or(answer.getByText('Sent', { exact: true }))
        .waitFor();

      await ack.getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: /^Outbound 997/ }).waitFor();
      const ackContent = page.getByRole('region', { name: 'Content' });
      await ackContent.getByText(/AK2\*180\*0001/).waitFor();
      await ackContent.getByText(/AK5\*A/).waitFor();
      await page.getByRole('link', { name: 'the inbound document' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inbound 180 · 000000901' }).waitFor();
      await page.getByRole('region', { name: 'Answers' }).getByRole('link', { name: /^180 / }).click();
      await page.getByRole('heading', { level: 1, name: /^Outbound 180/ }).waitFor();
      const answerContent = page.getByRole('region', { name: 'Content' });
      await answerContent.getByText(new RegExp(`BGN\\*11\\*${escapeRegExp(reference)}\\*`)).waitFor();
      await answerContent.getByText(new RegExp(`N9\\*RZ\\*${escapeRegExp(rmaNumber!)}`)).waitFor();
    });
  });
});
