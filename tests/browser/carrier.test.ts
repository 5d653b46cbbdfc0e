import { expect, it } from 'vitest';
import type { CarrierShipment } from '../../src/contracts/carrier-shipments.js';
import type { Page as ResultPage } from '../../src/contracts/common.js';
import type { Shipment } from '../../src/contracts/logistics.js';
import { validateTrackingNumberFor } from '../../src/logistics/index.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { authorizedDemoReturn } from './support/portal.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

/** A tracking number of `carrier` that passes its check digit, unlike any the demo drew. */
function trackingNumberOf(carrier: 'ups' | 'dhl', stem: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = carrier === 'ups' ? `${stem}${digit}` : `JJD${stem}${digit}`;
    if (validateTrackingNumberFor(carrier, candidate).ok) return candidate;
  }
  throw new Error(`no check digit makes ${stem} a ${carrier} number`);
}

/** The datetime-local value of an hour ago, in the browser's (this machine's) time zone. */
function anHourAgoLocal(): string {
  const at = new Date(Date.now() - 60 * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describeInBrowser('carrier', () => {
  const suite = setUpBrowserSuite();

  it('the UPS desk signs in, sees only its shipments, records a scan, and staff see it on the return', async () => {
    const { baseUrl } = suite.server;
    // Two parcels the customer sent today: one with UPS, one with DHL (another carrier's).
    const stamp = String(Date.now()).slice(-9);
    const ups = trackingNumberOf('ups', `1Z999AA1${stamp}`);
    const dhl = trackingNumberOf('dhl', stamp);
    const byUps = await authorizedDemoReturn(baseUrl);
    await byUps.customer.post<Shipment>(`/returns/${byUps.rma.id}/shipments`, {
      trackingNumber: ups,
      carrierCode: 'ups',
    });
    const byDhl = await authorizedDemoReturn(baseUrl);
    await byDhl.customer.post<Shipment>(`/returns/${byDhl.rma.id}/shipments`, {
      trackingNumber: dhl,
      carrierCode: 'dhl',
    });

    await inPage(suite, async (page) => {
      await page.goto('/login');
      // The login page's demo users include the carrier's.
      await page.getByRole('button', { name: 'carrier@demo.local' }).click();
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Home is its shipments; nothing else is offered.
      await page.getByRole('heading', { level: 1, name: 'Shipments' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/carrier/shipments');
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Shipments']);

      const table = page.getByRole('table', { name: 'Your shipments' });
      const search = page.getByLabel('Tracking number');
      // The DHL parcel is not the UPS desk's: searched by its full number, nothing.
      await search.fill(dhl);
      await page.getByText('No shipments match.').waitFor();
      await search.fill(ups.slice(2, 14).toLowerCase());
      const row = table.getByRole('row').filter({ hasText: ups });
      await row.getByText(byUps.rma.rmaNumber).waitFor();
      await row.getByText('No carrier scan yet').waitFor();
      await screenshotIfAsked(page, 'carrier-shipments');
      await row.getByRole('link', { name: ups }).click();

      await page.getByRole('heading', { level: 1, name: new RegExp(`^${ups}`) }).waitFor();
      await page.getByText('No scan reported yet.').waitFor();
      const form = page.getByRole('form', { name: 'Report a scan' });
      // Nothing filled in: the form says what is missing and sends nothing.
      await form.getByRole('button', { name: 'Report scan' }).click();
      await form.getByText('Choose what happened to the parcel.').waitFor();
      await form.getByLabel('Status').selectOption({ label: 'In transit' });
      await form.getByLabel('When').fill(anHourAgoLocal());
      await form.getByLabel('Where').fill('Louisville, KY');
      await form.getByLabel('Description').fill('Departed UPS Worldport');
      await form.getByRole('button', { name: 'Report scan' }).click();

      await page
        .getByRole('status')
        .filter({ hasText: `${ups}: In transit` })
        .waitFor();
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${ups}.*In transit`) }).waitFor();
      const scans = page.getByRole('list', { name: 'Scans' });
      await scans.getByText('Louisville, KY', { exact: false }).waitFor();
      await screenshotIfAsked(page, 'carrier-shipment-scanned');
    });

    // Only UPS parcels in its list, the new one among them, moved on.
    const carrier = await ApiClient.signIn(baseUrl, 'carrier@demo.local');
    const listed = await carrier.get<ResultPage<CarrierShipment>>('/partner/shipments?pageSize=200');
    expect(listed.items.length).toBeGreaterThan(1);
    expect(new Set(listed.items.map((shipment) => shipment.carrierCode))).toEqual(new Set(['ups']));
    expect(listed.items.find((shipment) => shipment.trackingNumber === ups)).toMatchObject({ state: 'in_transit' });

    // Staff see the carrier's scan on the return, and the unit on its way.
    await inPage(suite, async (page) => {
      await signIn(page, 'cs_agent@demo.local');
      await page.goto(`/returns/${byUps.rma.id}`);
      const parcel = page.getByRole('article', { name: `UPS ${ups}` });
      await parcel.getByRole('heading', { name: `UPS ${ups} In transit` }).waitFor();
      await parcel
        .getByRole('list', { name: 'Tracking' })
        .getByText(/Departed UPS Worldport · Louisville, KY/)
        .waitFor();
    });
  });

  it("an admin gives a carrier's person a login: the form asks for the carrier and offers the carriers only", async () => {
    const { baseUrl } = suite.server;
    const stamp = `${Date.now()}`;
    const person = { name: `Dana Dispatcher ${stamp}`, email: `dana.${stamp}@ups.example` };
    await inPage(suite, async (page) => {
      await signIn(page, 'admin@demo.local');
      await openMainNav(page, 'Admin');
      await page.getByRole('link', { name: /^Users/ }).click();
      await page.getByRole('button', { name: 'Invite a person' }).click();
      const form = page.getByRole('dialog', { name: 'Invite a person' });
      await form.getByLabel('Name').fill(person.name);
      await form.getByLabel('E-mail').fill(person.email);
      await form.getByLabel('Role').selectOption({ label: 'Carrier' });
      await form.getByRole('button', { name: 'Invite', exact: true }).click();
      await form.getByText('Choose the carrier this person works for.').waitFor();
      const choice = form.getByLabel('Carrier', { exact: true });
      const offered = await choice.locator('option').allTextContents();
      expect(offered.filter((label) => label.includes('·')).sort()).toEqual([
        'CAR-DHL · DHL Parcel Returns',
        'CAR-UPS · UPS Returns Desk',
      ]);
      await choice.selectOption({ label: 'CAR-UPS · UPS Returns Desk' });
      await form.getByRole('button', { name: 'Invite', exact: true }).click();
      await page.getByRole('dialog', { name: `${person.name} is invited` }).waitFor();
    });
    const admin = await ApiClient.signIn(baseUrl, 'admin@demo.local');
    const { items } = await admin.get<{ items: Array<{ email: string; role: string; partnerId: string | null }> }>(
      `/users?q=${encodeURIComponent(person.email)}`,
    );
    const carrier = await admin.get<ResultPage<{ id: string; code: string }>>('/partners?q=CAR-UPS');
    expect(items).toEqual([
      expect.objectContaining({ role: 'carrier', partnerId: carrier.items[0]!.id, email: person.email }),
    ]);
  });
});
