import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, openPage } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
}

/** One server and one browser per test file; `env` (read when the server starts) adds to the server's environment. */
export function setUpBrowserSuite(options: { env?: () => Record<string, string> } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    suite.server = await startServer(options.env ? { env: options.env() } : {});
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

/**
 * Runs a journey in a fresh browser context and then asserts the console stayed clean: no console
 * errors, no uncaught exceptions. `expectedErrors` lists messages the journey provokes on purpose
 * (Chromium logs every 4xx response as a console error).
 */
export async function inPage(
  suite: BrowserSuite,
  journey: (page: Page) => Promise<void>,
  options: { expectedErrors?: RegExp[] } = {},
): Promise<void> {
  const { page, errors, close } = await openPage(suite.browser, suite.server.baseUrl);
  try {
    await journey(page);
    const unexpected = errors.filter((error) => !(options.expectedErrors ?? []).some((pattern) => pattern.test(error)));
    expect(unexpected).toEqual([]);
  } finally {
    await close();
  }
}
