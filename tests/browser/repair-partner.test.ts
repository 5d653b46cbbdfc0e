import { expect, it } from 'vitest';
import type { Page as ResultPage } from '../../src/contracts/common.js';
import type { Disposition, PartnerWorkOrder, RecommendationResponseSchema } from '../../src/contracts/disposition.js';
import type { Inspection } from '../../src/contracts/inspection.js';
import type { Partner } from '../../src/contracts/masterdata.js';
import type { z } from 'zod';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { authorizedDemoReturn } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

type RecommendationResponse = z.infer<typeof RecommendationResponseSchema>;

/** A POST that needs If-Match, which the shared client does not send. */
async function postIfMatch<T>(baseUrl: string, token: string, path: string, version: number, body?: unknown) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'If-Match': `"${version}"`,
      'Idempotency-Key': crypto.randomUUID(),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function tokenOf(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Staff's part, through the API: a demo return received, inspected as not working (grade D) and
 * sent to FixPoint for repair. Returns the work order's number.
 */
async function workOrderForFixPoint(baseUrl: string): Promise<string> {
  const { rma } = await authorizedDemoReturn(baseUrl);
  const line = rma.lines[0]!;
  const warehouse = await ApiClient.signIn(baseUrl, 'warehouse@demo.local');
  await warehouse.post(`/returns/${rma.id}/receipts`, {
    siteId: warehouse.siteId,
    items: [{ productId: line.productId, quantity: 1, lots: [`LOT-FIX-${Date.now()}`] }],
  });
  const quality = await ApiClient.signIn(baseUrl, 'quality@demo.local');
  const qualityToken = await tokenOf(baseUrl, 'quality@demo.local');
  const { items } = await quality.get<{ items: Array<{ id: string }> }>(`/returns/${rma.id}/inspections`);
  const queued = await quality.get<Inspection>(`/inspections/${items[0]!.id}`);
  const claimed = await postIfMatch<Inspection>(
    baseUrl,
    qualityToken,
    `/inspections/${queued.id}/claim`,
    queued.version,
  );
  await postIfMatch(baseUrl, qualityToken, `/inspections/${queued.id}/complete`, claimed.version, {
    checklist: claimed.checklist.map((item) =>
      item.kind === 'check' ? { id: item.id, passed: true } : { id: item.id, value: item.min ?? item.max ?? 1 },
    ),
    grade: 'D',
    defectCodes: ['DEAD_ON_ARRIVAL'],
    noFaultFound: false,
    findings: 'Does not power on; suspect the power board',
  });
  const { recommendation } = await quality.get<RecommendationResponse>(`/inspections/${queued.id}/recommendation`);
  const partners = await quality.get<ResultPage<Partner>>('/partners?q=PTN-FIX');
  const fixPoint = partners.items.find((partner) => partner.code === 'PTN-FIX');
  if (!fixPoint) throw new Error('the demo has no repair partner PTN-FIX');
  const disposition = await quality.post<Disposition>(`/inspections/${queued.id}/disposition`, {
    code: 'REPAIR_EXTERNAL',
    rulesVersion: recommendation.rulesVersion,
    partnerId: fixPoint.id,
    ...(recommendation.code === 'REPAIR_EXTERNAL' ? {} : { overrideReason: 'FixPoint repairs these under contract' }),
  });
  if (disposition.followUpType !== 'work_order' || !disposition.followUpId)
    throw new Error(`the disposition opened ${disposition.followUpType}, not a work order`);
  const staffView = await quality.get<{ workOrderNumber: string }>(`/work-orders/${disposition.followUpId}`);
  return staffView.workOrderNumber;
}

describeInBrowser('repair partner', () => {
  const suite = setUpBrowserSuite();

  it('a repair partner signs in, sees only its work orders, and reports one repaired', async () => {
    const { baseUrl } = suite.server;
    const number = await workOrderForFixPoint(baseUrl);

    await inPage(suite, async (page) => {
      await page.goto('/login');
      // The login page's demo users include the partner's technician.
      await page.getByRole('button', { name: 'repair@demo.local' }).click();
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Home is the work orders; nothing else is offered: no other link, no search of returns.
      await page.getByRole('heading', { level: 1, name: 'Work orders' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/partner/work-orders');
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Work orders']);
      expect(await page.getByRole('search').count()).toBe(0);

      const open = page.getByRole('table', { name: 'Open work orders' });
      const row = open.getByRole('row').filter({ hasText: number });
      await row.getByText('Repair', { exact: true }).waitFor();
      await row.getByText('Open', { exact: true }).waitFor();
      await screenshotIfAsked(page, 'partner-work-orders');
      await row.getByRole('link', { name: number }).click();

      await page.getByRole('heading', { level: 1, name: new RegExp(`^${number}`) }).waitFor();
      const findings = page.getByRole('region', { name: 'What inspection found' });
      await findings.getByText('Does not power on; suspect the power board').waitFor();
      await findings.getByText('DEAD_ON_ARRIVAL').waitFor();

      const form = page.getByRole('form', { name: 'Report the outcome' });
      // Nothing chosen: the form says what is missing and sends nothing.
      await form.getByRole('button', { name: 'Report outcome' }).click();
      await form.getByText('Choose whether the unit was repaired or is beyond repair.').waitFor();
      await form.getByRole('radio', { name: /^Repaired/ }).check();
      await form.getByLabel('Grade', { exact: true }).selectOption('B');
      await form.getByLabel(/^Actual cost/).fill('42.50');
      await form.getByLabel('Note', { exact: true }).fill('Power board replaced, tested for an hour');
      await form.getByRole('button', { name: 'Report outcome' }).click();

      await page
        .getByRole('status')
        .filter({ hasText: `${number} is completed` })
        .waitFor();
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${number}.*Completed · Repaired`) }).waitFor();
      const outcome = page.getByRole('region', { name: 'Outcome' });
      await outcome.getByText('Power board replaced, tested for an hour').waitFor();
      expect(await outcome.textContent()).toContain('42.50');
      expect(await page.getByRole('form', { name: 'Report the outcome' }).count()).toBe(0);
      await screenshotIfAsked(page, 'partner-work-order-completed');

      await page.getByRole('link', { name: '← Work orders' }).click();
      const completed = page.getByRole('table', { name: 'Completed work orders' });
      await completed.getByRole('row').filter({ hasText: number }).getByText('Completed · Repaired').waitFor();
      expect(await page.getByRole('table', { name: 'Open work orders' }).getByText(number).count()).toBe(0);
    });

    const partner = await ApiClient.signIn(baseUrl, 'repair@demo.local');
    const done = await partner.get<ResultPage<PartnerWorkOrder>>('/partner/work-orders?status=completed');
    expect(done.items.find((order) => order.workOrderNumber === number)).toMatchObject({
      outcome: 'repaired',
      outcomeGrade: 'B',
    });
  });

  it("an admin invites a partner's technician: the form asks for the partner and offers the active ones", async () => {
    const { baseUrl } = suite.server;
    const stamp = `${Date.now()}`;
    const person = { name: `Tess Technician ${stamp}`, email: `tess.${stamp}@midlandstool.example` };
    await inPage(suite, async (page) => {
      await signIn(page, 'admin@demo.local');
      await openMainNav(page, 'Admin');
      await page.getByRole('link', { name: /^Users/ }).click();
      await page.getByRole('button', { name: 'Invite a person' }).click();
      const form = page.getByRole('dialog', { name: 'Invite a person' });
      await form.getByLabel('Name').fill(person.name);
      await form.getByLabel('E-mail').fill(person.email);
      await form.getByLabel('Role').selectOption({ label: 'Repair partner' });
      // A partner's user has no home site: the partner takes its place.
      expect(await form.getByLabel('Home site').count()).toBe(0);
      await form.getByRole('button', { name: 'Invite', exact: true }).click();
      await form.getByText('Choose the repair partner this person works for.').waitFor();
      expect(await form.getByLabel('Repair partner').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Repair partner').selectOption({ label: 'PTN-MTR · Midlands Tool Repair' });
      await form.getByRole('button', { name: 'Invite', exact: true }).click();
      await page.getByRole('dialog', { name: `${person.name} is invited` }).waitFor();
    });

    const admin = await ApiClient.signIn(baseUrl, 'admin@demo.local');
    const partners = await admin.get<ResultPage<Partner>>('/partners?q=PTN-MTR');
    const { items } = await admin.get<{ items: Array<{ email: string; role: string; partnerId: string | null }> }>(
      `/users?q=${encodeURIComponent(person.email)}`,
    );
    expect(items).toEqual([
      expect.objectContaining({ role: 'repair_partner', partnerId: partners.items[0]!.id, email: person.email }),
    ]);
  });
});
