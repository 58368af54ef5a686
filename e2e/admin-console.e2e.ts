import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '../packages/engine/src/providers/http-receiver.testing.ts';
import { startSmtpCatcher } from '../packages/engine/src/providers/smtp-catcher.testing.ts';
import { verifyWebhookSignature } from '../packages/engine/src/providers/webhook-signature.ts';
import { startWorkApp } from '../packages/engine/src/providers/work-app.testing.ts';
import {
  CUSTOMER,
  chain,
  type Fixtures,
  node,
  PRODUCTS,
  pdfText,
  prepareOrganization,
  until,
} from './support/admin-console.ts';

import { launchBrowser, logIn, pickReference, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

type Template = { id: string; name: string };
type User = { id: string; name: string; active: boolean };
type Lead = { id: string; ownerId: string | null };

/**
 * A new organization's admin sets everything up from Thiết lập and the editor, on one server:
 * allows private addresses (the test's mail server, receivers and work app live on 127.0.0.1),
 * adds the company's SMTP server and tries it, writes an email template with merge fields and a
 * print template with the product table, and builds in the editor the order flow that uses them:
 * an order entered in the records area is mailed through that server with its slip as a PDF. Then
 * an allocation rule, a webhook endpoint, a work app and a custom field, each made in the UI, do
 * their work for real; and Thiết lập fits a phone.
 */
describe('admin console: a new organization set up from Thiết lập', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: Fixtures['api'];
  let fixtures: Fixtures;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  let workApp: Awaited<ReturnType<typeof startWorkApp>>;

  beforeAll(async () => {
    smtp = await startSmtpCatcher({ user: 'crm@hoasen.vn', password: 'mật-khẩu-smtp' });
    receiver = await startHttpReceiver(() => ({ status: 200, body: { ok: true } }));
    workApp = await startWorkApp({ credentials: { apiKey: 'khoa-amis', apiSecret: 'bi-mat-amis' } });
    // No CRMFLOW_SMTP_URL: every email of this journey goes through the provider made in the UI.
    server = await startServer();
    fixtures = await prepareOrganization(server.baseUrl);
    api = fixtures.api;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    page.setDefaultTimeout(20_000);
    await logIn(page, server.baseUrl, fixtures.admin.email, fixtures.admin.password);
    await page.waitForURL(/\/workflows/);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    await receiver?.close();
    await workApp?.close();
  });

  async function templateNamed(path: string, name: string): Promise<Template> {
    const list = await api.get<{ items: Template[] }>(path);
    const found = list.items.find((item) => item.name === name);
    if (!found) throw new Error(`${name} not saved`);
    return found;
  }

  it('allows private network addresses in Tổ chức, with a warning', async () => {
    await page.goto(`${server.baseUrl}/settings/organization`);
    const allow = page.getByLabel('Cho phép gọi tới địa chỉ mạng nội bộ');
    await allow.check();
    await expect.poll(() => page.locator('.alert--warning').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu thiết lập tổ chức.').waitFor();
    const saved = await api.get<{ allowPrivateNetwork: boolean }>('/api/organization');
    expect(saved.allowPrivateNetwork).toBe(true);
  });

  it('adds an SMTP server and its "Gửi thử" reaches the server', async () => {
    await page.goto(`${server.baseUrl}/settings/providers`);
    await page.getByRole('button', { name: 'Thêm máy chủ email' }).click();
    const form = page.getByTestId('provider-form');
    await form.getByLabel('Tên', { exact: true }).fill('Máy chủ thư Hoa Sen');
    await form.getByLabel('Máy chủ SMTP', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Cổng', { exact: true }).fill(String(smtp.port));
    await form.getByLabel(/Tên đăng nhập/).fill('crm@hoasen.vn');
    await form.getByLabel(/Tên người gửi/).fill('Hoa Sen CSKH');
    await form.getByLabel('Địa chỉ gửi').fill('cskh@hoasen.vn');
    await form.getByLabel('Mật khẩu').fill('mật-khẩu-smtp');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu nhà cung cấp.').waitFor();
    // Saved: the password is write-only now.
    await expect.poll(() => form.getByText('Đã lưu', { exact: true }).count()).toBe(1);

    await page.getByLabel('Gửi tới địa chỉ email').fill('giamdoc@hoasen.vn');
    await page.getByRole('button', { name: 'Gửi thử', exact: true }).click();
    const result = page.getByTestId('test-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Nhà cung cấp đã nhận tin thử.');
    await screenshot(page, 'admin-console-smtp-test');
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.envelopeTo).toEqual(['giamdoc@hoasen.vn']);
    expect(smtp.messages[0]?.mail.subject).toBe('Tin nhắn thử từ crmflow');
    expect(smtp.messages[0]?.mail.from?.text).toContain('cskh@hoasen.vn');
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();
  });

  it('creates an email template with merge fields, previewed on an order', async () => {
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
    await screenshot(page, 'admin-console-email-template');

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
    await screenshot(page, 'admin-console-email-template-error');
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
    const previewed = page.waitForResponse((res) => res.url().endsWith('/api/print-templates/preview'));
    await page.getByRole('button', { name: 'Xem PDF' }).click();
    const answer = await previewed;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    await expect(page.locator('iframe[title="PDF xem trước"]').getAttribute('src')).resolves.toMatch(
      /^blob:/,
    );
    await screenshot(page, 'admin-console-print-template');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();

    // The file the preview showed, as the server renders the saved template for the first order.
    const print = await templateNamed('/api/print-templates', 'Phiếu giao hàng');
    const rendered = await api.file(`/api/print-templates/${print.id}/render`, {
      recordId: fixtures.firstOrderId,
      format: 'pdf',
    });
    const text = await pdfText(rendered);
    expect(text).toContain('PHIẾU GIAO HÀNG ĐH-0001');
    for (const product of PRODUCTS) expect(text).toContain(product.name);
  });

  it('builds the order flow in the editor: on a new order, email through that server with the slip as PDF', async () => {
    await page.goto(`${server.baseUrl}/workflows/new?kind=event`);
    await page.getByLabel('Phân hệ').selectOption('order');
    await page.getByLabel('Tên quy trình').fill('Gửi xác nhận đơn hàng');
    await page.getByRole('button', { name: 'Tiếp theo' }).click();
    await page.getByTestId('workflow-editor').waitFor();
    const workflowId = page.url().split('/').pop() ?? '';
    expect(workflowId).toMatch(/^[0-9a-f-]{36}$/);

    const inspector = page.getByTestId('node-inspector');
    const trigger = page.locator('.react-flow__node', { has: page.locator('[data-node-type="trigger"]') });
    const email = page.locator('.react-flow__node', { has: page.locator('[data-node-type="send_email"]') });
    await trigger.click();
    await inspector.getByRole('radio', { name: 'Thêm', exact: true }).check();
    await trigger.getByRole('button', { name: /^Thêm bước sau/ }).click();
    await page.getByTestId('node-picker').locator('[data-node-type="send_email"]').click();
    await email.click();
    await inspector.getByLabel('Gửi từ').selectOption({ label: 'Máy chủ thư Hoa Sen' });
    await inspector.getByLabel('Liên hệ › Email', { exact: true }).check();
    await inspector.getByLabel('Mẫu email').selectOption({ label: 'Xác nhận đơn hàng' });
    await inspector.getByLabel('Đính kèm tệp in').check();
    await inspector.getByLabel('Mẫu in').selectOption({ label: 'Phiếu giao hàng' });
    await expect(inspector.getByLabel('PDF', { exact: true }).isChecked()).resolves.toBe(true);
    // Live validation has nothing left to say: the step is complete and "Kích hoạt" is offered.
    await expect.poll(() => page.getByTestId('editor-activate').isEnabled()).toBe(true);
    await screenshot(page, 'admin-console-order-flow');

    await page.getByTestId('editor-save').click();
    await page.getByText('Đã lưu quy trình.').waitFor();
    await page.getByTestId('editor-activate').click();
    await page.getByText('Đã kích hoạt quy trình.').waitFor();
    await expect(page.getByTestId('workflow-status').textContent()).resolves.toBe('Đang kích hoạt');

    const emailTemplate = await templateNamed('/api/email-templates', 'Xác nhận đơn hàng');
    const print = await templateNamed('/api/print-templates', 'Phiếu giao hàng');
    const smtpProvider = await templateNamed('/api/providers?kind=email', 'Máy chủ thư Hoa Sen');
    const saved = await api.get(`/api/workflows/${workflowId}`);
    expect(saved).toMatchObject({
      status: 'active',
      module: 'order',
      graph: {
        nodes: [
          { type: 'trigger', config: { on: 'create' } },
          {
            type: 'send_email',
            config: {
              provider: smtpProvider.id,
              to: { fields: ['contact_id.email'] },
              templateId: emailTemplate.id,
              attachment: { printTemplateId: print.id, format: 'pdf' },
            },
          },
        ],
        edges: [{ source: 'n1', target: 'n2' }],
      },
    });
  });

  it('an order entered in the records area is mailed, the PDF listing every product line', async () => {
    await page.goto(`${server.baseUrl}/records/order/new`);
    const form = page.getByTestId('record-form');
    await form.getByLabel('Số đơn hàng').fill('ĐH-0002');
    await pickReference(page, form.getByLabel('Liên hệ', { exact: true }), CUSTOMER);
    for (const [index, product] of PRODUCTS.entries()) {
      await form.getByRole('button', { name: 'Thêm dòng' }).click();
      await pickReference(page, form.getByLabel(`Dòng ${index + 1}: Hàng hóa`), product.name);
      await form.getByLabel(`Dòng ${index + 1}: Số lượng`).fill(String(product.quantity));
    }
    await page.getByTestId('record-save').click();
    await page.getByText('Đã tạo bản ghi.').waitFor();

    const caught = await until(async () =>
      smtp.messages.find((message) => message.mail.subject === 'Xác nhận đơn hàng ĐH-0002'),
    );
    expect(caught.envelopeTo).toEqual(['nhung@khach.vn']);
    expect(caught.mail.from?.text).toContain('cskh@hoasen.vn');
    expect(caught.mail.html).toContain(`Kính gửi ${CUSTOMER}`);
    const [pdf] = caught.mail.attachments;
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.filename).toBe('Phiếu giao hàng - ĐH-0002.pdf');
    const text = await pdfText(pdf?.content ?? Buffer.alloc(0));
    expect(text).toContain('PHIẾU GIAO HÀNG ĐH-0002');
    expect(text).toContain(`Khách hàng: ${CUSTOMER}`);
    for (const product of PRODUCTS) {
      const line = text.split('\n').find((row) => row.includes(product.name));
      expect(line).toBeDefined();
      expect(line).toContain(String(product.quantity));
      expect(line).toContain(product.amountText);
    }
  });

  it('an allocation rule made in the UI hands three new leads to three users in turn', async () => {
    // Three salespeople besides the admin, who creates the leads (and so owns them at first).
    const users: User[] = [];
    for (const [n, name] of ['Trần Thu Hà', 'Phạm Quốc Bảo', 'Đỗ Mỹ Linh'].entries()) {
      const res = await api.call<User>('/api/users', {
        method: 'POST',
        body: { name, email: `nv${n + 1}@hoasen.vn`, role: 'member', password: 'mat-khau-1' },
      });
      expect(res.status).toBe(201);
      users.push(res.body);
    }
    const [first, second, third] = users;
    if (!first || !second || !third) throw new Error('three users were expected');
    await page.goto(`${server.baseUrl}/settings/allocation-rules`);
    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    const form = page.getByTestId('rule-form');
    await form.getByLabel('Tên quy tắc').fill('Chia đều tiềm năng mới');
    await form.getByLabel('Phân hệ').selectOption('lead');
    for (const user of [second, third, first]) {
      await form.getByLabel('Thêm người dùng…').selectOption(user.id);
    }
    // The order wanted is first, second, third: move the first user up twice, by keyboard.
    const up = form.getByRole('button', { name: `Đưa ${first.name} lên` });
    await up.focus();
    await page.keyboard.press('Enter');
    await up.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => form.getByTestId('rule-users').locator('.ordered-users__name').allTextContents())
      .toEqual([first.name, second.name, third.name]);
    await screenshot(page, 'admin-console-rule-form');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByTestId('rule-row').filter({ hasText: 'Chia đều tiềm năng mới' }).waitFor();

    const rules = await api.get<{ items: { id: string; name: string; userIds: string[] }[] }>(
      '/api/allocation-rules?module=lead',
    );
    const rule = rules.items.find((r) => r.name === 'Chia đều tiềm năng mới');
    expect(rule?.userIds).toEqual([first.id, second.id, third.id]);
    const workflow = await api.call<{ id: string }>('/api/workflows', {
      method: 'POST',
      body: {
        module: 'lead',
        kind: 'event',
        name: 'Phân bổ tiềm năng mới',
        graph: {
          nodes: [
            node('n1', 'trigger', { on: 'create' }, 0),
            node('n2', 'assign_owner', { name: 'Phân bổ', mode: 'rule', ruleId: rule?.id }, 120),
          ],
          edges: chain(['n1', 'n2']),
        },
      },
    });
    expect((await api.call(`/api/workflows/${workflow.body.id}/activate`, { method: 'POST' })).status).toBe(
      200,
    );

    const owners: (string | null)[] = [];
    for (const name of ['Chị Mai', 'Anh Tuấn', 'Cô Hương']) {
      const created = await api.call<Lead>('/api/records/lead', { method: 'POST', body: { data: { name } } });
      expect(created.status).toBe(201);
      // One at a time, so the order of the leads is the order of the hand-overs.
      const lead = await until(async () => {
        const read = await api.get<Lead>(`/api/records/lead/${created.body.id}`);
        return read.ownerId !== null && read.ownerId !== created.body.ownerId ? read : undefined;
      }, 30_000);
      owners.push(lead.ownerId);
    }
    expect(owners).toEqual([first.id, second.id, third.id]);
  });

  it('a webhook endpoint made in the UI receives a signed POST the test verifies', async () => {
    await page.goto(`${server.baseUrl}/settings/providers`);
    await page.getByRole('button', { name: 'Webhook', exact: true }).click();
    await page.getByRole('button', { name: 'Thêm điểm nhận webhook' }).click();
    const form = page.getByTestId('provider-form');
    await form.getByLabel('Tên', { exact: true }).fill('ERP kho');
    await form.getByLabel('Địa chỉ nhận (URL)').fill(`${receiver.url}/erp/contacts`);
    await form.getByLabel('Dùng làm nhà cung cấp mặc định của loại này').check();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const secretBox = page.getByTestId('signing-secret');
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'admin-console-webhook-secret');
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();

    const workflow = await api.call<{ id: string; validation?: unknown[] }>('/api/workflows', {
      method: 'POST',
      body: {
        module: 'contact',
        kind: 'event',
        name: 'Báo ERP khách hàng mới',
        graph: {
          nodes: [
            node('n1', 'trigger', { on: 'create' }, 0),
            node('n2', 'webhook', { name: 'Báo ERP', url: '' }, 120),
          ],
          edges: chain(['n1', 'n2']),
        },
      },
    });
    expect(workflow.body.validation ?? []).toEqual([]);
    expect((await api.call(`/api/workflows/${workflow.body.id}/activate`, { method: 'POST' })).status).toBe(
      200,
    );
    await api.call('/api/records/contact', { method: 'POST', body: { data: { name: 'Nguyễn Thị Lan' } } });

    const request = await until(
      async () => receiver.requests.find((r) => r.path === '/erp/contacts'),
      30_000,
    );
    const signed = {
      timestamp: String(request.headers['x-crmflow-timestamp']),
      body: request.body,
      signature: String(request.headers['x-crmflow-signature']),
    };
    expect(verifyWebhookSignature({ secret, ...signed })).toBe(true);
    expect(JSON.parse(request.body).record.data.name).toBe('Nguyễn Thị Lan');
  });

  it('a work app made in the UI answers "Gửi thử" with its projects and their groups', async () => {
    await page.getByRole('button', { name: 'Ứng dụng công việc', exact: true }).click();
    await page.getByRole('button', { name: 'Thêm ứng dụng công việc' }).click();
    const form = page.getByTestId('provider-form');
    await form.getByLabel('Tên', { exact: true }).fill('AMIS Công việc');
    await form.getByLabel('Địa chỉ cổng (URL)').fill(workApp.url);
    await form.getByLabel('API key').fill('khoa-amis');
    await form.getByLabel('API secret').fill('bi-mat-amis');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu nhà cung cấp.').waitFor();
    await page.getByRole('button', { name: 'Gửi thử', exact: true }).click();
    const result = page.getByTestId('test-result');
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Kết nối được. Ứng dụng có 2 dự án:');
    expect(text).toContain('Kinh doanh');
    expect(text).toContain('Chăm sóc khách hàng');
    expect(text).toContain('Nhóm: Việc cần làm, Đang làm');
    await screenshot(page, 'admin-console-work-app-test');
    // Signed with the keys saved in the form: the app would have refused anything else.
    expect(workApp.requests.map((r) => r.path)).toEqual([
      '/projects',
      '/projects/p-kd/groups',
      '/projects/p-cskh/groups',
    ]);
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();
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
    await screenshot(page, 'admin-console-custom-fields');

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

  it.each([
    { locale: 'vi', width: 390, current: 'Nhà cung cấp', last: 'Trường tùy chỉnh' },
    { locale: 'en', width: 390, current: 'Providers', last: 'Custom fields' },
    { locale: 'en', width: 1440, current: 'Providers', last: 'Custom fields' },
  ])(
    'Thiết lập’s areas all show, without sideways scrolling, in $locale at $width px',
    async ({ locale, width, current, last }) => {
      await page.setViewportSize({ width, height: 844 });
      await page.evaluate(`localStorage.setItem('crmflow.locale', '${locale}')`);
      await page.goto(`${server.baseUrl}/settings/providers`);
      const nav = page.getByRole('navigation', {
        name: locale === 'vi' ? 'Các mục thiết lập' : 'Settings sections',
      });
      await nav.getByRole('link', { name: current }).waitFor();
      await expect(nav.getByRole('link', { name: current }).getAttribute('aria-current')).resolves.toBe(
        'page',
      );
      const lastBox = await nav.getByRole('link', { name: last }).boundingBox();
      expect((lastBox?.x ?? width) + (lastBox?.width ?? 0)).toBeLessThanOrEqual(width);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `admin-console-settings-${locale}-${width}`);
    },
  );
});
