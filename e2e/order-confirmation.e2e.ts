import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../packages/engine/src/pdf/pdf-text.testing.ts';
import { type ListsApi, listsApi } from './lists-api.ts';
import { pickReference, reloadUntilVisible, screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

const TEMPLATE = 'Gửi email xác nhận đơn hàng và giao nhiệm vụ chăm sóc';
const CODE = 'ĐH-E2E-0251';

type Item<D> = { id: string; data: D };
type Contact = Item<{ name: string; email?: string; account_id?: string }>;
type Task = Item<{
  title: string;
  owner_id?: string;
  task_type?: string;
  priority?: string;
  due_date?: string;
}>;
type User = { id: string; name: string; role: string; active: boolean };
type OutboxItem = {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  status: string;
  runId: string | null;
  attachments: { name: string; contentType: string; size: number }[];
};

/**
 * The reference's example 2.5.1 in a real Chromium, as a new user does it: the demo admin takes
 * the gallery's order-confirmation flow, checks its email step (customer's address, the order
 * slip as PDF) and its care task for the salesperson, activates it, and enters an order in the
 * records area. Hộp thư đi then shows the confirmation email with the PDF, and the salesperson
 * has the care task.
 */
describe('order confirmation: email with the order PDF and a care task for the salesperson', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ListsApi;
  let workflowId = '';
  let customer: Contact;
  let salesperson: User;
  let product: Item<{ name: string }>;
  let account: Item<{ name: string }>;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
    api = await listsApi(server.baseUrl);

    const contacts = await api.call<{ items: Contact[] }>('/api/records/contact?pageSize=50');
    // A customer the picker finds by name alone, so the one typed is the one chosen.
    let withEmail: Contact | undefined;
    for (const contact of contacts.body.items.filter((c) => c.data.email && c.data.account_id)) {
      const namesakes = await api.call<{ total: number }>(
        `/api/records/contact?q=${encodeURIComponent(contact.data.name)}&pageSize=1`,
      );
      if (namesakes.body.total === 1) {
        withEmail = contact;
        break;
      }
    }
    if (!withEmail) throw new Error('the demo data has no contact with an email and an account');
    customer = withEmail;
    account = (await api.call<Item<{ name: string }>>(`/api/records/account/${withEmail.data.account_id}`))
      .body;
    const products = await api.call<{ items: Item<{ name: string }>[] }>('/api/records/product?pageSize=1');
    const [first] = products.body.items;
    if (!first) throw new Error('the demo data has no product');
    product = first;
    const users = await api.call<{ items: User[] } | User[]>('/api/users');
    const list = Array.isArray(users.body) ? users.body : users.body.items;
    const sales = list.find((u) => u.active && u.role !== 'admin');
    if (!sales) throw new Error('the demo data has no salesperson');
    salesperson = sales;
  });

  afterAll(() => closeJourney({ server, browser }));

  it('takes the flow from the gallery, checks its steps in the editor and activates it', async () => {
    await page.goto(`${server.baseUrl}/templates?kind=event&module=order`);
    await page.getByRole('button', { name: `Dùng mẫu “${TEMPLATE}”` }).click();
    await page.getByTestId('use-template-dialog').getByLabel('Mẫu in của phân hệ Đơn hàng').waitFor();
    await page.getByTestId('use-template-submit').click();
    await page.getByTestId('workflow-editor').waitFor();
    workflowId = page.url().split('/').pop() ?? '';
    expect(workflowId).toMatch(/^[0-9a-f-]{36}$/);

    const inspector = page.getByTestId('node-inspector');
    const email = page.locator('.react-flow__node', { has: page.locator('[data-node-type="send_email"]') });
    const task = page.locator('.react-flow__node', { has: page.locator('[data-node-type="create_task"]') });
    await email.click();
    await expect(selectedText(inspector.getByLabel('Gửi từ'))).resolves.toBe('Email hệ thống');
    await expect(inspector.getByLabel('Liên hệ › Email').isChecked()).resolves.toBe(true);
    await expect(inspector.getByLabel('Đính kèm tệp in').isChecked()).resolves.toBe(true);
    await expect(selectedText(inspector.getByLabel('Mẫu in'))).resolves.toBe('Phiếu xác nhận đơn hàng');
    await expect(inspector.getByLabel('PDF', { exact: true }).isChecked()).resolves.toBe(true);
    await screenshot(page, 'order-confirmation-email-step');

    await task.click();
    await expect(selectedText(inspector.getByLabel('Loại nhiệm vụ'))).resolves.toBe('Chăm sóc khách hàng');
    const assigneeField = inspector.locator('select', { has: page.locator('option[value="owner_id"]') });
    await expect(selectedText(assigneeField)).resolves.toBe('Chủ sở hữu');
    await screenshot(page, 'order-confirmation-task-step');

    await page.getByTestId('editor-activate').click();
    await page.getByText('Đã kích hoạt quy trình.').waitFor();
    await expect(page.getByTestId('workflow-status').textContent()).resolves.toBe('Đang kích hoạt');

    const saved = await api.call<{ status: string; module: string; graph: { nodes: unknown[] } }>(
      `/api/workflows/${workflowId}`,
    );
    expect(saved.body).toMatchObject({
      status: 'active',
      module: 'order',
      graph: {
        nodes: expect.arrayContaining([
          expect.objectContaining({ type: 'trigger', config: expect.objectContaining({ on: 'create' }) }),
          expect.objectContaining({
            type: 'send_email',
            config: expect.objectContaining({
              provider: 'system',
              to: expect.objectContaining({ fields: ['contact_id.email'] }),
              attachment: { printTemplateId: expect.stringMatching(/^[0-9a-f-]{36}$/), format: 'pdf' },
            }),
          }),
          expect.objectContaining({
            type: 'create_task',
            config: expect.objectContaining({ assignee: { field: 'owner_id' }, taskType: 'care' }),
          }),
        ]),
      },
    });
  });

  it('an order entered in the records area: its confirmation email with the PDF is in Hộp thư đi', async () => {
    await page.goto(`${server.baseUrl}/records/order/new`);
    const form = page.getByTestId('record-form');
    await form.waitFor();
    await form.getByLabel('Số đơn hàng').fill(CODE);
    await pickReference(page, form.getByLabel('Khách hàng', { exact: true }), account.data.name);
    await pickReference(page, form.getByLabel('Liên hệ', { exact: true }), customer.data.name);
    await form.getByLabel('Ngày đặt hàng').fill('2026-11-20');
    await form.getByLabel('Tình trạng', { exact: true }).selectOption('confirmed');
    await form.getByLabel('Chủ sở hữu').selectOption({ label: salesperson.name });
    await form.getByRole('button', { name: 'Thêm dòng' }).click();
    await pickReference(page, form.getByLabel('Dòng 1: Hàng hóa'), product.data.name);
    await form.getByLabel('Dòng 1: Số lượng').fill('2');
    await screenshot(page, 'order-confirmation-order-form');
    await page.getByTestId('record-save').click();
    await page.getByText('Đã tạo bản ghi.').waitFor();

    const orders = await api.call<{
      items: Item<{ code: string; contact_id?: string; owner_id?: string }>[];
    }>(`/api/records/order?q=${encodeURIComponent(CODE)}`);
    const order = orders.body.items.find((o) => o.data.code === CODE);
    expect(order?.data).toMatchObject({
      contact_id: customer.id,
      account_id: account.id,
      owner_id: salesperson.id,
    });

    await page.goto(`${server.baseUrl}/outbox`);
    const row = page
      .getByTestId('outbox-row')
      .filter({ hasText: customer.data.email ?? '' })
      .filter({ hasText: `Xác nhận đơn hàng ${CODE}` });
    await reloadUntilVisible(page, row);
    await screenshot(page, 'order-confirmation-outbox');
    await row.getByRole('button', { name: `Xác nhận đơn hàng ${CODE}` }).click();
    const preview = page.getByTestId('outbox-preview');
    await preview.waitFor();
    const pdfName = `Phiếu xác nhận đơn hàng - ${CODE}.pdf`;
    await preview.getByRole('link', { name: `Tải xuống ${pdfName}` }).waitFor();
    const frame = preview.frameLocator('iframe');
    await frame.getByText(`Kính gửi ${customer.data.name},`).waitFor();
    await frame.getByText(`ngày 20/11/2026 của ${account.data.name}`).waitFor();
    await screenshot(page, 'order-confirmation-preview');

    const outbox = await api.call<{ items: OutboxItem[] }>('/api/outbox?channel=email');
    const sent = outbox.body.items.filter((m) => m.subject === `Xác nhận đơn hàng ${CODE}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      recipient: customer.data.email,
      status: 'captured',
      attachments: [{ name: pdfName, contentType: 'application/pdf' }],
    });
    // The download link, fetched with the browser's own session.
    const href = await preview.getByRole('link', { name: `Tải xuống ${pdfName}` }).getAttribute('href');
    const file = await page.request.get(`${server.baseUrl}${href}`);
    expect(file.headers()['content-type']).toContain('application/pdf');
    const pdf = await file.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfPageTexts(pdf)).join('\n');
    expect(text).toContain(`Số đơn hàng: ${CODE} – Ngày đặt hàng: 20/11/2026`);
    expect(text).toContain(`Khách hàng: ${account.data.name}`);
    expect(text).toContain(`Người liên hệ: ${customer.data.name}`);
  });

  it('the salesperson has the care task for the order', async () => {
    const title = `Gọi chăm sóc ${account.data.name} sau đơn hàng ${CODE}`;
    await page.goto(`${server.baseUrl}/records/task?q=${encodeURIComponent(CODE)}`);
    const row = page.getByTestId('record-row').filter({ hasText: title });
    await reloadUntilVisible(page, row);
    await screenshot(page, 'order-confirmation-tasks');
    await row.click();
    const form = page.getByTestId('record-form');
    await expect(form.getByLabel('Tiêu đề').inputValue()).resolves.toBe(title);
    await expect(selectedText(form.getByLabel('Chủ sở hữu'))).resolves.toBe(salesperson.name);
    await screenshot(page, 'order-confirmation-task');

    const tasks = await api.call<{ items: Task[] }>(`/api/records/task?q=${encodeURIComponent(CODE)}`);
    expect(tasks.body.items).toHaveLength(1);
    expect(tasks.body.items[0]?.data).toMatchObject({
      owner_id: salesperson.id,
      task_type: 'care',
      priority: 'high',
    });
  });
});

/** The text of a select's chosen option, as the user reads it. */
async function selectedText(select: Locator): Promise<string> {
  return ((await select.locator('option:checked').textContent()) ?? '').trim();
}
