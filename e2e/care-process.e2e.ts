import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListsApi, listsApi } from './lists-api.ts';
import { screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const GREETING = 'Chúc mừng sinh nhật';
const CALL = 'Gọi điện chúc mừng sinh nhật';

type Contact = { id: string; data: { name: string; phone?: string; birthday?: string; owner_id?: string } };
type Task = { id: string; data: { title: string; owner_id?: string; related_record_id?: string } };
type Run = { id: string; recordId: string | null; status: string };
type OutboxItem = {
  id: string;
  channel: string;
  recipient: string;
  body: string | null;
  runId: string | null;
};

/** Today's `yyyy-MM-dd` and `HH:mm` on the organization's clock. */
function localNow(now = new Date()): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Whether a birthday falls on `today`; 29 February counts on 28 February in a common year. */
function bornOn(birthday: string | undefined, today: string): boolean {
  if (!birthday) return false;
  const md = birthday.slice(5, 10);
  const year = Number(today.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return md === today.slice(5) || (!leap && md === '02-29' && today.slice(5) === '02-28');
}

async function allPages<T>(api: ListsApi, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.call<{ items: T[]; total: number }>(`${path}${sep}pageSize=200&page=${page}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return items;
  }
}

/**
 * A birthday care process built in the browser: the demo admin creates it on contacts from the
 * care-process list (SMS greeting with the contact's name, a call task for the owner), sees who
 * it will reach in the editor's next runs, activates it, and after the scheduler's next tick
 * every contact born today has exactly one SMS in the outbox and the owner a task.
 */
describe('care process: birthday greetings', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ListsApi;
  let workflowId = '';
  let born: Contact[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
    api = await listsApi(server.baseUrl);
    const today = localNow().date;
    const contacts = await allPages<Contact>(api, '/api/records/contact');
    born = contacts.filter((contact) => bornOn(contact.data.birthday, today));
  });

  afterAll(() => closeJourney({ server, browser }));

  it('is created from the care-process list, previewed and activated', async () => {
    // The demo data has contacts born today, each with a phone and an owner.
    expect(born.length).toBeGreaterThanOrEqual(3);
    for (const contact of born) {
      expect(contact.data.phone).toBeTruthy();
      expect(contact.data.owner_id).toBeTruthy();
    }

    await page.goto(`${server.baseUrl}/care-processes`);
    await page.getByRole('heading', { level: 1, name: 'Quy trình chăm sóc' }).waitFor();
    await page.getByRole('link', { name: 'Thêm' }).first().click();
    const wizard = page.getByTestId('workflow-wizard');
    await wizard.waitFor();
    await expect(wizard.getByLabel('Quy trình chăm sóc').isChecked()).resolves.toBe(true);
    await wizard.getByLabel('Phân hệ').selectOption('contact');
    await wizard.getByLabel('Tên quy trình').fill('Chúc mừng sinh nhật khách hàng');
    await wizard.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.getByTestId('workflow-editor').waitFor();
    workflowId = page.url().split('/').pop() ?? '';
    expect(workflowId).toMatch(/^[0-9a-f-]{36}$/);

    const inspector = page.getByTestId('node-inspector');
    const palette = page.getByTestId('palette');
    const node = (type: string) =>
      page.locator('.react-flow__node', { has: page.locator(`[data-node-type="${type}"]`) });

    // When: on the contact's birthday, every year, on the day itself, at the current minute of
    // the organization's clock, so the scheduler's next tick finds the run time has come.
    await node('trigger').click();
    await inspector.getByLabel('Trường ngày').selectOption('birthday');
    await inspector.getByLabel('Hằng năm').check();
    await inspector.getByLabel('Thời điểm').selectOption('onDay');
    await inspector.getByLabel('Trong ngày').check();
    const runAt = localNow().time;
    await inspector.getByLabel('Giờ chạy').fill(runAt);
    await expect(inspector.getByLabel('Giờ chạy').inputValue()).resolves.toBe(runAt);

    // Then: an SMS to the contact's phone, greeting them by name…
    await palette.locator('[data-node-type="send_sms"]').click();
    await node('send_sms').waitFor();
    await node('send_sms').click();
    await inspector
      .getByLabel('Gửi từ (SMS Brandname)')
      .selectOption({ label: 'SMS – Hộp thư đi (không gửi thật)' });
    await expect(inspector.getByLabel('Điện thoại', { exact: true }).isChecked()).resolves.toBe(true);
    const text = inspector.getByLabel('Nội dung SMS');
    await text.fill(`${GREETING} #`);
    await inspector.getByRole('listbox', { name: 'Trường trộn' }).waitFor();
    await page.keyboard.type('name');
    await page.keyboard.press('Enter');
    await expect(text.inputValue()).resolves.toBe(`${GREETING} #name`);

    // …and a call task for the contact's owner.
    await node('trigger').click();
    await palette.locator('[data-node-type="create_task"]').click();
    await node('create_task').waitFor();
    await node('create_task').click();
    await inspector.getByLabel('Tiêu đề').fill(`${CALL} #`);
    await inspector.getByRole('listbox', { name: 'Trường trộn' }).waitFor();
    await page.keyboard.type('name');
    await page.keyboard.press('Enter');
    await expect(inspector.getByLabel('Tiêu đề').inputValue()).resolves.toBe(`${CALL} #name`);
    await expect(
      inspector.getByLabel('Theo trường người dùng của bản ghi').first().isChecked(),
    ).resolves.toBe(true);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    await page.getByTestId('editor-save').click();
    await page.getByText('Đã lưu quy trình.').waitFor();

    // The next runs: today's birthdays, by name, before anything is activated.
    await page.getByTestId('care-preview-toggle').click();
    const today = page.getByTestId('care-preview-today');
    await today.waitFor();
    await expect
      .poll(async () => (await today.textContent()) ?? '', { timeout: 20_000 })
      .toContain(`${born.length} bản ghi`);
    for (const contact of born) await today.getByText(contact.data.name, { exact: true }).waitFor();
    await expect(page.getByTestId('care-preview-runs').getByRole('listitem').count()).resolves.toBe(7);
    await screenshot(page, 'care-process-preview');

    await page.getByTestId('editor-activate').click();
    await page.getByText('Đã kích hoạt quy trình.').waitFor();
    await expect(page.getByTestId('workflow-status').textContent()).resolves.toBe('Đang kích hoạt');
    await screenshot(page, 'care-process-active');

    const saved = await api.call<{
      status: string;
      kind: string;
      graph: { nodes: { type: string; config: unknown }[] };
    }>(`/api/workflows/${workflowId}`);
    expect(saved.body).toMatchObject({ status: 'active', kind: 'schedule' });
    expect(saved.body.graph.nodes.find((n) => n.type === 'trigger')?.config).toMatchObject({
      dateField: 'birthday',
      recurrence: 'yearly',
      offsetDays: 0,
      window: 'day',
      runAt,
    });
  });

  it('greets every contact born today once, in the outbox, and gives their owners a task', async () => {
    expect(workflowId).not.toBe('');
    const runs = () => allPages<Run>(api, `/api/workflows/${workflowId}/runs`);
    // pg-boss's cron makes a tick job each minute (checked every 30 s): the first tick after
    // the activation starts the runs.
    await expect
      .poll(async () => (await runs()).filter((run) => run.status === 'succeeded').length, {
        timeout: 150_000,
        interval: 2_000,
      })
      .toBe(born.length);
    const done = await runs();
    expect(done.map((run) => run.recordId).sort()).toEqual(born.map((contact) => contact.id).sort());

    // Exactly one SMS per contact, to the contact, with the name merged in.
    const recordOfRun = new Map(done.map((run) => [run.id, run.recordId]));
    const sms = (await allPages<OutboxItem>(api, '/api/outbox?channel=sms')).filter(
      (item) => item.runId && recordOfRun.has(item.runId),
    );
    expect(sms).toHaveLength(born.length);
    for (const contact of born) {
      const mine = sms.filter((item) => item.runId && recordOfRun.get(item.runId) === contact.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.body).toBe(`${GREETING} ${contact.data.name}`);
      const digits = (contact.data.phone ?? '').replace(/\D/g, '').replace(/^0/, '');
      expect(mine[0]?.recipient.replace(/\D/g, '')).toMatch(new RegExp(`${digits}$`));
    }

    // The owner's call task for each of them.
    const tasks = await allPages<Task>(api, `/api/records/task?q=${encodeURIComponent(CALL)}`);
    for (const contact of born) {
      const task = tasks.filter((item) => item.data.title === `${CALL} ${contact.data.name}`);
      expect(task).toHaveLength(1);
      expect(task[0]?.data.owner_id).toBe(contact.data.owner_id);
    }

    // Hộp thư đi shows them.
    await page.goto(`${server.baseUrl}/outbox?channel=sms`);
    await page.getByRole('heading', { level: 1, name: 'Hộp thư đi' }).waitFor();
    for (const contact of born) {
      await page
        .getByTestId('outbox-row')
        .filter({ hasText: `${GREETING} ${contact.data.name}` })
        .first()
        .waitFor({ timeout: 20_000 });
    }
    await screenshot(page, 'care-process-outbox');

    // A later tick the same day starts nothing more.
    const again = await runs();
    expect(again).toHaveLength(born.length);
  }, 240_000);
});
