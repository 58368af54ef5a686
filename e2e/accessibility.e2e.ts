import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListsApi, listsApi, welcomeEmailGraph } from './lists-api.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { logIn, screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import { headingSkips, pageStructure, vietnameseLeft, visibleTexts } from './support/page-audit.ts';
import type { RunningServer } from './support/server.ts';
import { userDataOf } from './support/user-data.ts';

type Run = { id: string; status: string };
type Template = { id: string; kind: string; name: string };

/** The first run, once it finished: `expect.poll` is for tests, not their set-up. */
async function firstFinishedRun(api: ListsApi): Promise<Run> {
  for (let tries = 0; tries < 60; tries += 1) {
    const [run] = (await api.get<{ items: Run[] }>('/api/runs')).items;
    if (run && run.status !== 'running' && run.status !== 'pending') return run;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('the welcome email’s run did not finish');
}

/** Gives the new lead's owner a call: a task, and its notification for the bell. */
const callGraph = {
  nodes: [
    { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
    {
      id: 'n2',
      type: 'create_task',
      position: { x: 0, y: 140 },
      config: { name: 'Call', title: 'Call #name', dueInDays: 0, assignee: { field: 'owner_id' } },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
};

/** One screen of the product: where it is and, for a dialog, how to open it from there. */
type Screen = { name: string; path: string; open?: (page: Page) => Promise<void> };

const settingsTabs = [
  'users',
  'tokens',
  'organization',
  'providers',
  'allocation-rules',
  'message-templates/email',
  'message-templates/sms',
  'message-templates/zns',
  'print-templates',
  'fields/account',
];

/**
 * Every page once in Vietnamese, checked by axe (no critical or serious violation), for its
 * landmarks and its heading outline; then every page again in English, the language chosen in the
 * user menu as a person would, where no Vietnamese letter may remain outside the user's own data.
 * Each page leaves one screenshot per language in `e2e/artifacts/` (`a11y-<lang>-<page>.png`).
 */
describe('every page, for everyone', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ListsApi;
  const screens: Screen[] = [];
  const modules = ['contact', 'order', 'lead', 'task'];
  let newLead: (name: string) => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney({ signIn: false }));
    api = await listsApi(server.baseUrl);
    // A sent welcome email gives the runs, a run view and the outbox something to show.
    const welcome = await api.createWorkflow({
      module: 'contact',
      name: 'Chào khách mới',
      graph: welcomeEmailGraph(),
    });
    expect(await api.activate(welcome.id)).toBe(200);
    const contact = await api.call<{ id: string }>('/api/records/contact', {
      method: 'POST',
      body: { data: { name: 'Chị Lê Thu Trang' } },
    });
    expect(contact.status).toBe(201);
    const me = await api.get<{ user: { id: string } }>('/api/me');
    const calls = await api.createWorkflow({ module: 'lead', name: 'Call new leads', graph: callGraph });
    expect(await api.activate(calls.id)).toBe(200);
    newLead = async (name) => {
      const res = await api.call('/api/records/lead', {
        method: 'POST',
        body: { data: { name, owner_id: me.user.id } },
      });
      expect(res.status).toBe(201);
    };
    const templates = await api.get<{ items: Template[] }>('/api/templates');
    const care = templates.items.find((template) => template.kind === 'schedule');
    const made = await api.call(`/api/templates/${care?.id}/use`, { method: 'POST', body: { choices: {} } });
    expect(made.status).toBe(201);
    const run = await firstFinishedRun(api);
    const order = (await api.get<{ items: { id: string }[] }>('/api/records/order?pageSize=1')).items[0];

    const galleryCard = (page: Page) => page.getByTestId('template-card').first();
    screens.push(
      { name: 'records', path: '/records/order' },
      { name: 'record-form', path: `/records/order/${order?.id}` },
      {
        name: 'workflows-table',
        path: '/workflows',
        open: async (page) => {
          await view(page, 0);
          // An active flow cannot be deleted: the reason shows to the keyboard user who reaches it.
          await page.getByRole('button', { name: /^(Xóa|Delete) “Chào khách mới”/ }).focus();
          await page.getByRole('tooltip').waitFor();
        },
      },
      { name: 'workflows-cards', path: '/workflows', open: (page) => view(page, 1) },
      { name: 'care-table', path: '/care-processes', open: (page) => view(page, 0) },
      { name: 'care-cards-view', path: '/care-processes', open: (page) => view(page, 1) },
      { name: 'editor', path: `/workflows/${welcome.id}` },
      {
        name: 'editor-step',
        path: `/workflows/${welcome.id}`,
        open: async (page) => {
          await page
            .locator('.react-flow__node', { has: page.locator('[data-node-type="send_email"]') })
            .click();
          await page.getByTestId('node-inspector').waitFor();
        },
      },
      { name: 'new-workflow', path: '/workflows/new' },
      { name: 'gallery', path: '/templates' },
      {
        name: 'gallery-preview',
        path: '/templates',
        open: async (page) => {
          await galleryCard(page).getByRole('button').first().click();
          await page.getByTestId('template-preview').locator('.react-flow__node').first().waitFor();
        },
      },
      {
        name: 'gallery-use',
        path: '/templates',
        open: async (page) => {
          await galleryCard(page)
            .getByRole('button', { name: /^(Dùng mẫu|Use the template) / })
            .click();
          await page.getByTestId('use-template-dialog').waitFor();
        },
      },
      { name: 'runs', path: '/runs' },
      { name: 'run-view', path: `/runs/${run.id}` },
      { name: 'outbox', path: '/outbox' },
      ...settingsTabs.map((tab) => ({ name: `settings-${tab.replace('/', '-')}`, path: `/settings/${tab}` })),
      { name: 'my-tasks', path: '/my-tasks' },
      {
        name: 'notifications',
        path: '/my-tasks',
        open: async (page) => {
          await page
            .locator('.shell__header')
            .getByRole('button', { name: /thông báo|notification/i })
            .click();
          await page.locator('.bell__panel').waitFor();
        },
      },
      { name: 'care-cards', path: '/care-cards' },
      { name: 'profile', path: '/profile' },
    );
  });
  afterAll(() => closeJourney({ server, browser }));

  /** Picks the list's table (0) or summary cards (1). */
  async function view(page: Page, index: number) {
    await page.locator('.segmented').last().getByRole('button').nth(index).click();
  }

  /** Waits until the page has its title and nothing is loading any more. */
  async function settle(page: Page) {
    await page.locator('main h1').first().waitFor();
    const loading = page.locator('.spinner, [aria-busy="true"]');
    await expect
      .poll(
        async () => (await loading.count()) && (await page.locator('main').textContent())?.slice(0, 300),
        {
          timeout: 30_000,
        },
      )
      .toBe(0);
  }

  /**
   * Opens the screen as the SPA's own links do, without loading the app again: the router follows
   * the history entry. A dialog left open by the screen before is closed first.
   */
  async function visit(screen: Screen) {
    await page.keyboard.press('Escape');
    await page.evaluate(
      `history.pushState(null, '', ${JSON.stringify(screen.path)}); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await page.waitForURL((url) => url.pathname === screen.path.split('?')[0]);
    await settle(page);
    await screen.open?.(page);
  }

  /** What is wrong with the page's frame: its landmarks, its one h1 and its heading outline. */
  async function frameProblems({ signedIn = true } = {}): Promise<string[]> {
    const structure = await pageStructure(page);
    const problems = headingSkips(structure.headings).map((skip) => `heading skips ${skip}`);
    if (structure.main !== 1) problems.push(`${structure.main} main landmarks`);
    if (signedIn && structure.nav < 1) problems.push('no navigation');
    if (signedIn && structure.header < 1) problems.push('no header');
    if (structure.h1 !== 1) problems.push(`${structure.h1} h1`);
    return problems;
  }

  it('passes axe, with landmarks and one h1, on every page in Vietnamese', async () => {
    const failures: Record<string, string[]> = {};
    const check = async (name: string, signedIn = true) => {
      const axe = (await seriousAxeViolations(page)).map(
        ({ id, targets }) => `${id}: ${targets.length} × ${targets.slice(0, 3).join(' | ')}`,
      );
      const found = [...(await frameProblems({ signedIn })), ...axe];
      if (found.length > 0) failures[name] = found;
      await screenshot(page, `a11y-vi-${name}`);
    };
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('h1').waitFor();
    await check('login', false);
    await logIn(page, server.baseUrl);
    await page.waitForURL(/\/workflows/);
    for (const screen of screens) {
      await visit(screen);
      await check(screen.name);
    }
    expect(failures).toEqual({});
  }, 200_000);

  it('speaks English on every page once the user chose English', async () => {
    if (!page.url().startsWith(`${server.baseUrl}/`) || page.url().includes('/login')) {
      await logIn(page, server.baseUrl);
      await page.waitForURL(/\/workflows/);
    }
    await page.goto(`${server.baseUrl}/profile`);
    await settle(page);
    await page.locator('.menu__trigger').click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(async () => (await api.get<{ user: { locale: string } }>('/api/me')).user.locale)
      .toBe('en');
    // What the server writes from now on (the new task's notification) is in English.
    await newLead('Chị Đỗ Thị Hạnh');
    await expect
      .poll(async () => (await api.get<{ items: unknown[] }>('/api/notifications')).items.length, {
        timeout: 30_000,
      })
      .toBe(1);
    const userData = await userDataOf(api, modules);

    const failures: Record<string, string[]> = {};
    for (const screen of screens) {
      await visit(screen);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const left = vietnameseLeft(await visibleTexts(page), userData);
      if (left.length > 0) failures[screen.name] = left;
      await screenshot(page, `a11y-en-${screen.name}`);
    }
    expect(failures).toEqual({});
  }, 200_000);
});
