import axe from 'axe-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient, demoAdmin } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

type SavedGraph = {
  graph: {
    nodes: { id: string; type: string; config: Record<string, unknown> }[];
    edges: { source: string; target: string; sourceHandle?: string }[];
  };
};

/**
 * The designer without a mouse: signed in, a flow built from its trigger with the "+" menus and
 * the palette, a step joined with "Nối tới…", undone and redone, the shortcuts read under "?",
 * saved — every action a key press on what has the focus. No click, hover or pointer in here.
 */
describe('the designer from the keyboard alone', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let workflowId = '';

  const step = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  // Strings evaluated in the page: this package is compiled without the DOM's types.
  const focusedStep = () =>
    page.evaluate<string | null>("document.activeElement?.getAttribute('data-id') ?? null");
  const edges = () => page.locator('.react-flow__edge').count();
  const press = async (target: Locator, key: string) => {
    await target.focus();
    await page.keyboard.press(key);
  };

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney({ signIn: false }));
    api = await apiClient(server.baseUrl);
    const created = await api.call<{ id: string }>('/api/workflows', {
      method: 'POST',
      body: {
        module: 'order',
        kind: 'event',
        name: 'Nối bằng bàn phím',
        graph: {
          nodes: [
            {
              id: 'n1',
              type: 'trigger',
              position: { x: 0, y: 0 },
              config: { on: 'update', fields: ['status', 'code'], match: 'all', repeat: false },
            },
          ],
          edges: [],
        },
      },
    });
    expect(created.status).toBe(201);
    workflowId = created.body.id;
  });

  afterAll(() => closeJourney({ server, browser }));

  it('signs in with the keyboard', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel(/email/i).focus();
    await page.keyboard.type(demoAdmin.email);
    await page.getByLabel(/mật khẩu/i).focus();
    await page.keyboard.type(demoAdmin.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/workflows/);
  });

  it('builds trigger → condition → two actions, joins the last with "Nối tới…", undoes, redoes and saves', async () => {
    await page.goto(`${server.baseUrl}/workflows/${workflowId}`);
    await page.getByTestId('workflow-editor').waitFor();
    const inspector = page.getByTestId('node-inspector');

    // The trigger, switched from "edit" to "create": its hidden settings must not be saved.
    await press(step('n1'), 'Enter');
    await press(inspector.getByRole('radio', { name: 'Thêm', exact: true }), 'Space');
    await expect.poll(() => step('n1').textContent()).toContain('Khi thêm mới bản ghi');

    // "+" under the trigger, then a condition: the focus lands on the new step.
    await step('n1').focus();
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label')"),
    ).resolves.toMatch(/^Thêm bước sau/);
    await page.keyboard.press('Enter');
    await page.getByTestId('node-picker').waitFor();
    await page.keyboard.type('Điều kiện');
    await page.keyboard.press('Enter');
    await expect.poll(focusedStep).toBe('n2');

    // Its "Đúng" branch gets a task, from the "+" a Tab away.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Giao nhiệm vụ');
    await page.keyboard.press('Enter');
    await expect.poll(focusedStep).toBe('n3');
    await expect.poll(edges).toBe(2);

    // A notification from the palette, with no step selected: it lands unjoined.
    await page.keyboard.press('Escape');
    await press(page.getByTestId('palette').locator('[data-node-type="notify"]'), 'Enter');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await expect.poll(edges).toBe(2);

    // The condition, then C: the list offers only what a valid edge allows.
    await press(step('n2'), 'Enter');
    await page.keyboard.press('c');
    const menu = page.getByRole('dialog', { name: /^Nối "Điều kiện/ });
    await menu.waitFor();
    const options = menu.getByRole('listitem');
    await expect(options.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Nhánh Đúng →Thông báo/),
      expect.stringMatching(/^Nhánh Sai →Thông báo/),
    ]);
    await expect(accessibilityProblems(page, '[data-testid="connect-menu"]')).resolves.toEqual([]);
    await screenshot(page, 'keyboard-connect-vi');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(edges).toBe(3);
    await expect(menu.count()).resolves.toBe(0);
    await expect.poll(focusedStep).toBe('n2');

    // Undo and redo, from the step and from the toolbar.
    await page.keyboard.press('Control+z');
    await expect.poll(edges).toBe(2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(edges).toBe(3);
    await press(page.getByRole('button', { name: 'Tự sắp xếp' }), 'Control+z');
    await expect.poll(edges).toBe(2);
    await page.keyboard.press('Control+y');
    await expect.poll(edges).toBe(3);

    // "?" lists the shortcuts and takes the focus; Escape gives it back.
    await step('n2').focus();
    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Phím tắt' });
    await help.waitFor();
    await expect(help.textContent()).resolves.toContain('Nối bước đang chọn tới bước khác');
    await expect(accessibilityProblems(page, '.shortcuts__panel')).resolves.toEqual([]);
    await screenshot(page, 'keyboard-shortcuts-vi');
    await page.keyboard.press('Escape');
    await expect(help.count()).resolves.toBe(0);

    await press(page.getByTestId('editor-save'), 'Enter');
    await expect.poll(() => page.getByTestId('editor-message').textContent()).toMatch(/^Đã lưu/);

    const saved = await api.get<SavedGraph>(`/api/workflows/${workflowId}`);
    const types = Object.fromEntries(saved.graph.nodes.map((node) => [node.id, node.type]));
    expect(types).toEqual({ n1: 'trigger', n2: 'condition', n3: 'create_task', n4: 'notify' });
    expect(saved.graph.nodes[0]?.config).toEqual({ on: 'create', fields: [], match: 'any', repeat: true });
    const joined = saved.graph.edges
      .map((edge) => `${edge.source}${edge.sourceHandle ? `:${edge.sourceHandle}` : ''}>${edge.target}`)
      .sort();
    expect(joined).toEqual(['n1>n2', 'n2:false>n4', 'n2:true>n3']);
  });

  it('reads in English: the "Connect to…" list and the shortcuts', async () => {
    await page.evaluate("localStorage.setItem('crmflow.locale', 'en')");
    await page.reload();
    await page.getByTestId('workflow-editor').waitFor();
    await press(step('n3'), 'Enter');
    await page.keyboard.press('c');
    const menu = page.getByRole('dialog', { name: /^Connect "Assign task/ });
    await menu.waitFor();
    await expect(menu.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^In-app notification/),
    ]);
    await screenshot(page, 'keyboard-connect-en');
    await page.keyboard.press('Escape');
    await expect.poll(focusedStep).toBe('n3');
    await page.keyboard.press('Shift+?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await screenshot(page, 'keyboard-shortcuts-en');
    await page.keyboard.press('Escape');
    await page.evaluate("localStorage.setItem('crmflow.locale', 'vi')");
  });

  it('shows a flow of eight steps whole: the save message, the minimap and the tools cover none', async () => {
    const at = (x: number, y: number) => ({ x, y });
    const created = await api.call<{ id: string }>('/api/workflows', {
      method: 'POST',
      body: {
        module: 'order',
        kind: 'event',
        name: 'Tám bước',
        graph: {
          nodes: [
            { id: 'n1', type: 'trigger', position: at(0, 0), config: { on: 'create' } },
            { id: 'n2', type: 'condition', position: at(0, 160), config: {} },
            { id: 'n3', type: 'create_task', position: at(-170, 320), config: {} },
            { id: 'n4', type: 'notify', position: at(-170, 480), config: {} },
            { id: 'n5', type: 'send_email', position: at(-170, 640), config: {} },
            { id: 'n6', type: 'notify', position: at(170, 320), config: {} },
            { id: 'n7', type: 'create_task', position: at(170, 480), config: {} },
            { id: 'n8', type: 'notify', position: at(170, 640), config: {} },
          ],
          edges: [
            { id: 'e1', source: 'n1', target: 'n2' },
            { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3' },
            { id: 'e3', source: 'n3', target: 'n4' },
            { id: 'e4', source: 'n4', target: 'n5' },
            { id: 'e5', source: 'n2', sourceHandle: 'false', target: 'n6' },
            { id: 'e6', source: 'n6', target: 'n7' },
            { id: 'e7', source: 'n7', target: 'n8' },
          ],
        },
      },
    });
    expect(created.status).toBe(201);
    for (const [locale, width, height] of [
      ['vi', 1440, 900],
      ['en', 1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(`localStorage.setItem('crmflow.locale', '${locale}')`);
      await page.goto(`${server.baseUrl}/workflows/${created.body.id}`);
      await page.getByTestId('workflow-editor').waitFor();
      await page.locator('.react-flow__node').first().waitFor();
      await press(page.getByTestId('editor-save'), 'Enter');
      await page.getByTestId('editor-message').waitFor();
      await screenshot(page, `keyboard-eight-steps-${locale}`);
      await expect(coveredSteps(page)).resolves.toEqual([]);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate("localStorage.setItem('crmflow.locale', 'vi')");
  });
});

/** Which steps the save message, the minimap, the zoom controls or the toolbar lie over. */
function coveredSteps(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const overlays = [...document.querySelectorAll(
      '[data-testid="editor-message"], .react-flow__minimap, .react-flow__controls, .editor-toolbar',
    )].map((element) => [element.className, element.getBoundingClientRect()]);
    const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return [...document.querySelectorAll('.react-flow__node')].flatMap((node) => {
      const box = node.getBoundingClientRect();
      return overlays.filter(([, over]) => meet(box, over)).map(([name]) => node.dataset.id + ' under ' + name);
    });
  })()`);
}

/** axe-core's critical and serious findings inside one part of the page. */
async function accessibilityProblems(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate<string[]>(
    `axe.run({ include: [${JSON.stringify(selector)}] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((result) => result.violations
        .filter((v) => v.impact === 'critical' || v.impact === 'serious')
        .map((v) => v.id + ': ' + v.help))`,
  );
}
