import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { repoRoot } from './server.ts';

export const artifactsDir = join(repoRoot, 'e2e', 'artifacts');

/** Debian's Chromium, headless, with the background networking this machine refuses switched off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export async function logIn(page: Page, baseUrl: string, email = 'admin@example.com', password = 'admin') {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/mật khẩu|password/i).fill(password);
  await page.getByRole('button', { name: /đăng nhập|log in|sign in/i }).click();
}

/** Reloads the page until the target shows: for what the server does after the UI has answered. */
export async function reloadUntilVisible(page: Page, target: Locator, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await target.first().waitFor({ timeout: 2000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

/** Types into a record picker (a reference field, an order line's product) and takes the first match. */
export async function pickReference(page: Page, input: Locator, text: string) {
  await input.click();
  await input.fill(text);
  const option = page.getByRole('listbox').getByRole('option').filter({ hasText: text }).first();
  await option.waitFor();
  await option.click();
}
