import { organizations, outbox } from '@crmflow/db';
import { verifyWebhookSignature } from '@crmflow/engine';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startHttpReceiver } from '../../../../../packages/engine/src/providers/http-receiver.testing.ts';
import { startSmtpCatcher } from '../../../../../packages/engine/src/providers/smtp-catcher.testing.ts';
import { type Harness, startHarness } from '../../test/harness.ts';

const SMTP_PASSWORD = 'mật-khẩu-đúng';
const WEBHOOK_SECRET = 'khoa-ky-webhook-0123456789';

describe('POST /api/providers/:id/test', () => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;

  beforeAll(async () => {
    h = await startHarness();
    smtp = await startSmtpCatcher({ user: 'crm', password: SMTP_PASSWORD });
    receiver = await startHttpReceiver(() => ({ status: 200, body: { ok: true } }));
  });
  afterAll(async () => {
    await smtp.close();
    await receiver.close();
    await h.close();
  });

  const create = async (payload: object) => {
    const res = await h.app.inject({ method: 'POST', url: '/api/providers', headers: h.headers, payload });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const test = (id: string, payload: object, locale = 'vi') =>
    h.app.inject({
      method: 'POST',
      url: `/api/providers/${id}/test`,
      headers: { ...h.headers, 'accept-language': locale },
      payload,
    });
  const outboxRow = async (id: string) => {
    const [row] = await h.database.db.select().from(outbox).where(eq(outbox.id, id));
    return row;
  };

  it('sends through a real SMTP server, then keeps the password when an edit leaves secrets out', async () => {
    const id = await create({
      kind: 'email',
      adapter: 'smtp',
      name: 'SMTP nội bộ',
      config: {
        host: '127.0.0.1',
        port: smtp.port,
        user: 'crm',
        fromAddress: 'cskh@example.vn',
        timeoutMs: 5000,
      },
      secrets: { password: SMTP_PASSWORD },
    });
    const first = await test(id, { to: 'nhung@example.vn' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'sent', code: null, error: null });
    expect(smtp.messages.at(-1)?.mail.subject).toBe('Tin nhắn thử từ crmflow');
    expect(smtp.messages.at(-1)?.envelopeTo).toEqual(['nhung@example.vn']);
    expect(await outboxRow(first.json().outboxId)).toMatchObject({
      channel: 'email',
      status: 'sent',
      providerId: id,
      recipient: 'nhung@example.vn',
    });

    await h.app.inject({
      method: 'PATCH',
      url: `/api/providers/${id}`,
      headers: h.headers,
      payload: { name: 'SMTP chính' },
    });
    const kept = await test(id, { to: 'hoa@example.vn' }, 'en');
    expect(kept.json().status).toBe('sent');
    expect(smtp.messages.at(-1)?.mail.subject).toBe('Test message from crmflow');

    await h.app.inject({
      method: 'PATCH',
      url: `/api/providers/${id}`,
      headers: h.headers,
      payload: { secrets: { password: 'sai-mat-khau' } },
    });
    const replaced = await test(id, { to: 'hoa@example.vn' });
    expect(replaced.json()).toMatchObject({ status: 'failed', code: 'auth' });
    expect((await outboxRow(replaced.json().outboxId))?.status).toBe('failed');
  });

  it('records a capture provider’s test as captured, to the number normalised', async () => {
    const id = await create({ kind: 'sms', adapter: 'capture', name: 'SMS ghi lại' });
    const res = await test(id, { to: '0912 345 678' });
    expect(res.json()).toMatchObject({ status: 'captured' });
    expect(await outboxRow(res.json().outboxId)).toMatchObject({
      channel: 'sms',
      status: 'captured',
      recipient: '+84912345678',
      body: 'Tin nhắn thử từ crmflow',
    });
  });

  it.each([
    ['email', 'không-phải-email', 'Địa chỉ email không hợp lệ'],
    ['sms', '0281234567', 'Số máy bàn không nhận được tin nhắn'],
    ['webhook', 'ftp://example.vn/hook', 'Địa chỉ http(s) không hợp lệ'],
  ])('refuses a %s test to %s with 400 naming `to`', async (kind, to, message) => {
    const id = await create({ kind, adapter: 'capture', name: `Thử ${kind}` });
    const res = await test(id, { to });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'to', message }]);
  });

  it('signs a webhook test, and refuses a private address until the organization allows it', async () => {
    // What the organization allows decides here, not the test suites' server-wide switch.
    vi.stubEnv('CRMFLOW_ALLOW_PRIVATE_NETWORK', 'off');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const id = await create({
      kind: 'webhook',
      adapter: 'http',
      name: 'ERP',
      secrets: { secret: WEBHOOK_SECRET },
    });
    const url = `${receiver.url}/hooks/crm`;
    const refused = await test(id, { to: url });
    expect(refused.json()).toMatchObject({ status: 'failed', code: 'private_address' });
    expect(receiver.requests).toHaveLength(0);

    await h.database.db
      .update(organizations)
      .set({ settings: { allowPrivateNetwork: true } })
      .where(eq(organizations.id, h.org.id));
    const sent = await test(id, { to: url });
    expect(sent.json().status).toBe('sent');
    const [request] = receiver.requests;
    expect(request?.path).toBe('/hooks/crm');
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      event: 'test',
      message: 'Tin nhắn thử từ crmflow',
    });
    const header = (name: string) => String(request?.headers[name] ?? '');
    const signed = {
      timestamp: header('x-crmflow-timestamp'),
      body: request?.body ?? '',
      signature: header('x-crmflow-signature'),
    };
    expect(verifyWebhookSignature({ secret: WEBHOOK_SECRET, ...signed })).toBe(true);
    expect(verifyWebhookSignature({ secret: 'another-secret-0123456789', ...signed })).toBe(false);
  });

  it('asks for the approved template id before testing ZNS', async () => {
    const id = await create({ kind: 'zns', adapter: 'capture', name: 'ZNS ghi lại' });
    const missing = await test(id, { to: '0912345678' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('templateId');
    const res = await test(id, {
      to: '0912345678',
      templateId: '248123',
      params: { customer_name: 'Nhung' },
    });
    expect(res.json().status).toBe('captured');
  });
});
