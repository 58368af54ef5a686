import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient } from './support/api.ts';
import { reloadUntilVisible, screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

/**
 * The designer in a real Chromium: a workflow on orders built by dragging blocks from the palette
 * and joining them with the mouse, saved, activated, then fired by delivering an order in the
 * records UI — the task appears and the run view shows every step green. Then undo and redo.
 */
describe('workflow designer', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let workflowUrl = '';
  const name = 'Giao hàng xong thì gọi chăm sóc';

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
    api = await apiClient(server.baseUrl);
  });

  afterAll(() => closeJourney({ server, browser }));

  it('creates a workflow on orders, built by dragging and connecting, then saves and activates it', async () => {
    await page.goto(`${server.baseUrl}/workflows/new?kind=event`);
    await page.getByLabel('Phân hệ').selectOption('order');
    await page.getByLabel('Tên quy trình').fill(name);
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.getByTestId('workflow-editor').waitFor();
    workflowUrl = page.url();
    expect(workflowUrl).toMatch(/\/workflows\/[0-9a-f-]{36}$/);
    await expect(page.locator('.react-flow__node').count()).resolves.toBe(1);

    const pane = page.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('the canvas has no size');
    const condition = page.locator('.react-flow__node', {
      has: page.locator('[data-node-type="condition"]'),
    });
    const task = page.locator('.react-flow__node', { has: page.locator('[data-node-type="create_task"]') });
    const trigger = page.locator('.react-flow__node', { has: page.locator('[data-node-type="trigger"]') });
    await page
      .getByTestId('palette')
      .locator('[data-node-type="condition"]')
      .dragTo(pane, { targetPosition: { x: box.width / 2, y: box.height / 2 + 150 } });
    // Live validation marks the new, unconnected node: the page has settled before the next drag.
    await condition.locator('.flow-step__badge').waitFor();
    await page
      .getByTestId('palette')
      .locator('[data-node-type="create_task"]')
      .dragTo(pane, { targetPosition: { x: box.width / 2 - 150, y: box.height / 2 + 330 } });
    await task.locator('.flow-step__badge').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);

    await connect(
      page,
      trigger.locator('.react-flow__handle.source'),
      condition.locator('.react-flow__handle.target'),
    );
    await connect(
      page,
      condition.locator('.react-flow__handle.source.flow-step__handle--true'),
      task.locator('.react-flow__handle.target'),
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    const inspector = page.getByTestId('node-inspector');
    await trigger.click();
    await inspector.getByLabel('Sửa', { exact: true }).check();
    await inspector.getByLabel('Thêm trường').selectOption('status');

    await condition.click();
    await inspector.getByLabel('Bản ghi của phân hệ thỏa mãn điều kiện').check();
    const rule = inspector.getByTestId('rule-row');
    await rule.getByLabel('Trường').selectOption('status');
    await rule.getByLabel('Toán tử').selectOption('eq');
    await rule.getByLabel('Giá trị').selectOption('delivered');
    await expect(condition.textContent()).resolves.toContain('Tình trạng bằng Đã giao hàng');

    await task.click();
    const title = inspector.getByLabel('Tiêu đề');
    await title.fill('Gọi chăm sóc đơn #');
    await inspector.getByRole('listbox', { name: 'Trường trộn' }).waitFor();
    await page.keyboard.type('cod');
    await page.keyboard.press('Enter');
    await expect(title.inputValue()).resolves.toBe('Gọi chăm sóc đơn #code');
    await inspector.getByLabel('Mức độ ưu tiên').selectOption('high');
    await expect(task.textContent()).resolves.toContain('Gọi chăm sóc đơn #code');
    await screenshot(page, 'editor-built');

    await page.getByTestId('editor-save').click();
    await page.getByText('Đã lưu quy trình.').waitFor();
    await page.getByTestId('editor-activate').click();
    await page.getByText('Đã kích hoạt quy trình.').waitFor();
    await expect(page.getByTestId('workflow-status').textContent()).resolves.toBe('Đang kích hoạt');
    await page.getByTestId('read-only-banner').waitFor();
    await screenshot(page, 'editor-active');

    const saved = await api.get(`/api/workflows/${workflowUrl.split('/').pop()}`);
    expect(saved).toMatchObject({
      status: 'active',
      graph: {
        nodes: [
          { id: 'n1', type: 'trigger', config: { on: 'update', fields: ['status'] } },
          {
            id: 'n2',
            type: 'condition',
            config: {
              mode: 'criteria',
              logic: 'and',
              rules: [{ field: 'status', op: 'eq', value: 'delivered' }],
            },
          },
          { id: 'n3', type: 'create_task', config: { title: 'Gọi chăm sóc đơn #code', priority: 'high' } },
        ],
        edges: [
          { source: 'n1', target: 'n2' },
          { source: 'n2', sourceHandle: 'true', target: 'n3' },
        ],
      },
    });
  });

  it('runs when an order is delivered: the task is created and every step of the run is green', async () => {
    await page.getByRole('link', { name: 'Dữ liệu' }).click();
    await page.getByTestId('records-table').waitFor();
    const code = firstOrderCode(await api.get('/api/records/order?filter.status=confirmed&pageSize=1'));
    await page.getByRole('searchbox', { name: 'Tìm kiếm bản ghi' }).fill(code);
    const row = page.getByTestId('record-row').filter({ hasText: code });
    await row.waitFor();
    await row.click();
    const form = page.getByTestId('record-form');
    await form.getByLabel('Tình trạng', { exact: true }).selectOption('delivered');
    await page.getByTestId('record-save').click();
    await page.getByText('Đã lưu').first().waitFor();

    await page.goto(`${server.baseUrl}/records/task?q=${encodeURIComponent(`Gọi chăm sóc đơn ${code}`)}`);
    // The list does not refresh by itself: reload until the worker has created the task.
    await reloadUntilVisible(
      page,
      page.getByTestId('record-row').filter({ hasText: `Gọi chăm sóc đơn ${code}` }),
    );

    await page.goto(`${server.baseUrl}/runs`);
    const run = page.getByTestId('run-row').filter({ hasText: name }).filter({ hasText: code });
    await reloadUntilVisible(page, run);
    await run.getByRole('link', { name: new RegExp(name) }).click();
    await page.getByTestId('run-view').waitFor();
    const steps = page.locator('.react-flow__node .flow-step');
    await expect(steps.count()).resolves.toBe(3);
    await page.locator('.flow-step--mark-succeeded').nth(2).waitFor({ timeout: 20_000 });
    await expect(page.locator('.flow-step--mark-succeeded').count()).resolves.toBe(3);
    await page.locator('.react-flow__node', { has: page.locator('[data-node-type="create_task"]') }).click();
    await expect(page.getByTestId('step-details').textContent()).resolves.toContain(
      `Gọi chăm sóc đơn ${code}`,
    );
    await screenshot(page, 'editor-run-view');
  });

  it('undo brings back a deleted node with its edges, and redo deletes them again', async () => {
    await page.goto(workflowUrl);
    await page.getByRole('button', { name: 'Ngừng kích hoạt để sửa' }).click();
    await page.getByText('Đã ngừng kích hoạt quy trình.').waitFor();
    await page.getByTestId('palette').waitFor();
    const nodes = page.locator('.react-flow__node');
    const edges = page.locator('.react-flow__edge');
    const condition = page.locator('.react-flow__node', {
      has: page.locator('[data-node-type="condition"]'),
    });

    await condition.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes.count()).toBe(2);
    await expect.poll(() => edges.count()).toBe(0);
    await screenshot(page, 'editor-deleted');

    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes.count()).toBe(3);
    await expect.poll(() => edges.count()).toBe(2);
    await expect(condition.textContent()).resolves.toContain('Tình trạng bằng Đã giao hàng');

    await page.keyboard.press('Control+y');
    await expect.poll(() => nodes.count()).toBe(2);
    await expect.poll(() => edges.count()).toBe(0);

    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => nodes.count()).toBe(3);
    await expect.poll(() => edges.count()).toBe(2);
    await expect.poll(() => page.getByTestId('dirty-state').textContent()).toBe('Đã lưu');
    await screenshot(page, 'editor-undone');

    // Typed into the inspector, then a click on the empty canvas: Ctrl+Z is the flow's again.
    await condition.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes.count()).toBe(2);
    const task = page.locator('.react-flow__node', { has: page.locator('[data-node-type="create_task"]') });
    await task.click();
    await page.getByTestId('node-inspector').getByLabel('Tiêu đề').fill('Gọi lại cho khách');
    await expect(task.textContent()).resolves.toContain('Gọi lại cho khách');
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('the canvas has no size');
    await page.mouse.click(pane.x + pane.width - 40, pane.y + 90);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes.count()).toBe(3);
    await expect(task.textContent()).resolves.toContain('Gọi chăm sóc đơn #code');
  });
});

/** Drags from one handle to another with the mouse, in small steps, as a person would. */
async function connect(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('a handle is not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

/** The number (`ĐH-0003`) of the first order of a records page. */
function firstOrderCode(page: unknown): string {
  const items = typeof page === 'object' && page !== null && 'items' in page ? page.items : null;
  const first: unknown = Array.isArray(items) ? items[0] : null;
  const data = typeof first === 'object' && first !== null && 'data' in first ? first.data : null;
  const code = typeof data === 'object' && data !== null && 'code' in data ? data.code : null;
  if (typeof code !== 'string') throw new Error('no confirmed order to deliver');
  return code;
}
