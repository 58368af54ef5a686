import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '../packages/engine/src/providers/http-receiver.testing.ts';
import { startSmtpCatcher } from '../packages/engine/src/providers/smtp-catcher.testing.ts';
import { verifyWebhookSignature } from '../packages/engine/src/providers/webhook-signature.ts';
import { type ApiClient, apiClient } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

type User = { id: string; name: string; active: boolean };
type Lead = { id: string; ownerId: string | null; data: { name: string } };

/** Polls `read` until `done` says its answer is the one waited for. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A new admin sets the organization up from Thiết lập alone: allows private addresses (the test's
 * mail server and receiver live on 127.0.0.1), adds the company's SMTP server and sends a test
 * through it, makes an allocation rule that hands new leads round, and adds a webhook endpoint
 * whose signed POSTs a receiver verifies.
 */
describe('Thiết lập: organization, providers and allocation rules, as an admin sets them up', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;

  beforeAll(async () => {
    smtp = await startSmtpCatcher({ user: 'crm@hoasen.vn', password: 'mật-khẩu-smtp' });
    receiver = await startHttpReceiver(() => ({ status: 200, body: { ok: true } }));
    ({ server, browser, page } = await openJourney());
    api = await apiClient(server.baseUrl);
  });
  afterAll(async () => {
    await closeJourney({ server, browser });
    await smtp?.close();
    await receiver?.close();
  });

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
    await screenshot(page, 'settings-admin-smtp-test');
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.envelopeTo).toEqual(['giamdoc@hoasen.vn']);
    expect(smtp.messages[0]?.mail.subject).toBe('Tin nhắn thử từ crmflow');
    expect(smtp.messages[0]?.mail.from?.text).toContain('cskh@hoasen.vn');
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();
  });

  it('an allocation rule made in the UI hands three new leads to three users in turn', async () => {
    const users = (await api.get<{ items: User[] }>('/api/users')).items.filter((u) => u.active);
    for (let n = users.length; n < 3; n += 1) {
      const res = await api.call<User>('/api/users', {
        method: 'POST',
        body: {
          name: `Nhân viên ${n + 1}`,
          email: `nv${n + 1}@hoasen.vn`,
          role: 'member',
          password: 'mat-khau-1',
        },
      });
      users.push(res.body);
    }
    const [first, second, third] = users.slice(0, 3);
    if (!first || !second || !third) throw new Error('three users were expected');
    await page.reload();
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
    await screenshot(page, 'settings-admin-rule-form');
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
            { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
            {
              id: 'n2',
              type: 'assign_owner',
              position: { x: 0, y: 120 },
              config: { name: 'Phân bổ', mode: 'rule', ruleId: rule?.id },
            },
          ],
          edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
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
      const lead = await until(
        () => api.get<Lead>(`/api/records/lead/${created.body.id}`),
        (read) => read.ownerId !== null && read.ownerId !== created.body.ownerId,
      );
      owners.push(lead.ownerId);
    }
    expect(owners).toEqual([first.id, second.id, third.id]);
  });

  it('a webhook endpoint made in the UI receives a signed POST the receiver verifies', async () => {
    await page.goto(`${server.baseUrl}/settings/providers`);
    await page.getByRole('button', { name: 'Webhook', exact: true }).click();
    await page.getByRole('button', { name: 'Thêm điểm nhận webhook' }).click();
    const form = page.getByTestId('provider-form');
    await form.getByLabel('Tên', { exact: true }).fill('ERP kho');
    await form.getByLabel('Địa chỉ nhận (URL)').fill(`${receiver.url}/erp/contacts`);
    // The demo organization's default endpoint only captures; flows that name none use this one now.
    await form.getByLabel('Dùng làm nhà cung cấp mặc định của loại này').check();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const secretBox = page.getByTestId('signing-secret');
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'settings-admin-webhook-secret');
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();

    const workflow = await api.call<{ id: string; validation?: unknown[] }>('/api/workflows', {
      method: 'POST',
      body: {
        module: 'contact',
        kind: 'event',
        name: 'Báo ERP khách hàng mới',
        graph: {
          nodes: [
            { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
            { id: 'n2', type: 'webhook', position: { x: 0, y: 120 }, config: { name: 'Báo ERP', url: '' } },
          ],
          edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
        },
      },
    });
    expect(workflow.body.validation ?? []).toEqual([]);
    expect((await api.call(`/api/workflows/${workflow.body.id}/activate`, { method: 'POST' })).status).toBe(
      200,
    );
    await api.call('/api/records/contact', { method: 'POST', body: { data: { name: 'Nguyễn Thị Lan' } } });

    const requests = await until(
      async () => receiver.requests.filter((r) => r.path === '/erp/contacts'),
      (found) => found.length > 0,
    );
    const [request] = requests;
    if (!request) throw new Error('the receiver got no POST');
    const signed = {
      timestamp: String(request.headers['x-crmflow-timestamp']),
      body: request.body,
      signature: String(request.headers['x-crmflow-signature']),
    };
    expect(verifyWebhookSignature({ secret, ...signed })).toBe(true);
    expect(JSON.parse(request.body).record.data.name).toBe('Nguyễn Thị Lan');
  });
});
