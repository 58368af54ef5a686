import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListsApi, listsApi, notifyOwnerGraph, welcomeEmailGraph } from './lists-api.ts';
import { screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

describe('workflow lists: the activation limit and the priority order', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ListsApi;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
    api = await listsApi(server.baseUrl);
  });

  afterAll(() => closeJourney({ server, browser }));

  it('refuses the 11th activation in a module and says why', async () => {
    const before = await api.workflows('module=task&kind=event');
    const room = (before.limits.task?.max ?? 10) - (before.limits.task?.active ?? 0);
    const created = [];
    for (let index = 0; index <= room; index += 1) {
      created.push(
        await api.createWorkflow({
          module: 'task',
          name: `Nhắc việc ${String(index + 1).padStart(2, '0')}`,
          graph: notifyOwnerGraph('Có nhiệm vụ mới cần xử lý'),
        }),
      );
    }
    const eleventh = created.pop();
    for (const workflow of created) expect(await api.activate(workflow.id)).toBe(200);

    await page.goto(`${server.baseUrl}/workflows?module=task`);
    await expect(page.getByTestId('active-count').textContent()).resolves.toContain('Đã kích hoạt 10/10');
    const row = page.getByTestId('workflow-row').filter({ hasText: eleventh?.name ?? '' });
    await row.getByRole('switch').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      `Không thể kích hoạt “${eleventh?.name}”: phân hệ Nhiệm vụ đã có 10 quy trình đang kích hoạt`,
    );
    await expect(row.getByRole('switch').getAttribute('aria-checked')).resolves.toBe('false');
    await screenshot(page, 'lists-activation-limit');
    const after = await api.workflows('module=task&kind=event');
    expect(after.items.find((item) => item.id === eleventh?.id)?.status).toBe('inactive');
  });

  it('reorders two workflows by dragging one above the other', async () => {
    const first = await api.createWorkflow({
      module: 'quote',
      name: 'Báo giá: báo người phụ trách',
      graph: notifyOwnerGraph('Báo giá mới'),
    });
    const second = await api.createWorkflow({
      module: 'quote',
      name: 'Báo giá: nhắc theo dõi',
      graph: notifyOwnerGraph('Theo dõi báo giá'),
    });
    const ids = async () => (await api.workflows('module=quote&kind=event')).items.map((item) => item.id);
    const initial = await ids();
    expect(initial.indexOf(first.id)).toBeLessThan(initial.indexOf(second.id));

    await page.goto(`${server.baseUrl}/workflows?module=quote`);
    const rowOf = (name: string) => page.getByTestId('workflow-row').filter({ hasText: name });
    await rowOf(second.name).getByTestId('drag-handle').dragTo(rowOf(first.name));
    await page.getByText('Đã lưu thứ tự ưu tiên.').waitFor();

    const reordered = await ids();
    expect(reordered.indexOf(second.id)).toBeLessThan(reordered.indexOf(first.id));
    const names = await page.getByTestId('workflow-row').locator('.workflow-name').allTextContents();
    expect(names.indexOf(second.name)).toBeLessThan(names.indexOf(first.name));
    await screenshot(page, 'lists-reordered');
  });

  it('rings the bell live when active workflows notify the user', async () => {
    const me = await api.call<{ user: { id: string } }>('/api/me');
    await page.goto(`${server.baseUrl}/runs`);
    await page.getByRole('heading', { level: 1, name: 'Lịch sử chạy' }).waitFor();
    expect(await page.getByTestId('notification-count').count()).toBe(0);
    // Ten active task workflows notify the owner of a new task.
    const created = await api.call('/api/records/task', {
      method: 'POST',
      body: { data: { title: 'Gọi lại cho khách Phạm Thu Hà', status: 'open', owner_id: me.body.user.id } },
    });
    expect(created.status).toBe(201);
    await expect
      .poll(
        async () =>
          (await page
            .getByTestId('notification-count')
            .textContent({ timeout: 200 })
            .catch(() => null)) ?? '',
        {
          timeout: 30_000,
        },
      )
      .toBe('10');
    await page.getByRole('button', { name: /^Thông báo/ }).click();
    await expect.poll(() => page.getByTestId('notification-item').count(), { timeout: 10_000 }).toBe(10);
    await screenshot(page, 'lists-notifications');
    await page.keyboard.press('Escape');
  });

  it('shows the lists, the gallery, the run history and the outbox', async () => {
    const welcome = await api.createWorkflow({
      module: 'contact',
      name: 'Chào mừng liên hệ mới',
      graph: welcomeEmailGraph(),
    });
    await api.activate(welcome.id);
    await api.call('/api/records/contact', {
      method: 'POST',
      body: { data: { name: 'Phạm Thu Hà', email: 'ha.pham@example.com' } },
    });

    await page.goto(`${server.baseUrl}/workflows`);
    await page.getByRole('button', { name: 'Bảng' }).click();
    await page.getByTestId('workflows-table').waitFor();
    await screenshot(page, 'lists-workflows-table');
    await page.getByRole('button', { name: 'Tóm tắt' }).click();
    await page.getByTestId('workflow-cards').waitFor();
    await screenshot(page, 'lists-workflows-cards');
    await page.reload();
    await page.getByTestId('workflow-cards').waitFor();

    await page.goto(`${server.baseUrl}/care-processes`);
    await page
      .getByRole('heading', { name: 'Chưa có quy trình chăm sóc nào — tạo mới hoặc dùng mẫu' })
      .waitFor();
    await screenshot(page, 'lists-care-processes');

    await page.goto(`${server.baseUrl}/templates`);
    await page.getByTestId('template-card').first().waitFor();
    await screenshot(page, 'lists-gallery');

    await page.goto(`${server.baseUrl}/runs`);
    await page.getByTestId('run-row').first().waitFor();
    await screenshot(page, 'lists-runs');

    await page.goto(`${server.baseUrl}/outbox`);
    const email = page.getByTestId('outbox-row').filter({ hasText: 'khachhang@example.com' });
    await email.waitFor();
    await email.getByRole('button', { name: 'Chào mừng Phạm Thu Hà' }).click();
    const preview = page.getByTestId('outbox-preview');
    await preview.waitFor();
    const body = preview.frameLocator('iframe[title="Nội dung email"]').getByText('Chào Phạm Thu Hà,');
    await body.waitFor();
    await screenshot(page, 'lists-outbox');
  });
});
