import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api.ts';
import { logIn, screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

describe('platform: sign in and edit demo records', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney({ signIn: false }));
  });

  afterAll(() => closeJourney({ server, browser }));

  it('serves the login page and lets the demo admin in', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await screenshot(page, 'platform-login');
    await logIn(page, server.baseUrl);
    await page.waitForURL(/\/workflows/);
    await expect(page.getByTestId('organization-name').textContent()).resolves.toContain('Công ty TNHH Demo');
  });

  it('lists the demo orders', async () => {
    await page.goto(`${server.baseUrl}/records/order`);
    const rows = page.getByTestId('record-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    await expect(page.getByTestId('records-total').textContent()).resolves.toMatch(/40/);
    await screenshot(page, 'platform-orders');
  });

  it('persists an order status edited in the form and shows it in the list', async () => {
    await page.getByRole('searchbox', { name: 'Tìm kiếm bản ghi' }).fill('ĐH-0001');
    const row = page.getByTestId('record-row').filter({ hasText: 'ĐH-0001' });
    // ĐH-0001 is already on the unfiltered first page, so wait for the search to narrow the list.
    await expect.poll(() => page.getByTestId('record-row').count(), { timeout: 10_000 }).toBe(1);
    await row.waitFor();
    const id = await row.getAttribute('data-record-id');
    await row.click();

    const form = page.getByTestId('record-form');
    await form.waitFor();
    const status = form.getByLabel('Tình trạng', { exact: true });
    const next = (await status.inputValue()) === 'cancelled' ? 'delivered' : 'cancelled';
    await status.selectOption(next);
    await screenshot(page, 'platform-order-form');
    await page.getByTestId('record-save').click();
    await page.getByText('Đã lưu').first().waitFor();

    const api = await apiClient(server.baseUrl);
    const saved = await api.get<{ data: Record<string, unknown> }>(`/api/records/order/${id}`);
    expect(saved.data.status).toBe(next);

    await page.goto(`${server.baseUrl}/records/order?q=%C4%90H-0001`);
    const label = next === 'cancelled' ? 'Đã hủy' : 'Đã giao hàng';
    await page.getByTestId('record-row').filter({ hasText: label }).waitFor();
  });
});
