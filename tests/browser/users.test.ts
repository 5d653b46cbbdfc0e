import type { Page as BrowserPage } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Page } from '../../src/contracts/common.js';
import type { User } from '../../src/contracts/identity.js';
import type { Customer } from '../../src/contracts/masterdata.js';
import { describeInBrowser, openPage, screenshotIfAsked, signIn } from './support/browser.js';
import { ApiClient } from './support/api.js';
import { chooseInPicker, escapeRegExp } from './support/arrivals.js';
import { openMainNav } from './support/journeys.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

const NEW_PASSWORD = 'plum kettle orbit 42';

async function openUsersPage(page: BrowserPage): Promise<void> {
  await signIn(page, 'admin@demo.local');
  await page.goto('/admin/users');
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
}

function uniquePerson(label: string) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  return { name: `${label} ${stamp}`, email: `${label.toLowerCase().replace(/\W+/g, '.')}.${stamp}@example.test` };
}

describeInBrowser('users', () => {
  const suite = setUpBrowserSuite();

  it('an admin invites a person, who sets a password with the one-time link and signs in; deactivated, their session ends', async () => {
    await inPage(suite, async (page) => {
      const { baseUrl } = suite.server;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await signIn(page, 'admin@demo.local');
      await openMainNav(page, 'Admin');
      await page.getByRole('link', { name: /^Users/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

      const person = uniquePerson('Ada Agent');
      await page.getByRole('button', { name: 'Invite a person' }).click();
      const form = page.getByRole('dialog', { name: 'Invite a person' });
      await form.getByLabel('Name').fill(person.name);
      await form.getByLabel('E-mail').fill(person.email);
      await form.getByLabel('Role').selectOption({ label: 'Customer service' });
      await form.getByRole('button', { name: 'Invite', exact: true }).click();

      const shown = page.getByRole('dialog', { name: `${person.name} is invited` });
      await shown.getByText('Copy the link now: it is shown only once.').waitFor();
      const link = await shown.getByLabel('Invitation link').inputValue();
      // The token rides in the fragment, which the browser never sends to the server.
      expect(link).toMatch(new RegExp(`^${escapeRegExp(baseUrl)}/set-password#token=[A-Za-z0-9_-]{20,}$`));
      await shown.getByText(/It works once, until/).waitFor();

      // Not copied yet: closing asks first, whether with Done or Esc; going back keeps the link.
      await shown.getByRole('button', { name: 'Done' }).click();
      const question = page.getByRole('dialog', { name: 'Close without copying the link?' });
      await question.getByText('You will not see this link again. Close anyway?').waitFor();
      await screenshotIfAsked(page, 'password-link-close-question');
      await question.getByRole('button', { name: 'Go back' }).click();
      await question.waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await question.waitFor();
      await page.keyboard.press('Escape');
      await question.waitFor({ state: 'detached' });
      // Chromium refuses a page a second close request without a click in between; Esc still only asks.
      await page.keyboard.press('Escape');
      await question.waitFor();
      await question.getByRole('button', { name: 'Go back' }).click();
      await question.waitFor({ state: 'detached' });
      expect(await shown.getByLabel('Invitation link').isVisible()).toBe(true);
      expect(await shown.getByLabel('Invitation link').inputValue()).toBe(link);

      // Copied: Done closes at once.
      await shown.getByRole('button', { name: 'Copy link' }).click();
      await shown.getByText('Copied to the clipboard.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await screenshotIfAsked(page, 'password-link');
      await shown.getByRole('button', { name: 'Done' }).click();
      await shown.waitFor({ state: 'detached' });
      expect(await question.count()).toBe(0);

      const row = page.getByRole('row').filter({ hasText: person.email });
      await row.getByRole('cell', { name: 'Customer service', exact: true }).waitFor();
      await row.getByText('Active', { exact: true }).waitFor();
      await row.getByText('Password not set yet').waitFor();
      expect(await page.content()).not.toContain(link.split('#token=')[1]);
      await screenshotIfAsked(page, 'users');

      // The person, in a browser of their own, signed out.
      const theirs = await openPage(suite.browser, baseUrl);
      try {
        const their = theirs.page;
        await their.goto(link);
        await their.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
        await their.getByLabel('New password', { exact: true }).fill('short');
        await their.getByLabel('Repeat the new password').fill('shorter');
        await their.getByRole('button', { name: 'Set password' }).click();
        await their.getByText('Use at least 10 characters.').waitFor();
        await their.getByText('The two passwords are not the same.').waitFor();
        expect(await their.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
        await screenshotIfAsked(their, 'set-password-errors');

        await their.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
        await their.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
        await their.getByRole('button', { name: 'Set password' }).click();
        await their.getByRole('heading', { level: 1, name: 'Your password is set' }).waitFor();
        await their.getByRole('link', { name: 'Sign in' }).click();
        await their.getByLabel('E-mail').fill(person.email);
        await their.getByLabel('Password').fill(NEW_PASSWORD);
        await their.getByRole('button', { name: 'Sign in' }).click();
        await their.getByRole('heading', { level: 1, name: `Welcome, ${person.name}` }).waitFor();
        expect(new URL(their.url()).pathname).toBe('/');

        // The link worked once: opened again, the server's reason is shown.
        await their.goto(link);
        await their.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
        await their.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
        await their.getByRole('button', { name: 'Set password' }).click();
        await their.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
        await their.getByText(/Ask an administrator for a new one/).waitFor();

        // The admin deactivates them: their next navigation lands on the sign-in page.
        await page.reload();
        await row.getByRole('button', { name: `Deactivate ${person.name}` }).click();
        const confirm = page.getByRole('dialog', { name: `Deactivate ${person.name}?` });
        await confirm.getByText(/Their open sessions end at once, and the API keys they created are revoked/).waitFor();
        await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `${person.name} is deactivated` })
          .waitFor();
        await row.getByText('Deactivated', { exact: true }).waitFor();

        await openMainNav(their, 'Returns');
        await their.waitForURL(/\/login(\?|$)/);
        await their.getByText('Your session has ended. Please sign in again.').waitFor();
        await their.getByLabel('E-mail').fill(person.email);
        await their.getByLabel('Password').fill(NEW_PASSWORD);
        await their.getByRole('button', { name: 'Sign in' }).click();
        await their.getByText('The e-mail address or password is not correct.').waitFor();

        // Refused on purpose: the used link (400), the ended session (401), the deactivated sign-in (401).
        const unexpected = theirs.errors.filter((error) => !/\b(400|401)\b/.test(error));
        expect(unexpected).toEqual([]);
      } finally {
        await theirs.close();
      }
    });
  });

  it('an invitation without a name, or with an e-mail address already in use, shows the error beside the field', async () => {
    await inPage(
      suite,
      async (page) => {
        const admin = await ApiClient.signIn(suite.server.baseUrl, 'admin@demo.local');
        const before = await admin.get<{ items: User[] }>('/users');
        await openUsersPage(page);

        await page.getByRole('button', { name: 'Invite a person' }).click();
        const form = page.getByRole('dialog', { name: 'Invite a person' });
        await form.getByLabel('E-mail').fill('cs_agent@demo.local');
        await form.getByLabel('Role').selectOption({ label: 'Customer service' });
        await form.getByRole('button', { name: 'Invite', exact: true }).click();
        await form.getByText('Enter the person’s name.').waitFor();
        const nameField = form.getByLabel('Name');
        expect(await nameField.getAttribute('aria-invalid')).toBe('true');
        expect(await nameField.evaluate((element) => element === document.activeElement)).toBe(true);

        // The server refuses the address: its errors[].path puts the message beside the e-mail field.
        await nameField.fill('Second Agent');
        await form.getByRole('button', { name: 'Invite', exact: true }).click();
        await form.getByText(/Someone already signs in with this e-mail address/).waitFor();
        const emailField = form.getByLabel('E-mail');
        expect(await emailField.getAttribute('aria-invalid')).toBe('true');
        expect(await emailField.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBeNull();
        await screenshotIfAsked(page, 'invite-user-errors');

        expect((await admin.get<{ items: User[] }>('/users')).items).toEqual(before.items);
      },
      { expectedErrors: [/409/] },
    );
  });

  it('an admin changes a role (refused while stale), resets a password, and deactivates and reactivates', async () => {
    await inPage(
      suite,
      async (page) => {
        const admin = await ApiClient.signIn(suite.server.baseUrl, 'admin@demo.local');
        const person = uniquePerson('Wes Warehouse');
        const { user } = await admin.post<{ user: User }>('/users', { ...person, role: 'warehouse', customerId: null });
        const customer = (await admin.get<Page<Customer>>('/customers?pageSize=1')).items[0];
        if (!customer) throw new Error('the demo data has no customer');

        await openUsersPage(page);
        await page.getByLabel('Search people').fill(person.name);
        await page.getByRole('button', { name: 'Search' }).click();
        const row = page.getByRole('row').filter({ hasText: person.email });
        await row.getByRole('cell', { name: 'Warehouse', exact: true }).waitFor();
        const rows = page.getByRole('table', { name: 'Users' }).locator('tbody tr');
        await expect.poll(() => rows.count()).toBe(1);

        // Another admin changes the role while the dialog is open: saving is refused, not lost silently.
        await row.getByRole('button', { name: `Change role of ${person.name}` }).click();
        const dialog = page.getByRole('dialog', { name: `Change the role or site of ${person.name}` });
        await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Customer' });
        await dialog.getByRole('button', { name: 'Save' }).click();
        await dialog.getByText('Choose the customer account this person acts for.').waitFor();
        await chooseInPicker(page, 'Customer', customer.name, new RegExp(escapeRegExp(customer.name)));
        await admin.patch(`/users/${user.id}`, { role: 'quality' }, user.version);
        await dialog.getByRole('button', { name: 'Save' }).click();
        await dialog.getByText(/was changed by someone else while you were looking/).waitFor();
        await dialog.getByRole('button', { name: 'Reload the list' }).click();
        await dialog.waitFor({ state: 'detached' });
        await row.getByRole('cell', { name: 'Quality', exact: true }).waitFor();

        await row.getByRole('button', { name: `Change role of ${person.name}` }).click();
        await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Customer' });
        await chooseInPicker(page, 'Customer', customer.name, new RegExp(escapeRegExp(customer.name)));
        await dialog.getByRole('button', { name: 'Save' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `${person.name} is now Customer` })
          .waitFor();
        await row.getByRole('cell', { name: 'Customer', exact: true }).waitFor();
        await row.getByText(customer.name).waitFor();

        // Filters: by role, and by status.
        await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Customer' });
        await row.waitFor();
        await page.getByLabel('Status').selectOption({ label: 'Deactivated' });
        await page.getByText('Nobody matches the search and filters').waitFor();
        await page.getByLabel('Status').selectOption({ label: 'Active' });
        await row.waitFor();

        // A reset: asked first, then the link, shown once; Esc without copying asks, and closes.
        await row.getByRole('button', { name: `Reset password of ${person.name}` }).click();
        const reset = page.getByRole('dialog', { name: `Reset the password of ${person.name}?` });
        await reset.getByRole('button', { name: 'Reset password' }).click();
        const shown = page.getByRole('dialog', { name: `Password reset for ${person.name}` });
        const link = await shown.getByLabel('Password reset link').inputValue();
        expect(link).toMatch(/\/set-password#token=[A-Za-z0-9_-]{20,}$/);
        await page.keyboard.press('Escape');
        const question = page.getByRole('dialog', { name: 'Close without copying the link?' });
        await question.getByRole('button', { name: 'Close anyway' }).click();
        await shown.waitFor({ state: 'detached' });
        await row.getByText('Password not set yet').waitFor();

        await row.getByRole('button', { name: `Deactivate ${person.name}` }).click();
        await page
          .getByRole('dialog', { name: `Deactivate ${person.name}?` })
          .getByRole('button', { name: 'Deactivate', exact: true })
          .click();
        await page.getByLabel('Status').selectOption({ label: 'Deactivated' });
        await row.getByText('Deactivated', { exact: true }).waitFor();
        await row.getByRole('button', { name: `Reactivate ${person.name}` }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `${person.name} can sign in again` })
          .waitFor();
        await page.getByLabel('Status').selectOption({ label: 'Any status' });
        await row.getByText('Active', { exact: true }).waitFor();
        expect(await row.getByRole('button', { name: `Deactivate ${person.name}` }).count()).toBe(1);
      },
      { expectedErrors: [/412/] },
    );
  });

  it('the admin’s own row offers no actions, and the page is for admins only', async () => {
    await inPage(suite, async (page) => {
      await openUsersPage(page);
      await page.getByLabel('Search people').fill('admin@demo.local');
      await page.getByRole('button', { name: 'Search' }).click();
      const own = page.getByRole('row').filter({ hasText: 'admin@demo.local' });
      await own.getByText('You', { exact: true }).waitFor();
      expect(await own.getByRole('button').count()).toBe(0);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, 'cs_manager@demo.local');
      await page.goto('/admin/users');
      await page.getByText('This page is not available to your role').waitFor();
    });
  });
});
