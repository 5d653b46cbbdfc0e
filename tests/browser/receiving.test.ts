import type { Page as BrowserPage } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page } from '../../src/contracts/common.js';
import type { Product, SalesOrder } from '../../src/contracts/masterdata.js';
import type { ReceiptExceptionView } from '../../src/contracts/receiving.js';
import type { CreateRmaBody, Rma, Verdict } from '../../src/contracts/returns.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { approveAsManager, firstActiveReason, isOpenToReturn } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

const WAREHOUSE = 'warehouse@demo.local';
const GS = String.fromCharCode(0x1d);

/**
 * A line of customer@demo.local's orders the policy accepts for one unit, whose product has a GTIN
 * (the scan carries it), preferring one authorized without approval.
 */
async function findScannableLine(customer: ApiClient, staff: ApiClient) {
  const reason = await firstActiveReason(customer);
  let fallback: { body: CreateRmaBody; product: Product } | null = null;
  for (let page = 1; page <= 4; page++) {
    const orders = await customer.get<Page<{ id: string }>>(`/orders?page=${page}&pageSize=25`);
    for (const summary of orders.items) {
      const order = await customer.get<SalesOrder>(`/orders/${summary.id}`);
      for (const line of order.lines) {
        if (!isOpenToReturn(line) || !line.isReturnable || line.serialsShipped.length > 0) continue;
        const product = await staff.get<Product>(`/products/${line.productId}`);
        if (!product.gtin) continue;
        const body: CreateRmaBody = {
          customerId: order.customerId,
          returnType: 'standard',
          lines: [{ orderLineId: line.id, quantity: 1, reasonCode: reason.code, claimedCondition: 'unopened' }],
        };
        const verdict = await customer.post<Verdict>('/returns/evaluate', body);
        if (!verdict.isEligible) continue;
        if (verdict.routing?.decision === 'auto_approve') return { body, product };
        fallback ??= { body, product };
      }
    }
    if (page * orders.pageSize >= orders.total) break;
  }
  if (fallback) return fallback;
  throw new Error('customer@demo.local has no returnable order line whose product has a GTIN');
}

/** YYMMDD a year from now: an expiry (AI 17) the parser accepts. */
function expiryNextYear(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(2, 10).replace(/-/g, '');
}

/** Records the frequency of every beep the page plays (the page builds them with the Web Audio API). */
async function listenForBeeps(page: BrowserPage): Promise<void> {
  await page.addInitScript(() => {
    const beeps: number[] = [];
    (window as unknown as { beeps: number[] }).beeps = beeps;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      const oscillator = BaseAudioContext.prototype.createOscillator.call(this);
      const start = oscillator.start.bind(oscillator);
      oscillator.start = (when?: number) => {
        beeps.push(oscillator.frequency.value);
        start(when);
      };
      return oscillator;
    };
  });
}

const beepsHeard = (page: BrowserPage) => page.evaluate(() => (window as unknown as { beeps: number[] }).beeps);

describeInBrowser('receiving', () => {
  const suite = setUpBrowserSuite();

  it('the warehouse scans a return label, then GS1 barcodes: a unit received, one too many set aside, an unknown code refused; the exception is refused from the queue', async () => {
    const customer = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const agent = await ApiClient.signIn(suite.server.baseUrl, 'cs_agent@demo.local');
    const warehouse = await ApiClient.signIn(suite.server.baseUrl, WAREHOUSE);
    expect(warehouse.siteId).not.toBeNull();
    const { body, product } = await findScannableLine(customer, agent);
    let rma = await agent.post<Rma>('/returns', body);
    if (rma.status === 'pending_approval') {
      await approveAsManager(suite.server.baseUrl, rma.id, rma.version);
      rma = await agent.get<Rma>(`/returns/${rma.id}`);
    }
    expect(rma.status).toBe('authorized');
    const line = rma.lines[0]!;
    // What a 2D scanner sends: AIM symbology id, GTIN (AI 01), lot (AI 10, variable length, so a
    // group separator ends it), expiry (AI 17).
    const gs1 = `]C101${product.gtin!.padStart(14, '0')}10LOT42${GS}17${expiryNextYear()}`;

    await inPage(
      suite,
      async (page) => {
        await listenForBeeps(page);
        await signIn(page, WAREHOUSE);
        await openMainNav(page, 'Receive');
        await page.getByRole('heading', { level: 1, name: 'Receive a return' }).waitFor();
        // The return label's barcode holds the RMA number; the scanner types it and presses Enter.
        const number = page.getByLabel('RMA number');
        await number.fill('RMA-9999999');
        await number.press('Enter');
        await page.getByText('No return has the number RMA-9999999.').waitFor();
        await number.pressSequentially(rma.rmaNumber);
        await number.press('Enter');
        await page.waitForURL(`**/receiving/returns/${rma.id}`);
        await page
          .getByRole('heading', { level: 1 })
          .filter({ hasText: `Receiving ${rma.rmaNumber}` })
          .waitFor();

        const scan = page.getByRole('textbox', { name: 'Scan', exact: true });
        const hasFocus = () => scan.evaluate((element) => element === document.activeElement);
        await expect.poll(hasFocus).toBe(true);
        // The operator's home site and "Unopened" are chosen already.
        expect(await page.getByLabel('Receiving site').inputValue()).toBe(warehouse.siteId);
        expect(await page.getByLabel('Condition').inputValue()).toBe('unopened');

        const lines = page.getByRole('table', { name: `Lines of ${rma.rmaNumber}` });
        const row = lines.getByRole('row').filter({ hasText: line.sku });
        const cells = async () => (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
        // Line, product, on the return, received, expected, state.
        expect((await cells()).slice(2, 5)).toEqual(['1', '0', '1']);
        const answer = page.getByRole('status', { name: 'Last scan' });

        // 1. The real scanner string, group separator and all.
        await scan.pressSequentially(gs1);
        expect(await scan.inputValue()).toBe(gs1);
        await scan.press('Enter');
        await answer
          .filter({ hasText: `Received 1 unit onto line ${line.lineNumber} (${line.sku}): 1 of 1 received.` })
          .waitFor();
        expect(await answer.getAttribute('data-tone')).toBe('ok');
        expect(await answer.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
          'rgb(227, 243, 232)',
        );
        await expect.poll(cells).toEqual([String(line.lineNumber), expect.any(String), '1', '1', '0', 'All here']);
        expect(await scan.inputValue()).toBe('');
        await expect.poll(hasFocus).toBe(true);
        await screenshotIfAsked(page, 'receiving-received');

        // A click elsewhere on the page hands focus back to the scan field.
        await page.getByRole('heading', { level: 2, name: 'Expected goods' }).click();
        await expect.poll(hasFocus).toBe(true);

        // 2. The same again: one more than the return expects is set aside as an exception.
        await scan.pressSequentially(gs1);
        await scan.press('Enter');
        await answer.filter({ hasText: 'Exception: More than the return expects' }).waitFor();
        expect(await answer.getAttribute('data-tone')).toBe('exception');
        expect(await answer.textContent()).toContain('1 unit(s) more than the return still expects');
        expect(await answer.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
          'rgb(253, 241, 216)',
        );
        expect((await cells()).slice(2, 5)).toEqual(['1', '1', '0']);
        const exceptions = page.getByRole('table', { name: 'Exceptions on this return' });
        await exceptions
          .getByRole('row')
          .filter({ hasText: 'More than the return expects' })
          .filter({ hasText: 'Open' })
          .waitFor();
        await expect.poll(hasFocus).toBe(true);

        // 3. A code no product has: refused, in the server's words.
        await scan.fill('NOSUCHCODE');
        await scan.press('Enter');
        await answer.filter({ hasText: 'Refused: no product has the code NOSUCHCODE.' }).waitFor();
        expect(await answer.getAttribute('data-tone')).toBe('refused');
        expect(await answer.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
          'rgb(251, 230, 230)',
        );
        await expect.poll(hasFocus).toBe(true);
        // Every answer was heard: high when received, two middle beeps for the exception, low for the refusal.
        await expect.poll(() => beepsHeard(page)).toEqual([1320, 520, 520, 220]);
        const log = page.getByRole('list', { name: 'Scans, newest first' }).getByRole('listitem');
        expect(await log.count()).toBe(3);
        expect(await log.first().textContent()).toContain('NOSUCHCODE');
        expect(await log.last().textContent()).toContain(`]C101${product.gtin!.padStart(14, '0')}10LOT42␝17`);
        await screenshotIfAsked(page, 'receiving-refused');

        // On a phone the station fits the screen: nothing wider than it but the tables' own scroll.
        await page.setViewportSize({ width: 390, height: 844 });
        await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshotIfAsked(page, 'receiving-phone');
        await page.setViewportSize({ width: 1366, height: 900 });

        // The exception queue: the over-receipt waits, oldest first; refuse it and it leaves the open list.
        await openMainNav(page, 'Exceptions');
        await page.getByRole('heading', { level: 1, name: 'Receipt exceptions' }).waitFor();
        const exceptionRow = page
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name: rma.rmaNumber, exact: true }) });
        await exceptionRow.waitFor();
        expect(await exceptionRow.textContent()).toContain('More than the return expects');
        expect(await exceptionRow.textContent()).toContain(line.sku);
        await exceptionRow.getByRole('button', { name: /^Resolve/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Resolve: More than the return expects' });
        await dialog.getByRole('radio', { name: /^Accept onto the return/ }).waitFor();
        await dialog.getByRole('radio', { name: /^Open an unauthorized return for the customer/ }).waitFor();
        // Without a note the dialog asks for one.
        await dialog.getByRole('radio', { name: /^Refuse and send back/ }).check();
        await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
        await dialog.getByText('Say why.').waitFor();
        await dialog.getByLabel('Note').fill('One unit too many in the parcel; sent back to the customer.');
        await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `More than the return expects on ${rma.rmaNumber}: refused, sent back` })
          .waitFor();
        await exceptionRow.waitFor({ state: 'detached' });
        await screenshotIfAsked(page, 'receiving-exception-refused');

        // The return's chain of custody shows the hand-over to receiving and the unit going into stock.
        await page.goto(`/returns/${rma.id}`);
        const custody = page.getByRole('region', { name: 'Chain of custody' });
        const handOvers = custody.getByRole('list', { name: 'Hand-overs, oldest first' }).getByRole('listitem');
        await handOvers.filter({ hasText: 'Received 1 unit' }).waitFor();
        await handOvers.filter({ hasText: 'Into RETURNS-IN as awaiting inspection' }).waitFor();
        expect(await handOvers.first().textContent()).toContain('by ');
      },
      { expectedErrors: [/status of 400/] },
    );

    const raised = await warehouse.get<Page<ReceiptExceptionView>>(`/receiving/exceptions?rmaId=${rma.id}`);
    expect(raised.items.map((exception) => [exception.kind, exception.status, exception.resolution])).toEqual([
      ['over_receipt', 'resolved', 'refused'],
    ]);
    const received = await warehouse.get<Rma>(`/returns/${rma.id}`);
    expect(received.lines[0]!.progress.units.expected).toBe(0);
  });
});
