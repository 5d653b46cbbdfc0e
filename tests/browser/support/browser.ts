// Debian's Chromium driven by playwright-core. Without /usr/bin/chromium the browser suites skip
// (with a message), unless BOOMERANG_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';

/** Debian's Chromium; BOOMERANG_CHROMIUM overrides the path, as in scripts/run-tests.mjs. */
export const CHROMIUM_PATH = process.env['BOOMERANG_CHROMIUM'] ?? '/usr/bin/chromium';
const isBrowserRequired = process.env['BOOMERANG_REQUIRE_BROWSER'] === '1';
const hasBrowser = existsSync(CHROMIUM_PATH);

const shouldRun = hasBrowser || isBrowserRequired;
if (!shouldRun) {
  console.warn(
    `[browser tests] SKIPPED: ${CHROMIUM_PATH} is not installed (apt-get install -y chromium). ` +
      'Set BOOMERANG_REQUIRE_BROWSER=1 to make a missing browser fail instead.',
  );
}
/** `describe`, or `describe.skip` (with the message above) when there is no browser to drive. */
export const describeInBrowser = shouldRun ? describe : describe.skip;

export async function launchBrowser(): Promise<Browser> {
  if (!hasBrowser) {
    throw new Error(`BOOMERANG_REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} is missing: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface TestPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

export async function openPage(browser: Browser, baseUrl: string): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { page, errors, close: () => context.close() };
}

export async function signIn(page: Page, email: string, password = 'demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function screenshotIfAsked(page: Page, name: string): Promise<void> {
  const dir = process.env['BOOMERANG_SCREENSHOTS'];
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
