// Replacement orders on the return page: customer service requests one from the panel (the form
// refuses more units than are left beside the field), the warehouse allocates and ships it from the
// same panel, and the customer sees what is coming — without the staff's actions or internal fields.
// An advance replacement shows its deposit from the request on: what it will charge when it ships,
// then charged and held until the return arrives. An exchange shows its price difference: quoted
// when requested, invoiced or credited once it ships.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page as ResultPage } from '../../src/contracts/common.js';
import type { Disposition, RecommendationResponseSchema } from '../../src/contracts/disposition.js';
import type { Inspection } from '../../src/contracts/inspection.js';
import type { SalesOrderLine, Site } from '../../src/contracts/masterdata.js';
import type { ReplacementOrder } from '../../src/contracts/replacements.js';
import type { Rma, Verdict } from '../../src/contracts/returns.js';
import { formatMinor } from '../../src/platform/money/format-money.js';
import type { z } from 'zod';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { postIfMatch } from './support/dispositions.js';
import { approveAsManager, findOrderLine, firstActiveReason, isOpenToReturn, shownDate } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;

interface ReplaceableReturn {
  /** The authorized one-unit return the journey replaces. */
  rma: Rma;
  line: SalesOrderLine;
  /** Where the saleable unit lies: the replacement ships from there. */
  siteId: string;
  siteCode: string;
}

/** A one-unit return of the demo customer's line, authorized (the manager approves it when asked). */
async function authorizedReturnOf(baseUrl: string, line: SalesOrderLine, customerId: string, reasonCode: string) {
  const customer = await ApiClient.signIn(baseUrl, 'customer@demo.local');
  const requested = await customer.post<Rma>('/returns', {
    customerId,
    returnType: 'standard',
    lines: [{ orderLineId: line.id, quantity: 1, reasonCode, claimedCondition: 'unopened' }],
  });
  if (requested.status === 'pending_approval') await approveAsManager(baseUrl, requested.id, requested.version);
  const rma = await customer.get<Rma>(`/returns/${requested.id}`);
  if (rma.status !== 'authorized') throw new Error(`${rma.rmaNumber} is ${rma.status}, not authorized`);
  return rma;
}

/**
 * A delivered, plain (no serials, not regulated), eligible line of the demo customer's with `units`
 * left to return, of a product `isWanted` accepts.
 */
function returnableLine(
  customer: ApiClient,
  reasonCode: string,
  units: number,
  isWanted: (line: SalesOrderLine) => boolean = () => true,
) {
  return findOrderLine(
    customer,
    async (candidate, candidateOrder) => {
      if (!isOpenToReturn(candidate) || !candidate.isReturnable || candidate.serialsShipped.length > 0) return false;
      if (candidate.regulatedClass !== null || candidate.quantityShipped - candidate.quantityCommitted < units)
        return false;
      if (!isWanted(candidate)) return false;
      const verdict = await customer.post<Verdict>('/returns/evaluate', {
        customerId: candidateOrder.customerId,
        returnType: 'standard',
        lines: [{ orderLineId: candidate.id, quantity: 1, reasonCode, claimedCondition: 'unopened' }],
      });
      return verdict.isEligible;
    },
    10,
  );
}

/**
 * A delivered, plain line of the demo customer's with two units left: one returned, received at the
 * warehouse's site, inspected as new and restocked (saleable stock of the product there), the other
 * returned and authorized (its goods go wherever the routing rules send them).
 */
async function replaceableReturn(baseUrl: string): Promise<ReplaceableReturn> {
  const customer = await ApiClient.signIn(baseUrl, 'customer@demo.local');
  const warehouse = await ApiClient.signIn(baseUrl, 'warehouse@demo.local');
  const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
  const siteId = warehouse.siteId;
  if (!siteId) throw new Error('the demo warehouse user has no home site');
  const reason = await firstActiveReason(customer);
  const { order, line } = await returnableLine(customer, reason.code, 2);

  // The unit that becomes saleable stock.
  const stocked = await authorizedReturnOf(baseUrl, line, order.customerId, reason.code);
  await warehouse.post(`/returns/${stocked.id}/receipts`, {
    siteId,
    items: [
      {
        productId: line.productId,
        quantity: 1,
        ...(line.isLotControlled ? { lots: [line.lotsShipped[0] ?? `LOT-RPL-${Date.now()}`] } : {}),
      },
    ],
  });
  const { items } = await quality.get<{ items: Array<{ id: string }> }>(`/returns/${stocked.id}/inspections`);
  const queued = await quality.get<Inspection>(`/inspections/${items[0]!.id}`);
  const claimed = await postIfMatch<Inspection>(
    baseUrl,
    'quality@demo.local',
    `/inspections/${queued.id}/claim`,
    queued.version,
  );
  await postIfMatch(baseUrl, 'quality@demo.local', `/inspections/${queued.id}/complete`, claimed.version, {
    checklist: claimed.checklist.map((item) =>
      item.kind === 'check' ? { id: item.id, passed: true } : { id: item.id, value: item.min ?? item.max ?? 1 },
    ),
    grade: 'A',
    defectCodes: [],
    noFaultFound: false,
    findings: 'As new',
  });
  const { recommendation } = await quality.get<RecommendationResponse>(`/inspections/${queued.id}/recommendation`);
  const disposition = await quality.post<Disposition>(`/inspections/${queued.id}/disposition`, {
    code: 'RESTOCK',
    rulesVersion: recommendation.rulesVersion,
    ...(recommendation.code === 'RESTOCK' ? {} : { overrideReason: 'As new: back to saleable stock' }),
  });
  if (disposition.code !== 'RESTOCK') throw new Error(`the unit was disposed of as ${disposition.code}`);

  // The unit the journey replaces: the rules route its goods wherever they choose.
  const authorized = await authorizedReturnOf(baseUrl, line, order.customerId, reason.code);
  const rma = await warehouse.get<Rma>(`/returns/${authorized.id}`);
  const sites = await warehouse.get<ResultPage<Site>>('/sites?pageSize=200');
  const siteCode = sites.items.find((site) => site.id === siteId)?.code;
  if (!siteCode) throw new Error(`site ${siteId} is not listed`);
  return { rma, line, siteId, siteCode };
}

async function ordersOf(baseUrl: string, rmaId: string): Promise<ReplacementOrder[]> {
  const staff = await ApiClient.signIn(baseUrl, 'cs_agent@demo.local');
  return (await staff.get<ResultPage<ReplacementOrder>>(`/replacement-orders?rmaId=${rmaId}`)).items;
}

/** The return page's replacements panel. */
async function openReplacements(page: Page, rma: Rma) {
  await page.goto(`/returns/${rma.id}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(rma.rmaNumber) }).waitFor();
  const panel = page.getByRole('region', { name: 'Replacements' });
  await panel.waitFor();
  return panel;
}

/** Requests a replacement from the panel's form; returns the order's number from the toast. */
async function requestFromPanel(
  page: Page,
  rma: Rma,
  { kind, units, note, siteId }: { kind: string; units: number; note: string; siteId: string },
): Promise<string> {
  const panel = page.getByRole('region', { name: 'Replacements' });
  await panel.getByRole('button', { name: 'Request replacement…' }).click();
  const dialog = page.getByRole('dialog', { name: `Request a replacement for ${rma.rmaNumber}` });
  await dialog.getByLabel('Kind').selectOption(kind);
  await dialog.getByLabel('Units').fill(String(units));
  await dialog.getByLabel('Ships from').selectOption(siteId);
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Request', exact: true }).click();
  const toast = page.getByRole('status').filter({ hasText: /^\S+ requested/ });
  await toast.waitFor();
  await dialog.waitFor({ state: 'detached' });
  const number = /^(\S+) requested/.exec((await toast.locator('span').textContent()) ?? '')?.[1];
  if (!number) throw new Error('no replacement number in the toast');
  return number;
}

describeInBrowser('replacement orders', () => {
  const suite = setUpBrowserSuite();

  it('customer service requests a replacement, the warehouse allocates and ships it, and the customer sees it without the staff’s actions', async () => {
    const { baseUrl } = suite.server;
    const { rma, line, siteId, siteCode } = await replaceableReturn(baseUrl);
    const note = `Customer waits for it (${Date.now()})`;
    const carrierReference = `1Z${Date.now()}`;
    let number = '';

    await inPage(
      suite,
      async (page) => {
        await signIn(page, 'cs_agent@demo.local');
        const panel = await openReplacements(page, rma);
        await panel.getByText('No replacement requested for this return.').waitFor();
        await panel.getByRole('button', { name: 'Request replacement…' }).click();
        const dialog = page.getByRole('dialog', { name: `Request a replacement for ${rma.rmaNumber}` });
        await dialog.getByLabel('Return line').selectOption({ index: 0 });
        // By default it ships from where the return's goods are routed; the stock's site is offered.
        const routedTo = rma.routingInstruction?.siteCode;
        expect(await dialog.getByLabel('Ships from').locator('option:checked').textContent()).toBe(
          routedTo ? `Where the goods are routed (${routedTo})` : 'Where the goods are routed',
        );
        expect(await dialog.getByLabel('Ships from').locator(`option[value="${siteId}"]`).textContent()).toMatch(
          new RegExp(`^${siteCode} · `),
        );
        expect(await dialog.getByLabel('Return line').locator('option').first().textContent()).toContain(line.sku);
        // Nothing to send: refused beside the field before anything is asked of the server.
        await dialog.getByLabel('Units').fill('0');
        await dialog.getByRole('button', { name: 'Request', exact: true }).click();
        await dialog.locator('.field__error').getByText('Enter a whole number of units.').waitFor();
        // More than the one unit the return authorized: the server's refusal, beside the field.
        await dialog.getByLabel('Units').fill('2');
        await dialog.getByRole('button', { name: 'Request', exact: true }).click();
        const refusal = dialog.locator('.field__error').getByText(/has 1 of its 1 authorized units left to settle/);
        await refusal.waitFor();
        expect(await dialog.getByLabel('Units').getAttribute('aria-invalid')).toBe('true');
        expect(await dialog.getByRole('alert').count()).toBe(0);
        await dialog.locator('.dialog__actions').getByRole('button', { name: 'Close' }).click();
        await dialog.waitFor({ state: 'detached' });

        number = await requestFromPanel(page, rma, { kind: 'replacement', units: 1, note, siteId });
        const table = panel.getByRole('table', { name: 'Replacement orders of this return' });
        const row = table.getByRole('row').filter({ hasText: number });
        await row.getByText('Replacement', { exact: true }).waitFor();
        await row.getByText('Requested', { exact: true }).waitFor();
        await row.getByText(`1 × ${line.sku}`).waitFor();
        await row.getByText(siteCode, { exact: true }).waitFor();
        await row.getByText(note).waitFor();
        // Allocating and shipping are the warehouse's; customer service may cancel.
        expect(await row.getByRole('button', { name: /^Allocate/ }).count()).toBe(0);
        await row.getByRole('button', { name: 'Cancel…' }).waitFor();
        await screenshotIfAsked(page, 'replacements-requested');
      },
      { expectedErrors: [/status of 422/] },
    );

    await inPage(suite, async (page) => {
      await signIn(page, 'warehouse@demo.local');
      const panel = await openReplacements(page, rma);
      // The warehouse ships; it does not ask for replacements.
      expect(await panel.getByRole('button', { name: 'Request replacement…' }).count()).toBe(0);
      const row = panel.getByRole('row').filter({ hasText: number });
      await row.getByRole('button', { name: 'Allocate stock' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${number} is allocated` })
        .waitFor();
      await row.getByText('Allocated', { exact: true }).waitFor();
      await row.getByRole('button', { name: 'Ship…' }).click();
      const dialog = page.getByRole('dialog', { name: `Ship ${number}` });
      await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
      await dialog.locator('.field__error').getByText('Enter the carrier reference.').waitFor();
      await dialog.getByLabel('Carrier reference').fill(carrierReference);
      await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${number} is shipped` })
        .waitFor();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText('Shipped', { exact: true }).waitFor();
      await row.getByText(carrierReference).waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
      await screenshotIfAsked(page, 'replacements-shipped');
    });

    const [shipped] = await ordersOf(baseUrl, rma.id);
    expect(shipped).toMatchObject({ replacementNumber: number, status: 'shipped', carrierReference, note });
    expect(shipped!.shippedAt).toBeTruthy();

    await inPage(suite, async (page) => {
      await signIn(page, 'customer@demo.local');
      const answered = page.waitForResponse(
        (candidate) => candidate.url().includes('/replacement-orders?') && candidate.url().includes(rma.id),
      );
      const panel = await openReplacements(page, rma);
      const body = (await (await answered).json()) as { items: Array<Record<string, unknown>> };
      // The customer's shape: what is coming, not who asked, from where, or why.
      expect(body.items).toHaveLength(1);
      for (const field of ['note', 'siteId', 'siteCode', 'requestedBy', 'shippedBy', 'shortage', 'legalEntityId'])
        expect(body.items[0]).not.toHaveProperty(field);
      const row = panel.getByRole('row').filter({ hasText: number });
      await row.getByText('Shipped', { exact: true }).waitFor();
      await row.getByText(`1 × ${line.sku}`).waitFor();
      await row.getByText(carrierReference).waitFor();
      // An instant, shown as the day it is where the browser is (the same machine's zone).
      const shippedOn = new Date(shipped!.shippedAt!).toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      });
      await row.getByText(shippedOn).waitFor();
      await screenshotIfAsked(page, 'replacements-customer');
      expect(await panel.getByRole('button').count()).toBe(0);
      expect(await panel.getByRole('columnheader', { name: 'Ships from' }).count()).toBe(0);
      expect(await panel.getByRole('columnheader', { name: 'Actions' }).count()).toBe(0);
      expect(await page.getByText(note).count()).toBe(0);
      expect(await panel.getByText(siteCode, { exact: true }).count()).toBe(0);
    });
  });

  it('an advance replacement requested by staff shows its deposit: charged when it ships, then held until the return arrives', async () => {
    const { baseUrl } = suite.server;
    const { rma, line, siteId } = await replaceableReturn(baseUrl);
    let number = '';

    await inPage(suite, async (page) => {
      await signIn(page, 'cs_manager@demo.local');
      await openReplacements(page, rma);
      number = await requestFromPanel(page, rma, {
        kind: 'advance',
        units: 1,
        note: 'Ships ahead of the return',
        siteId,
      });
      const row = page.getByRole('region', { name: 'Replacements' }).getByRole('row').filter({ hasText: number });
      await row.getByText('Advance replacement', { exact: true }).waitFor();
      // The deposit is told from the request on: the amount now, the last day once it ships.
      const [asked] = await ordersOf(baseUrl, rma.id);
      expect(asked!.depositMinor).toBeGreaterThan(0);
      await row
        .getByText(
          `Deposit ${formatMinor(asked!.depositMinor, asked!.currency)}, charged when it ships, ` +
            `released when the return arrives, invoiced if it has not arrived within ${asked!.depositDays} days of shipping`,
        )
        .waitFor();
      await screenshotIfAsked(page, 'replacements-advance-requested');
    });

    // The warehouse allocates and ships it through the API.
    const [requested] = await ordersOf(baseUrl, rma.id);
    expect(requested).toMatchObject({ replacementNumber: number, kind: 'advance', depositStatus: 'pending' });
    const allocated = await postIfMatch<ReplacementOrder>(
      baseUrl,
      'warehouse@demo.local',
      `/replacement-orders/${requested!.id}/allocate`,
      requested!.version,
    );
    expect(allocated.status).toBe('allocated');
    const shipped = await postIfMatch<ReplacementOrder>(
      baseUrl,
      'warehouse@demo.local',
      `/replacement-orders/${requested!.id}/ship`,
      allocated.version,
      { carrierReference: `ADV-${Date.now()}` },
    );
    // Charged as it was told at the request.
    expect(shipped).toMatchObject({ status: 'shipped', depositStatus: 'held', depositMinor: requested!.depositMinor });
    const deposit =
      `Deposit ${formatMinor(shipped.depositMinor, shipped.currency)} charged, released when the return arrives, ` +
      `invoiced if it has not arrived by ${shownDate(shipped.depositDueOn!)}`;

    for (const email of ['cs_manager@demo.local', 'customer@demo.local']) {
      await inPage(suite, async (page) => {
        await signIn(page, email);
        const panel = await openReplacements(page, rma);
        const row = panel.getByRole('row').filter({ hasText: number });
        await row.getByText('Shipped', { exact: true }).waitFor();
        await row.getByText(deposit).waitFor();
        await row.getByText(`1 × ${line.sku}`).waitFor();
        await screenshotIfAsked(page, `replacements-advance-${email.split('@')[0]}`);
      });
    }
  });

  it('an exchange for another product shows its price difference: quoted when requested, invoiced or credited once it ships', async () => {
    const { baseUrl } = suite.server;
    // Saleable stock of one product at the warehouse's site, and a return of another to exchange for it.
    const stocked = await replaceableReturn(baseUrl);
    const customer = await ApiClient.signIn(baseUrl, 'customer@demo.local');
    const reason = await firstActiveReason(customer);
    const { order, line } = await returnableLine(
      customer,
      reason.code,
      1,
      (candidate) => candidate.productId !== stocked.line.productId,
    );
    const rma = await authorizedReturnOf(baseUrl, line, order.customerId, reason.code);
    const agent = await ApiClient.signIn(baseUrl, 'cs_agent@demo.local');
    const requested = await agent.post<ReplacementOrder>(`/returns/${rma.id}/replacement-orders`, {
      kind: 'exchange',
      siteId: stocked.siteId,
      lines: [{ rmaLineId: rma.lines[0]!.id, quantity: 1, productId: stocked.line.productId }],
    });
    const amount = formatMinor(Math.abs(requested.differenceMinor), requested.currency);
    const direction = requested.differenceMinor > 0 ? 'invoiced' : 'credited';
    const [quoted, settled] =
      requested.differenceMinor === 0
        ? ['Same price: no difference to invoice or credit', 'Same price: no difference to invoice or credit']
        : [`Price difference ${amount}, ${direction} when it ships`, `Price difference ${direction}: ${amount}`];

    await inPage(suite, async (page) => {
      await signIn(page, 'cs_agent@demo.local');
      const panel = await openReplacements(page, rma);
      const row = panel.getByRole('row').filter({ hasText: requested.replacementNumber });
      await row.getByText('Exchange', { exact: true }).waitFor();
      await row.getByText(quoted).waitFor();
    });

    const allocated = await postIfMatch<ReplacementOrder>(
      baseUrl,
      'warehouse@demo.local',
      `/replacement-orders/${requested.id}/allocate`,
      requested.version,
    );
    expect(allocated.status).toBe('allocated');
    const shipped = await postIfMatch<ReplacementOrder>(
      baseUrl,
      'warehouse@demo.local',
      `/replacement-orders/${requested.id}/ship`,
      allocated.version,
      { carrierReference: `EXC-${Date.now()}` },
    );
    expect(shipped).toMatchObject({
      status: 'shipped',
      differenceStatus: requested.differenceMinor === 0 ? 'none' : direction,
      differenceMinor: requested.differenceMinor,
    });

    for (const email of ['cs_agent@demo.local', 'customer@demo.local']) {
      await inPage(suite, async (page) => {
        await signIn(page, email);
        const panel = await openReplacements(page, rma);
        const row = panel.getByRole('row').filter({ hasText: requested.replacementNumber });
        await row.getByText('Shipped', { exact: true }).waitFor();
        await row.getByText(settled).waitFor();
        await screenshotIfAsked(page, `replacements-exchange-${email.split('@')[0]}`);
      });
    }
  });
});
