import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListsApi, listsApi } from './lists-api.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { launchBrowser, logIn, screenshot } from './support/browser.ts';
import { closeJourney } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

/** Gives the new lead's owner a call for today: the task and its notification are what the phone shows. */
const callNewLeadGraph = {
  nodes: [
    { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
    {
      id: 'n2',
      type: 'create_task',
      position: { x: 0, y: 140 },
      config: {
        name: 'Gọi khách mới',
        title: 'Gọi khách mới #name',
        dueInDays: 0,
        assignee: { field: 'owner_id' },
      },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
};

/** Nothing on the page is wider than the phone: the page never scrolls sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  // A string, evaluated in the page: this package is compiled without the DOM's types.
  return page.evaluate<number>(`(() => {
    const main = document.querySelector('main');
    const page = document.documentElement.scrollWidth - window.innerWidth;
    return Math.max(page, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
}

async function checkScreen(page: Page, name: string) {
  await screenshot(page, `phone-${name}`);
  expect(await sidewaysOverflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(await seriousAxeViolations(page), `${name}: axe`).toEqual([]);
}

describe('a salesperson’s day on a phone (390 × 844)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ListsApi;
  let adminId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    page = await context.newPage();
    api = await listsApi(server.baseUrl);
    adminId = (await api.get<{ user: { id: string } }>('/api/me')).user.id;
    const workflow = await api.createWorkflow({
      module: 'lead',
      name: 'Gọi khách mới',
      graph: callNewLeadGraph,
    });
    expect(await api.activate(workflow.id)).toBe(200);
  });

  afterAll(() => closeJourney({ server, browser }));

  it('signs in', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await checkScreen(page, 'login');
    await logIn(page, server.baseUrl);
    await page.waitForURL(/\/workflows/);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Việc của tôi' })
      .tap();
    await page.getByRole('heading', { name: 'Việc của tôi', exact: true }).waitFor();
    await checkScreen(page, 'my-tasks-empty');
  });

  it('sees the notification of a new task arrive live, and opens it', async () => {
    const lead = await api.call<{ id: string }>('/api/records/lead', {
      method: 'POST',
      body: { data: { name: 'Chị Nguyễn Thu Hà', owner_id: adminId } },
    });
    expect(lead.status).toBe(201);
    // No reload: the count comes over the live stream.
    await expect
      .poll(
        () =>
          page
            .getByTestId('notification-count')
            .textContent()
            .catch(() => null),
        { timeout: 30_000 },
      )
      .toBe('1');
    await page.getByRole('button', { name: /thông báo/i }).tap();
    const item = page.getByTestId('notification-item').filter({ hasText: 'Gọi khách mới Chị Nguyễn Thu Hà' });
    await item.waitFor();
    await checkScreen(page, 'notifications');
    await item.getByRole('link').tap();
    await page.waitForURL(/\/records\/task\//);
    await page.getByTestId('record-form').waitFor();
    await checkScreen(page, 'task-record');
  });

  it('marks the task done from “my tasks”', async () => {
    await page.getByRole('link', { name: 'Việc của tôi' }).tap();
    const today = page.getByRole('region', { name: /Hôm nay/ });
    const task = today.getByTestId('my-task').filter({ hasText: 'Gọi khách mới Chị Nguyễn Thu Hà' });
    await task.waitFor();
    await checkScreen(page, 'my-tasks');
    const taskLink = await task.getByRole('link').getAttribute('href');
    await task.getByRole('button', { name: 'Xong: Gọi khách mới Chị Nguyễn Thu Hà' }).tap();
    await task.waitFor({ state: 'detached' });
    const saved = await api.get<{ data: { status: string } }>(`/api/${taskLink?.replace(/^\//, '')}`);
    expect(saved.data.status).toBe('done');
  });

  it('shows care cards, the profile with push, and switches a workflow off', async () => {
    await page.getByRole('link', { name: 'Thẻ chăm sóc' }).tap();
    await page.getByRole('heading', { name: 'Thẻ chăm sóc', exact: true }).waitFor();
    await checkScreen(page, 'care-cards');

    await page.goto(`${server.baseUrl}/profile`);
    await page.getByRole('heading', { name: 'Thông báo trên điện thoại' }).waitFor();
    await checkScreen(page, 'profile');

    await page.getByRole('link', { name: 'Quy trình làm việc' }).tap();
    const toggle = page.getByRole('switch', { name: 'Kích hoạt “Gọi khách mới”' });
    await toggle.waitFor();
    await checkScreen(page, 'workflows');
    await toggle.tap();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    const listed = await api.workflows('module=lead');
    expect(listed.items.find((w) => w.name === 'Gọi khách mới')?.status).toBe('inactive');
  });

  it('is installable, and its service worker shows a push that leads to the record', async () => {
    const manifest = (await (await fetch(`${server.baseUrl}/manifest.webmanifest`)).json()) as {
      icons: { src: string }[];
    };
    expect(manifest).toMatchObject({ short_name: 'crmflow', display: 'standalone', lang: 'vi' });
    for (const icon of manifest.icons) {
      const res = await fetch(`${server.baseUrl}${icon.src}`);
      expect(res.headers.get('content-type')).toBe('image/png');
    }
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['notifications'], { origin: server.baseUrl });
    const installed = await context.newPage();
    const cdp = await context.newCDPSession(installed);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    await installed.goto(`${server.baseUrl}/login`);
    await installed.evaluate('navigator.serviceWorker.ready');
    const registration = registrations.find((r) => r.scopeURL === `${server.baseUrl}/`);
    // What the push service hands the browser once it decrypted the server's push (see push.test.ts).
    const push = {
      title: 'Công ty TNHH Demo',
      body: 'Bạn được giao nhiệm vụ: Gọi khách',
      url: '/records/task/1',
      tag: 'n1',
    };
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: server.baseUrl,
      registrationId: registration?.registrationId ?? '',
      data: JSON.stringify(push),
    });
    const shown = `navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((list) =>
      list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data.url })))`;
    await expect.poll(() => installed.evaluate(shown)).toEqual([push]);
    await context.close();
  });
});
