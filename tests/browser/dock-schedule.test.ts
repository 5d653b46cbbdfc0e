import { expect, it } from 'vitest';
import type { DockDoor, DockSchedule, DockSlot } from '../../src/contracts/docks.js';
import { ApiClient } from './support/api.js';
import { describeInBrowser, screenshotIfAsked, signIn } from './support/browser.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

const WAREHOUSE = 'warehouse@demo.local';
const times = (slot: { startsAt: string; endsAt: string }) =>
  `${slot.startsAt.slice(11, 16)}–${slot.endsAt.slice(11, 16)}`;

/** A door of its own at the warehouse user's home site, with hourly slots all of today (UTC). */
async function doorWithSlotsToday(api: ApiClient): Promise<{ siteId: string; door: DockDoor; slot: DockSlot }> {
  const siteId = api.siteId;
  if (!siteId) throw new Error(`${WAREHOUSE} has no home site`);
  const today = new Date().toISOString().slice(0, 10);
  const door = await api.post<DockDoor>(`/sites/${siteId}/dock-doors`, {
    code: `T${Date.now().toString(36).toUpperCase()}`,
    name: 'Test door',
  });
  await api.post(`/dock-doors/${door.id}/slots`, {
    from: today,
    to: today,
    startTime: '00:00',
    endTime: '24:00',
    everyMinutes: 60,
    capacity: 2,
  });
  // The first slot that has not ended (a few minutes of margin for the journey itself).
  const soon = new Date(Date.now() + 5 * 60_000).toISOString();
  const slots = await api.get<{ items: DockSlot[] }>(`/sites/${siteId}/dock-slots?date=${today}`);
  const slot = slots.items.find((s) => s.doorId === door.id && s.endsAt > soon) ?? slots.items.at(-1);
  if (!slot) throw new Error('no slot was made');
  return { siteId, door, slot };
}

describeInBrowser('dock schedule', () => {
  const suite = setUpBrowserSuite();

  it('the warehouse books a carrier into a slot, sees it on today’s schedule and checks the carrier in', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, WAREHOUSE);
    const { siteId, door, slot } = await doorWithSlotsToday(api);
    const carrier = `Rhenus ${Date.now()}`;
    await inPage(suite, async (page) => {
      await signIn(page, WAREHOUSE);
      await openMainNav(page, 'Dock');
      await page.getByRole('heading', { level: 1, name: 'Dock schedule' }).waitFor();
      // The page starts at the operator's own site, on today.
      expect(await page.getByLabel('Site').inputValue()).toBe(siteId);
      await page.getByRole('heading', { level: 2, name: /^Today's schedule/ }).waitFor();

      const form = page.getByRole('form', { name: 'Book a dock slot' });
      await form.getByLabel('Slot').selectOption(slot.id);
      await form.getByLabel('Carrier').fill(carrier);
      await form.getByLabel('Reference').fill('BOL-778812');
      await form.getByLabel('Expected pallets').fill('3');
      await screenshotIfAsked(page, 'dock-book');
      await form.getByRole('button', { name: 'Book slot' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${carrier} booked at ${times(slot)}, door ${door.code}` })
        .waitFor();

      const item = page.getByRole('listitem', { name: `${times(slot)} ${carrier}` });
      await item.getByText(`${times(slot)} · Door ${door.code}`).waitFor();
      await item.getByText('Ref. BOL-778812').waitFor();
      await item.getByText('Booked', { exact: true }).waitFor();
      await item.getByRole('button', { name: `Check in ${carrier}` }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${carrier} checked in at door ${door.code}` })
        .waitFor();
      await item.getByText('Checked in', { exact: true }).waitFor();
      await item.getByText(/^Checked in \d\d:\d\d by /).waitFor();
      expect(await item.getByRole('button', { name: `Check in ${carrier}` }).count()).toBe(0);
      await screenshotIfAsked(page, 'dock-checked-in');
    });

    const schedule = await api.get<DockSchedule>(`/sites/${siteId}/dock-schedule`);
    const booked = schedule.items.find((a) => a.carrier === carrier);
    expect(booked).toMatchObject({ status: 'checked_in', doorCode: door.code, reference: 'BOL-778812' });
    expect(booked?.checkedInAt).not.toBeNull();
    expect(booked?.expectedPallets).toBe(3);
  });

  it('on a phone: books, sees the schedule without sideways scrolling, and cancels', async () => {
    const api = await ApiClient.signIn(suite.server.baseUrl, WAREHOUSE);
    const { siteId, slot } = await doorWithSlotsToday(api);
    const carrier = `GLS ${Date.now()}`;
    await inPage(suite, async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, WAREHOUSE);
      await page.goto('/warehouse/dock');
      await page.getByRole('heading', { level: 1, name: 'Dock schedule' }).waitFor();

      const form = page.getByRole('form', { name: 'Book a dock slot' });
      // Nothing chosen: the form says what is missing and books nothing.
      await form.getByRole('button', { name: 'Book slot' }).click();
      await form.getByText('Choose a free slot.').waitFor();
      await form.getByText('Enter the carrier.').waitFor();

      await form.getByLabel('Slot').selectOption(slot.id);
      await form.getByLabel('Carrier').fill(carrier);
      await form.getByRole('button', { name: 'Book slot' }).click();
      const item = page.getByRole('listitem', { name: `${times(slot)} ${carrier}` });
      await item.getByText('Booked', { exact: true }).waitFor();
      const checkIn = item.getByRole('button', { name: `Check in ${carrier}` });
      const box = await checkIn.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshotIfAsked(page, 'dock-phone');

      await item.getByRole('button', { name: `Cancel ${carrier}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
      await dialog.getByText('Say why the appointment is cancelled.').waitFor();
      await dialog.getByLabel('Reason').fill('Carrier postponed to tomorrow');
      await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${carrier} at ${times(slot)} cancelled` })
        .waitFor();
      await item.getByText('Cancelled', { exact: true }).waitFor();
      await item.getByText('Cancelled: Carrier postponed to tomorrow').waitFor();
    });
    const schedule = await api.get<DockSchedule>(`/sites/${siteId}/dock-schedule`);
    expect(schedule.items.find((a) => a.carrier === carrier)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Carrier postponed to tomorrow',
    });
  });
});
