import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

/** What one journey file runs against: its own server and database, and one desktop page. */
export type Journey = { server: RunningServer; browser: Browser; page: Page };

/**
 * Starts a server, opens a Vietnamese desktop page in Chromium and, unless told not to, signs the
 * demo admin in and waits for the workflow list. What it started is stopped again if a later step
 * fails, so the caller has nothing to clean up then.
 */
export async function openJourney({ signIn = true }: { signIn?: boolean } = {}): Promise<Journey> {
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    if (signIn) {
      await logIn(page, server.baseUrl);
      await page.waitForURL(/\/workflows/);
    }
    return { server, browser, page };
  } catch (error) {
    await closeJourney({ server, browser });
    throw error;
  }
}

/** Closes the browser and stops the server; either may be missing when the journey did not open. */
export async function closeJourney({ server, browser }: { server?: RunningServer; browser?: Browser }) {
  await browser?.close();
  await server?.stop();
}
