import { expect, it } from 'vitest';
import { describeInBrowser, signIn } from './support/browser.js';
import { inPage, setUpBrowserSuite } from './support/suite.js';

// What each role must find on its home page, and a link it must not be offered.
interface Home {
  role: string;
  sees: string;
  doesNotSee: string | null;
  /** Where the home is, when it is not '/' with a welcome. */
  path?: string;
  heading?: string;
}
const HOMES: readonly Home[] = [
  { role: 'customer', sees: 'My orders', doesNotSee: 'Approvals' },
  { role: 'cs_agent', sees: 'Find a customer', doesNotSee: 'Approvals' },
  { role: 'cs_manager', sees: 'Approval queue', doesNotSee: 'Admin' },
  { role: 'admin', sees: 'Reason codes', doesNotSee: null },
  { role: 'warehouse', sees: 'Inspection queue', doesNotSee: 'Customers' },
  { role: 'quality', sees: 'Inspection queue', doesNotSee: 'Customers' },
  { role: 'finance', sees: 'Coming in later stages', doesNotSee: 'Customers' },
  // The operations manager's home is the KPI dashboard.
  { role: 'ops_manager', sees: 'Headline figures', doesNotSee: 'Customers', path: '/kpis', heading: 'KPI dashboard' },
];

describeInBrowser('signing in', () => {
  const suite = setUpBrowserSuite();

  it.each(HOMES)('$role lands on their own home', async ({ role, sees, doesNotSee, path, heading }) => {
    await inPage(suite, async (page) => {
      await signIn(page, `${role}@demo.local`);
      await page.getByRole('heading', { level: 1, name: heading ?? /^Welcome/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path ?? '/');
      await page.getByText(sees, { exact: false }).first().waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      if (doesNotSee) expect(await nav.getByRole('link', { name: doesNotSee, exact: true }).count()).toBe(0);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Boomerang' }).waitFor();
    });
  });

  it('a wrong password is refused with an inline error', async () => {
    await inPage(
      suite,
      async (page) => {
        await page.goto('/login');
        await page.getByText('cs_agent@demo.local').waitFor();
        await page.getByLabel('E-mail').fill('cs_agent@demo.local');
        await page.getByLabel('Password').fill('not-the-password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('The e-mail address or password is not correct.').waitFor();
        expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
        expect(new URL(page.url()).pathname).toBe('/login');
      },
      { expectedErrors: [/status of 401/] },
    );
  });
});
