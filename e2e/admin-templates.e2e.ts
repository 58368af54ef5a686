import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../packages/engine/src/pdf/pdf-text.testing.ts';
import { startSmtpCatcher } from '../packages/engine/src/providers/smtp-catcher.testing.ts';
import { type ApiClient, apiClient, apiToken, type Credentials } from './support/api.ts';
import { launchBrowser, logIn, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

type Smtp = Awaited<ReturnType<typeof startSmtpCatcher>>;
type Template = { id: string; name: string };

const CUSTOMER = 'Nguyễn Thị Hồng Nhung';
const PRODUCTS = [
  { code: 'TRA-01', name: 'Trà sen Tây Hồ', price: 450000, quantity: 2 },
  { code: 'CF-02', name: 'Cà phê Buôn Ma Thuột', price: 180000, quantity: 3 },
];

async function until<T>(what: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const node = (id: string, type: string, config: object, y: number) => ({
  id,
  type,
  position: { x: 0, y },
  config,
});
const chain = (ids: string[]) =>
  ids.slice(1).map((target, index) => ({ id: `e${index}`, source: ids[index] ?? '', target }));

/**
 * An admin sets up a new organization from Thiết lập: an email template with merge fields in the
 * formatted editor, a print template with the product table and its PDF preview, a custom field.
 * Flows built on them then run for real: the order email reaches a real SMTP server with the
 * order slip as a PDF listing every product line, and a condition on the new field fires.
 */
describe('admin console: templates and custom fields a new organization sets up', {
  timeout: 120_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let smtp: Smtp;
  let api: ApiClient;
  let token = '';
  let contactId = '';
  let productIds: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    // The order slip goes as an attachment of the system email, the server's own relay: here the
    // SMTP server this test started.
    server = await startServer({
      CRMFLOW_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      CRMFLOW_SMTP_FROM: 'Hoa Sen <cskh@hoasen.vn>',
    });
    const admin: Credentials = { email: 'chu@hoasen.vn', password: 'matkhau-hoasen' };
    const signup = await fetch(`${server.baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organizationName: 'Công ty TNHH Hoa Sen', name: 'Lê Văn Chủ', ...admin }),
    });
    expect(signup.status).toBe(201);
    token = await apiToken(server.baseUrl, admin);
    api = await apiClient(server.baseUrl, admin);
    const contact = await api.call<{ id: string }>('/api/records/contact', {
      method: 'POST',
      body: { data: { name: CUSTOMER, email: 'nhung@khach.vn' } },
    });
    contactId = contact.body.id;
    productIds = [];
    for (const product of PRODUCTS) {
      const created = await api.call<{ id: string }>('/api/records/product', {
        method: 'POST',
        body: { data: { code: product.code, name: product.name, price: product.price } },
      });
      productIds.push(created.body.id);
    }
    await createOrder('ĐH-0001');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    page.setDefaultTimeout(20_000);
    await logIn(page, server.baseUrl, admin.email, admin.password);
    await page.waitForURL(/\/workflows/);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  async function createOrder(code: string) {
    const res = await api.call<{ id: string }>('/api/records/order', {
      method: 'POST',
      body: {
        data: {
          code,
          contact_id: contactId,
          lines: PRODUCTS.map((product, index) => ({
            product_id: productIds[index],
            quantity: product.quantity,
            price: product.price,
          })),
        },
      },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function templateNamed(path: string, name: string): Promise<Template> {
    const list = await api.get<{ items: Template[] }>(path);
    const found = list.items.find((item) => item.name === name);
    if (!found) throw new Error(`${name} not saved`);
    return found;
  }

  it('creates an email template with merge fields, previewed on an order', async () => {
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByRole('link', { name: 'Mẫu tin nhắn' }).click();
    await page.getByRole('button', { name: 'Thêm mẫu' }).click();
    const form = page.getByRole('form', { name: 'Mẫu mới' });
    await form.getByLabel('Tên mẫu').fill('Xác nhận đơn hàng');
    const subject = form.getByLabel('Tiêu đề', { exact: true });
    await subject.click();
    await page.keyboard.type('Xác nhận đơn hàng #co');
    await page.getByRole('option', { name: /#code/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect(subject.inputValue()).resolves.toBe('Xác nhận đơn hàng #code');

    const body = form.getByRole('textbox', { name: 'Nội dung', exact: true });
    await body.click();
    await page.keyboard.type('Kính gửi #contact_id.na');
    await page.getByRole('option', { name: /#contact_id\.name/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type(', cảm ơn Quý khách đã đặt hàng.');
    await page.getByRole('button', { name: 'In đậm' }).click();
    await page.keyboard.type('Trân trọng');

    // The preview fills the draft for the order the picker chose, in a sandboxed frame.
    const preview = page.getByRole('region', { name: 'Email xem trước' });
    await expect(
      preview.getByTestId('email-preview-subject').textContent({ timeout: 15_000 }),
    ).resolves.toContain('Xác nhận đơn hàng ĐH-0001');
    const frame = page.frameLocator('iframe[title="Email xem trước"]');
    await frame.getByText(`Kính gửi ${CUSTOMER}, cảm ơn Quý khách đã đặt hàng.`).waitFor();
    await expect(frame.locator('strong').textContent()).resolves.toBe('Trân trọng');
    await expect(page.locator('iframe[title="Email xem trước"]').getAttribute('sandbox')).resolves.toBe('');
    await screenshot(page, 'admin-email-template');

    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    const saved = await api.get<{ items: { name: string; subject: string; body: string }[] }>(
      '/api/email-templates',
    );
    expect(saved.items).toEqual([
      expect.objectContaining({
        name: 'Xác nhận đơn hàng',
        subject: 'Xác nhận đơn hàng #code',
        body: expect.stringContaining(
          '<p>Kính gửi #contact_id.name, cảm ơn Quý khách đã đặt hàng.<strong>Trân trọng</strong></p>',
        ),
      }),
    ]);
  });

  it('refuses a template with an unknown merge field, naming the field', async () => {
    await page.getByRole('button', { name: 'Thêm mẫu' }).click();
    const form = page.getByRole('form', { name: 'Mẫu mới' });
    await form.getByLabel('Tên mẫu').fill('Mẫu lỗi');
    const subject = form.getByLabel('Tiêu đề', { exact: true });
    await subject.fill('Đơn #khong_co');
    await form.getByRole('textbox', { name: 'Nội dung', exact: true }).click();
    await page.keyboard.type('Nội dung');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.locator('.field__error').filter({ hasText: '#khong_co' }).waitFor();
    await expect(subject.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'admin-email-template-error');
    const names = (await api.get<{ items: Template[] }>('/api/email-templates')).items.map(
      (item) => item.name,
    );
    expect(names).toEqual(['Xác nhận đơn hàng']);
  });

  it('creates a print template with the product table and sees its PDF rendered by the server', async () => {
    await page.getByRole('link', { name: 'Mẫu in' }).click();
    await page.getByRole('button', { name: 'Thêm mẫu' }).click();
    const form = page.getByRole('form', { name: 'Mẫu mới' });
    await form.getByLabel('Tên mẫu').fill('Phiếu giao hàng');
    await form
      .getByLabel('Nội dung mẫu in (HTML)')
      .fill('<h1>PHIẾU GIAO HÀNG #code</h1>\n<p>Khách hàng: #contact_id.name</p>\n');
    await form.getByRole('button', { name: 'Chèn bảng hàng hóa' }).click();
    await expect(form.getByLabel('Nội dung mẫu in (HTML)').inputValue()).resolves.toContain(
      '<tr data-each="lines">',
    );
    const rendered = page.waitForResponse((res) => res.url().endsWith('/api/print-templates/preview'));
    await page.getByRole('button', { name: 'Xem PDF' }).click();
    const answer = await rendered;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    await expect(page.locator('iframe[title="PDF xem trước"]').getAttribute('src')).resolves.toMatch(
      /^blob:/,
    );
    await screenshot(page, 'admin-print-template');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();

    // The file the preview showed, as the server renders the saved template for the first order.
    const print = await templateNamed('/api/print-templates', 'Phiếu giao hàng');
    const orders = await api.get<{ items: { id: string }[] }>('/api/records/order');
    const pdf = await fetch(`${server.baseUrl}/api/print-templates/${print.id}/render`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ recordId: orders.items[0]?.id, format: 'pdf' }),
    });
    const text = (await pdfPageTexts(Buffer.from(await pdf.arrayBuffer()))).join('\n');
    expect(text).toContain('PHIẾU GIAO HÀNG ĐH-0001');
    for (const product of PRODUCTS) expect(text).toContain(product.name);
  });

  it('sends the order email with the order slip PDF listing every product line to the SMTP server', async () => {
    const email = await templateNamed('/api/email-templates', 'Xác nhận đơn hàng');
    const print = await templateNamed('/api/print-templates', 'Phiếu giao hàng');
    const created = await api.call<{ id: string }>('/api/workflows', {
      method: 'POST',
      body: {
        module: 'order',
        kind: 'event',
        name: 'Gửi xác nhận đơn hàng',
        graph: {
          nodes: [
            node('n1', 'trigger', { on: 'create' }, 0),
            node(
              'n2',
              'send_email',
              {
                name: 'Gửi xác nhận',
                provider: 'system',
                to: { fields: ['contact_id.email'], users: [] },
                templateId: email.id,
                subject: '',
                body: '',
                attachment: { printTemplateId: print.id, format: 'pdf' },
              },
              120,
            ),
          ],
          edges: chain(['n1', 'n2']),
        },
      },
    });
    expect(created.status).toBe(201);
    const activated = await api.call(`/api/workflows/${created.body.id}/activate`, { method: 'POST' });
    expect(activated.status).toBe(200);

    await createOrder('ĐH-0002');
    const caught = await until(async () =>
      smtp.messages.find((message) => message.mail.subject === 'Xác nhận đơn hàng ĐH-0002'),
    );
    expect(caught.envelopeTo).toEqual(['nhung@khach.vn']);
    expect(caught.mail.html).toContain(`Kính gửi ${CUSTOMER}`);
    const [pdf] = caught.mail.attachments;
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.filename).toBe('Phiếu giao hàng - ĐH-0002.pdf');
    const text = (await pdfPageTexts(pdf?.content ?? Buffer.alloc(0))).join('\n');
    expect(text).toContain('PHIẾU GIAO HÀNG ĐH-0002');
    expect(text).toContain(`Khách hàng: ${CUSTOMER}`);
    for (const product of PRODUCTS) expect(text).toContain(product.name);
    expect(text).toContain('900.000 ₫');
    expect(text).toContain('540.000 ₫');
  });

  it('adds a custom field in the UI that a condition then uses to fire a flow', async () => {
    await page.goto(`${server.baseUrl}/settings/fields/contact`);
    await page.getByRole('button', { name: 'Thêm trường' }).click();
    const form = page.getByRole('form', { name: 'Thêm trường' });
    await form.getByLabel('Tên tiếng Việt').fill('Hạng thành viên');
    await form.getByLabel('Tên tiếng Anh').fill('Membership tier');
    await expect(form.getByLabel('Mã trường').inputValue()).resolves.toBe('hang_thanh_vien');
    await form.getByLabel('Kiểu dữ liệu').selectOption({ label: 'Danh sách chọn' });
    for (const [vi, en] of [
      ['Vàng', 'Gold'],
      ['Bạc', 'Silver'],
    ] as const) {
      await form.getByRole('button', { name: 'Thêm lựa chọn' }).click();
      const row = form.locator('.field-form__option').last();
      await row.getByPlaceholder('Nhãn tiếng Việt').fill(vi);
      await row.getByPlaceholder('Nhãn tiếng Anh').fill(en);
    }
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('fields-table').getByText('Hạng thành viên').waitFor();
    await screenshot(page, 'admin-custom-fields');

    // At once in the record form.
    await page.goto(`${server.baseUrl}/records/contact/new`);
    await page.getByLabel('Hạng thành viên').waitFor();

    const created = await api.call<{ id: string }>('/api/workflows', {
      method: 'POST',
      body: {
        module: 'contact',
        kind: 'event',
        name: 'Khách hạng vàng',
        graph: {
          nodes: [
            node('n1', 'trigger', { on: 'create' }, 0),
            node(
              'n2',
              'condition',
              {
                mode: 'criteria',
                logic: 'and',
                rules: [{ field: 'hang_thanh_vien', op: 'eq', value: 'vang' }],
              },
              120,
            ),
            node(
              'n3',
              'update_fields',
              { name: 'Ghi chức danh', values: [{ field: 'title', value: 'Khách hạng vàng' }] },
              240,
            ),
          ],
          edges: [
            { id: 'e1', source: 'n1', target: 'n2' },
            { id: 'e2', source: 'n2', target: 'n3', sourceHandle: 'true' },
          ],
        },
      },
    });
    expect(created.status).toBe(201);
    // The editor shows the condition on the new field by its label.
    await page.goto(`${server.baseUrl}/workflows/${created.body.id}`);
    await page
      .getByText(/Hạng thành viên/)
      .first()
      .waitFor();
    expect((await api.call(`/api/workflows/${created.body.id}/activate`, { method: 'POST' })).status).toBe(
      200,
    );

    const gold = await api.call<{ id: string }>('/api/records/contact', {
      method: 'POST',
      body: { data: { name: 'Phạm Minh Vàng', hang_thanh_vien: 'vang' } },
    });
    const silver = await api.call<{ id: string }>('/api/records/contact', {
      method: 'POST',
      body: { data: { name: 'Trần Thu Bạc', hang_thanh_vien: 'bac' } },
    });
    const titleOf = async (id: string) =>
      (await api.get<{ data: { title?: string } }>(`/api/records/contact/${id}`)).data.title;
    await until(async () => ((await titleOf(gold.body.id)) === 'Khách hạng vàng' ? true : undefined));
    // The condition holds for the gold member only: one run, for that contact.
    const runs = await api.get<{ items: { status: string; recordId: string }[] }>(
      `/api/runs?workflowId=${created.body.id}`,
    );
    expect(runs.items.map((run) => [run.recordId, run.status])).toEqual([[gold.body.id, 'succeeded']]);
    expect(await titleOf(silver.body.id)).toBeUndefined();
  });
});
