import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

const BIRTHDAY = 'Gửi SMS chúc mừng sinh nhật khách hàng';
const ALLOCATION = 'Phân bổ tiềm năng mới theo quy tắc phân bổ';
const SMS_PROVIDER = 'SMS – Hộp thư đi (không gửi thật)';
const BRANCH_SMS = 'SMS chi nhánh Hà Nội (ghi lại)';

type Run = { id: string; recordId: string | null; status: string };
type Preview = { today: { total: number; records: { id: string; title: string }[] } };
type Workflow = {
  id: string;
  name: string;
  status: string;
  graph: { nodes: { type: string; config: Record<string, unknown> }[] };
};
type Lead = { id: string; ownerId: string | null; data: { owner_id?: string } };

/** The organization's clock, `HH:mm`: a care process set to run now is due at the next tick. */
const minuteInVietnam = () =>
  new Date().toLocaleTimeString('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

/**
 * The gallery as an admin uses it: previews the birthday-SMS care template, uses it with the SMS
 * provider picked in the "Dùng mẫu" dialog and activates it, and today's birthdays get their runs;
 * uses the lead-allocation template with a rule made in the dialog, and new leads are handed out;
 * saves a workflow as a template of the organization and makes a workflow from it.
 */
describe('template gallery', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let birthdayWorkflowId = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
    api = await apiClient(server.baseUrl);
  });
  afterAll(() => closeJourney({ server, browser }));

  const gallery = async (search = '') => {
    await page.goto(`${server.baseUrl}/templates${search ? `?q=${encodeURIComponent(search)}` : ''}`);
    await page.getByTestId('gallery-built-in').waitFor();
  };
  const openedWorkflowId = async () => {
    await page.getByTestId('workflow-editor').waitFor();
    const id = page.url().split('/').pop() ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    return id;
  };
  const runsOf = async (workflowId: string) =>
    (await api.get<{ items: Run[] }>(`/api/workflows/${workflowId}/runs?pageSize=200`)).items;

  it('previews the birthday template, uses it with the SMS provider chosen in the dialog, and activates it', async () => {
    await gallery();
    expect(await page.getByTestId('template-card').count()).toBeGreaterThanOrEqual(16);
    await screenshot(page, 'gallery-vi');

    await page.getByLabel('Tìm mẫu').fill('sinh nhat sms');
    await expect.poll(() => page.getByTestId('template-card').count()).toBe(1);
    await page.getByRole('button', { name: `Xem trước mẫu “${BIRTHDAY}”` }).click();
    const preview = page.getByTestId('template-preview');
    await preview.waitFor();
    await expect.poll(() => preview.locator('.react-flow__node').count()).toBe(4);
    await preview.getByText('Nhà cung cấp SMS').waitFor();
    await preview
      .locator('.template-preview__text', { hasText: 'Chúc mừng sinh nhật #name! Kính chúc' })
      .waitFor();
    await screenshot(page, 'gallery-preview-vi');

    await page.getByRole('button', { name: 'Dùng mẫu này' }).click();
    const dialog = page.getByTestId('use-template-dialog');
    await dialog.waitFor();
    const provider = dialog.getByLabel('Nhà cung cấp SMS');
    await expect
      .poll(() => provider.locator('option:checked').textContent())
      .toBe(`${SMS_PROVIDER} (mặc định)`);
    // The branch sends through its own gateway: it is added from inside the dialog and chosen.
    await dialog.getByRole('button', { name: 'Tạo mới ngay' }).click();
    const create = dialog.getByTestId('create-provider');
    await create.getByLabel('Tên', { exact: true }).fill(BRANCH_SMS);
    await create.getByLabel('Kiểu kết nối').selectOption('capture');
    await screenshot(page, 'gallery-use-dialog-create-vi');
    await dialog.getByRole('button', { name: 'Lưu và chọn' }).click();
    await expect.poll(() => provider.locator('option:checked').textContent()).toBe(BRANCH_SMS);
    await dialog.getByText('Đã đủ thông tin').waitFor();
    await screenshot(page, 'gallery-use-dialog-vi');
    await page.getByTestId('use-template-submit').click();
    birthdayWorkflowId = await openedWorkflowId();

    // Run at this minute rather than 08:00, so the scheduler's next tick has today's birthdays.
    await page.locator('.react-flow__node', { has: page.locator('[data-node-type="trigger"]') }).click();
    await page.getByTestId('node-inspector').getByLabel('Giờ chạy').fill(minuteInVietnam());
    await page.getByTestId('editor-save').click();
    await page.getByText('Đã lưu quy trình.').waitFor();
    await page.getByTestId('editor-activate').click();
    await page.getByText('Đã kích hoạt quy trình.').waitFor();

    const workflow = await api.get<Workflow>(`/api/workflows/${birthdayWorkflowId}`);
    expect(workflow.status).toBe('active');
    const providers = await api.get<{ items: { id: string; name: string }[] }>('/api/providers');
    const sms = workflow.graph.nodes.find((node) => node.type === 'send_sms');
    expect(sms?.config.provider).toBe(providers.items.find((item) => item.name === BRANCH_SMS)?.id);
  });

  it('gives today’s birthdays their runs, each with its greeting SMS', async () => {
    expect(birthdayWorkflowId).not.toBe('');
    const due = await api.get<Preview>(`/api/workflows/${birthdayWorkflowId}/preview`);
    expect(due.today.total).toBeGreaterThanOrEqual(3);
    await expect
      .poll(
        async () => (await runsOf(birthdayWorkflowId)).filter((run) => run.status === 'succeeded').length,
        {
          timeout: 150_000,
          interval: 2_000,
        },
      )
      .toBe(due.today.total);
    const runs = await runsOf(birthdayWorkflowId);
    expect(runs.map((run) => run.recordId).sort()).toEqual(
      due.today.records.map((record) => record.id).sort(),
    );
    const outbox = await api.get<{ items: { runId: string | null; body: string | null }[] }>(
      '/api/outbox?channel=sms&pageSize=200',
    );
    const greetings = outbox.items.filter((item) => runs.some((run) => run.id === item.runId));
    expect(greetings).toHaveLength(due.today.total);
    for (const record of due.today.records)
      expect(greetings.map((item) => item.body)).toContain(
        `Chúc mừng sinh nhật ${record.title}! Kính chúc anh/chị tuổi mới nhiều sức khỏe, hạnh phúc và thành công.`,
      );
  }, 180_000);

  it('hands new leads out by an allocation rule made in the dialog', async () => {
    const users = await api.get<{ items: { id: string; name: string; role: string }[] }>('/api/users');
    const team = users.items.filter((user) => user.role === 'member').slice(0, 2);
    expect(team).toHaveLength(2);

    await gallery('phan bo tiem nang');
    await page.getByRole('button', { name: `Dùng mẫu “${ALLOCATION}”` }).click();
    const dialog = page.getByTestId('use-template-dialog');
    await dialog.waitFor();
    const rule = dialog.getByLabel('Quy tắc phân bổ của phân hệ Tiềm năng');
    await expect(rule.inputValue()).resolves.toBe('');
    await dialog.getByText('Còn 1 mục để trống').waitFor();
    await dialog.getByRole('button', { name: 'Tạo mới ngay' }).click();
    const create = dialog.getByTestId('create-rule');
    await create.getByLabel('Tên quy tắc').fill('Nhóm kinh doanh miền Bắc');
    for (const user of team) await create.getByLabel('Thêm người dùng…').selectOption({ label: user.name });
    await create.getByRole('button', { name: 'Lưu và chọn' }).click();
    await expect.poll(() => rule.locator('option:checked').textContent()).toBe('Nhóm kinh doanh miền Bắc');
    await dialog.getByText('Đã đủ thông tin').waitFor();
    await page.getByTestId('use-template-submit').click();
    const workflowId = await openedWorkflowId();
    await page.getByTestId('editor-activate').click();
    await page.getByText('Đã kích hoạt quy trình.').waitFor();

    const leads: string[] = [];
    for (const name of ['Nguyễn Văn Phân', 'Trần Thị Bổ']) {
      const res = await api.call<{ id: string }>('/api/records/lead', {
        method: 'POST',
        body: { data: { name, phone: '0912345678', source: 'website', status: 'new' } },
      });
      expect(res.status).toBe(201);
      leads.push(res.body.id);
    }
    await expect
      .poll(async () => (await runsOf(workflowId)).filter((run) => run.status === 'succeeded').length, {
        timeout: 60_000,
        interval: 1_000,
      })
      .toBe(2);
    const owners = await Promise.all(
      leads.map(async (id) => (await api.get<Lead>(`/api/records/lead/${id}`)).data.owner_id),
    );
    expect(owners.sort()).toEqual(team.map((user) => user.id).sort());
  }, 120_000);

  it('saves a workflow as a template that appears in the organization’s section and can be used', async () => {
    await page.goto(`${server.baseUrl}/care-processes/${birthdayWorkflowId}`);
    await page.getByTestId('workflow-editor').waitFor();
    // An active workflow can still be kept as a template.
    await page.getByTestId('save-as-template').click();
    await page.getByLabel('Tên mẫu (tiếng Việt)').fill('Sinh nhật – chi nhánh Hà Nội');
    await page.getByLabel('Tên mẫu (tiếng Anh)').fill('Birthdays – Hanoi branch');
    await page.getByLabel('Mô tả (tiếng Việt)').fill('SMS chúc mừng và cuộc gọi của chi nhánh');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu “Sinh nhật – chi nhánh Hà Nội” vào mục Mẫu của tổ chức.').waitFor();

    await gallery();
    const own = page.getByTestId('gallery-own');
    await own.getByRole('heading', { name: 'Sinh nhật – chi nhánh Hà Nội' }).waitFor();
    await own.getByRole('button', { name: 'Dùng mẫu “Sinh nhật – chi nhánh Hà Nội”' }).click();
    await page.getByTestId('use-template-dialog').waitFor();
    await page.getByTestId('use-template-submit').click();
    const copyId = await openedWorkflowId();
    const copy = await api.get<Workflow>(`/api/workflows/${copyId}`);
    expect(copy).toMatchObject({ name: 'Sinh nhật – chi nhánh Hà Nội', status: 'inactive' });
    expect(copy.graph.nodes.map((node) => node.type).sort()).toEqual([
      'condition',
      'create_task',
      'send_sms',
      'trigger',
    ]);
  });

  it('reads in English, on a desktop and on a phone', async () => {
    await page.evaluate("localStorage.setItem('crmflow.locale', 'en')");
    await gallery();
    await page.getByRole('heading', { name: 'Birthday SMS to contacts' }).waitFor();
    const own = page.getByTestId('gallery-own');
    await own.getByText("Your organization's templates").waitFor();
    await own.getByRole('heading', { name: 'Birthdays – Hanoi branch' }).waitFor();
    await own.getByText('SMS chúc mừng và cuộc gọi của chi nhánh').waitFor();
    await screenshot(page, 'gallery-en');
    await page.getByRole('button', { name: 'Preview the template “Birthday SMS to contacts”' }).click();
    const preview = page.getByTestId('template-preview');
    await preview.locator('.template-preview__text', { hasText: 'Happy birthday, #name!' }).waitFor();
    await expect.poll(() => preview.locator('.react-flow__node').count()).toBe(4);
    await screenshot(page, 'gallery-preview-en');
    await page.getByRole('button', { name: 'Use this template' }).click();
    const dialog = page.getByTestId('use-template-dialog');
    await dialog.getByLabel('SMS provider').waitFor();
    await dialog.getByRole('button', { name: 'Create one now' }).click();
    await dialog.getByTestId('create-provider').waitFor();
    await screenshot(page, 'gallery-use-dialog-en');
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 390, height: 844 });
    await gallery();
    await screenshot(page, 'gallery-en-phone');
    await page.getByRole('button', { name: 'Use the template “Birthday SMS to contacts”' }).click();
    await page.getByTestId('use-template-dialog').getByRole('button', { name: 'Create one now' }).click();
    await page.getByTestId('create-provider').waitFor();
    await screenshot(page, 'gallery-use-dialog-en-phone');
    await page.keyboard.press('Escape');
    await page.evaluate("localStorage.setItem('crmflow.locale', 'vi')");
    await gallery();
    await screenshot(page, 'gallery-vi-phone');
  });
});
