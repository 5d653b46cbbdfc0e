import type { Page as PwPage } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page } from '../../src/contracts/common.js';
import type { SalesOrderSummary } from '../../src/contracts/masterdata.js';
import type { CustomerRma, RmaSummary, Verdict } from '../../src/contracts/returns.js';
import { ApiClient, findReturnCandidate } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { fillReturnLine, openMainNav, submitReturnRequest } from './support/journeys.js';
import { approveAsManager, findOrderLine, firstActiveReason, isOpenToReturn, shownDate } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

describeInBrowser('customer portal', () => {
  const suite = setUpBrowserSuite();

  it('a customer requests a return for an order line and finds it in My returns', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const candidate = await findReturnCandidate(api, { customerId: api.customerId });
    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await openMainNav(page, 'My orders');
      await page.getByLabel('Search orders').fill(candidate.order.orderNumber);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: candidate.order.orderNumber, exact: true }).click();
      await page.getByRole('heading', { name: `Order ${candidate.order.orderNumber}` }).waitFor();
      await page.getByRole('link', { name: 'Request a return' }).click();

      await fillReturnLine(page, candidate, 1);
      await page.locator('.check--pass').first().waitFor();
      await screenshotIfAsked(page, 'customer-request-form');
      const rmaNumber = await submitReturnRequest(page);

      await openMainNav(page, 'My returns');
      await page.getByRole('link', { name: rmaNumber, exact: true }).waitFor();
    });
  });

  it('asking to return more than is returnable gets a failing verdict and cannot be submitted', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const candidate = await findReturnCandidate(api, { customerId: api.customerId });
    const line = candidate.order.lines[candidate.lineIndex];
    const tooMany = (line?.quantityShipped ?? 0) + 5;
    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await page.goto(`/portal/orders/${candidate.order.id}/return`);
      await fillReturnLine(page, candidate, tooMany);

      // The verdict as a whole, in the panel's header (each failing line carries the same badge).
      await page.locator('.verdict .panel__header').getByText('Not eligible', { exact: true }).waitFor();
      const failed = page.locator('.check--fail').filter({ hasText: 'returnable' });
      await failed.first().waitFor();
      expect(await failed.first().textContent()).toContain(String(tooMany));
      expect(await page.getByRole('button', { name: 'Submit return request' }).isDisabled()).toBe(true);
      await screenshotIfAsked(page, 'customer-over-quantity');
    });
  });

  it('My orders shows each order’s items, value, delivery and returnable-until date; My returns finds a return by RMA number and reference', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const orders = await api.get<Page<SalesOrderSummary>>('/orders?pageSize=25');
    const order = orders.items.find((o) => o.returnableUntil !== null && o.deliveredOn !== null) ?? orders.items[0]!;
    const returns = await api.get<Page<RmaSummary>>('/returns?pageSize=50');
    const withReference = returns.items.find((r) => r.customerReference !== '');
    const other = returns.items.find((r) => r.id !== withReference?.id)!;
    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await openMainNav(page, 'My orders');
      const table = page.getByRole('table', { name: 'My orders' });
      for (const header of ['Items', 'Value', 'Delivered', 'Returnable until'])
        await table.getByRole('columnheader', { name: header }).waitFor();
      const row = table.getByRole('row').filter({ hasText: order.orderNumber });
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(String(order.lineCount));
      expect(text).toContain(shownDate(order.returnableUntil!));
      expect(text).toContain(shownDate(order.deliveredOn!));
      expect(text).toMatch(/\$[\d,]+\.\d{2}/);

      await openMainNav(page, 'My returns');
      await page.getByLabel('Search returns').fill(other.rmaNumber);
      await page.getByRole('button', { name: 'Search' }).click();
      const results = page.getByRole('table', { name: 'My returns' });
      await results.getByRole('link', { name: other.rmaNumber, exact: true }).waitFor();
      await expect.poll(() => results.getByRole('row').count()).toBe(2);
      if (withReference) {
        await page.getByLabel('Search returns').fill(withReference.customerReference);
        await page.getByRole('button', { name: 'Search' }).click();
        await results.getByRole('link', { name: withReference.rmaNumber, exact: true }).waitFor();
      }
      await screenshotIfAsked(page, 'customer-my-returns-search');
    });
  });

  it('a serialized line’s shipped serials are picked; once authorized the return leads with where to send it, the ship-by date and a printable RMA document', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const reason = await firstActiveReason(api);
    const { order, line } = await findOrderLine(api, async (candidate, o) => {
      if (!isOpenToReturn(candidate) || !candidate.isSerialized || candidate.regulatedClass !== null) return false;
      if (candidate.serialsShipped.length < 2) return false;
      const verdict = await api.post<Verdict>('/returns/evaluate', {
        customerId: o.customerId,
        returnType: 'serialized',
        lines: [
          {
            orderLineId: candidate.id,
            quantity: 1,
            reasonCode: reason.code,
            claimedCondition: 'defective',
            serials: [candidate.serialsShipped.at(-1)],
          },
        ],
      });
      return verdict.isEligible;
    });
    const serial = line.serialsShipped.at(-1)!;
    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await page.goto(`/portal/orders/${order.id}/return`);
      await page.getByRole('checkbox', { name: new RegExp(`^Return line ${line.lineNumber}: `) }).check();
      // Serials are picked from those shipped on the line, not typed; the quantity follows them.
      await page.getByRole('checkbox', { name: serial, exact: true }).check();
      expect(await page.getByLabel('Quantity').inputValue()).toBe('1');
      await page.getByLabel('Reason').selectOption(reason.code);
      await page.getByLabel('Condition').selectOption('defective');
      // No type to pick: it follows from the goods.
      await page.getByText('Return type: Serialized').waitFor();
      expect(await page.getByLabel('Return type').count()).toBe(0);
      const rmaNumber = await submitReturnRequest(page);

      const rmaId = /\/returns\/([^/]+)$/.exec(page.url())?.[1] ?? '';
      let rma = await api.get<CustomerRma>(`/returns/${rmaId}`);
      if (rma.status === 'pending_approval') {
        await approveAsManager(suite.server.baseUrl, rmaId, rma.version);
        rma = await api.get<CustomerRma>(`/returns/${rmaId}`);
        await page.reload();
      }
      expect(rma.status).toBe('authorized');
      expect(rma.shipTo).not.toBeNull();

      // The page leads with what to do: before the summary, where to send it and by when.
      const nextSteps = page.getByRole('region', { name: 'Send the goods back' });
      await nextSteps.waitFor();
      expect(await page.locator('main section').first().getAttribute('class')).toContain('next-steps');
      const steps = (await nextSteps.textContent()) ?? '';
      expect(steps).toContain(rma.shipTo!.siteName);
      expect(steps).toContain(rma.shipTo!.city);
      expect(steps).toContain(`Ship it by ${shownDate(rma.expiresOn!)}`);
      await screenshotIfAsked(page, 'customer-return-next-steps');

      await nextSteps.getByRole('link', { name: 'Print RMA document' }).click();
      await page.waitForURL(/\/returns\/[^/]+\/document$/);
      await page.getByRole('heading', { level: 1, name: rmaNumber }).waitFor();
      const document = page.getByRole('article');
      const lines = document.getByRole('table', { name: 'Goods in this parcel' });
      const row = lines.getByRole('row').filter({ hasText: line.sku });
      expect(await row.textContent()).toContain(serial);
      expect(await document.textContent()).toContain(rma.shipTo!.siteName);
      await page.getByRole('button', { name: 'Print' }).waitFor();
      await screenshotIfAsked(page, 'customer-rma-document');
      // Printed: the sheet alone, no navigation and no buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { level: 1, name: rmaNumber }).isVisible()).toBe(true);
    });
  });

  it('lines that cannot be returned are shown disabled with the reason; a regulated line makes a regulated return', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const blocked = await findOrderLine(api, (line) => !line.isReturnable && line.quantityShipped > 0);
    const undelivered = await findOrderLine(api, (line) => line.deliveryDate === null && line.quantityShipped > 0);
    const regulated = await findOrderLine(api, (line) => isOpenToReturn(line) && line.regulatedClass !== null);
    const checkboxOf = (page: PwPage, lineNumber: number) =>
      page.getByRole('checkbox', { name: new RegExp(`^Return line ${lineNumber}: `) });
    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      await page.goto(`/portal/orders/${blocked.order.id}/return`);
      const nonReturnable = checkboxOf(page, blocked.line.lineNumber);
      expect(await nonReturnable.isDisabled()).toBe(true);
      const reasonText = await page
        .locator('.line-editor')
        .filter({ has: nonReturnable })
        .locator('.line-editor__unavailable')
        .textContent();
      expect(reasonText).toMatch(/Sold as non-returnable|Not delivered yet|Nothing left/);
      if (blocked.line.deliveryDate !== null && blocked.line.quantityShipped > blocked.line.quantityCommitted) {
        // A warranty claim may bring back goods sold as non-returnable.
        await page.getByLabel('This is a warranty claim: the goods are faulty').check();
        expect(await nonReturnable.isDisabled()).toBe(false);
        await page.getByText('Return type: Warranty').waitFor();
      }

      await page.goto(`/portal/orders/${undelivered.order.id}/return`);
      const notArrived = checkboxOf(page, undelivered.line.lineNumber);
      expect(await notArrived.isDisabled()).toBe(true);
      await page
        .locator('.line-editor')
        .filter({ has: notArrived })
        .getByText(/Not delivered yet/)
        .waitFor();
      await screenshotIfAsked(page, 'customer-unavailable-lines');

      await page.goto(`/portal/orders/${regulated.order.id}/return`);
      await checkboxOf(page, regulated.line.lineNumber).check();
      await page.getByText('Return type: Regulated').waitFor();
    });
  });

  it('on a 390 px phone the verdict comes before Submit, and a serial or quantity error shows at its field', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, 'customer@demo.local');
    const reason = await firstActiveReason(api);
    const { order, line } = await findOrderLine(
      api,
      (candidate) => isOpenToReturn(candidate) && candidate.serialsShipped.length >= 2 && candidate.isReturnable,
    );
    await inPage(suite, async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, 'customer@demo.local');
      await page.goto(`/portal/orders/${order.id}/return`);
      await page.getByRole('checkbox', { name: new RegExp(`^Return line ${line.lineNumber}: `) }).check();
      await page.getByRole('checkbox', { name: line.serialsShipped[0]!, exact: true }).check();
      await page.getByLabel('Reason').selectOption(reason.code);
      await page.getByLabel('Condition').selectOption('defective');
      // Two units but one serial picked: the refusal sits at the serial numbers.
      await page.getByLabel('Quantity').fill('2');
      const serialsField = page.locator('.serial-picker');
      await serialsField
        .locator('.field__error')
        .getByText(/one serial number per unit/)
        .waitFor();

      // More than was shipped: the refusal sits at the quantity.
      await page.getByLabel('Quantity').fill(String(line.quantityShipped + 5));
      const quantityField = page.locator('.field').filter({ has: page.getByLabel('Quantity') });
      await quantityField
        .locator('.field__error')
        .getByText(/remain returnable/)
        .waitFor();
      expect(await page.getByLabel('Quantity').getAttribute('aria-invalid')).toBe('true');

      const verdict = page.getByRole('complementary', { name: 'Policy verdict' });
      await verdict.getByText('Not eligible').first().waitFor();
      const submit = page.getByRole('button', { name: 'Submit return request' });
      expect(await submit.isDisabled()).toBe(true);
      const verdictBox = await verdict.boundingBox();
      const submitBox = await submit.boundingBox();
      expect(verdictBox && submitBox && verdictBox.y + verdictBox.height <= submitBox.y).toBe(true);
      await screenshotIfAsked(page, 'customer-phone-verdict-before-submit');
    });
  });
});
