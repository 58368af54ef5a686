import { outbox } from '@crmflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

describe('outbox API', () => {
  let h: Harness;
  let emailId: string;
  const pdf = Buffer.from('%PDF-1.7 phiếu xác nhận đơn hàng');
  beforeAll(async () => {
    h = await startHarness();
    const base = Date.parse('2026-06-01T01:00:00Z');
    const rows = await h.database.db
      .insert(outbox)
      .values([
        {
          orgId: h.org.id,
          channel: 'email',
          idempotencyKey: 'run-1:email:an@example.vn',
          recipient: 'an@example.vn',
          subject: 'Xác nhận đơn hàng DH-0001',
          body: '<p>Kính gửi anh An</p>',
          status: 'captured',
          attempts: 1,
          attachments: [
            { name: 'Phiếu xác nhận đơn hàng.pdf', contentType: 'application/pdf', size: pdf.length },
          ],
          payload: { from: 'no-reply@demo.vn', attachmentData: [pdf.toString('base64')] },
          createdAt: new Date(base),
          sentAt: new Date(base),
        },
        {
          orgId: h.org.id,
          channel: 'sms',
          idempotencyKey: 'run-2:sms:+84912345678',
          recipient: '+84912345678',
          body: 'Chúc mừng sinh nhật anh An!',
          status: 'failed',
          attempts: 3,
          error: 'Hết thời gian chờ',
          createdAt: new Date(base + 1000),
        },
      ])
      .returning({ id: outbox.id });
    emailId = rows[0]?.id ?? '';
  });
  afterAll(() => h.close());

  const get = (url: string, headers = h.headers) => h.app.inject({ method: 'GET', url, headers });

  it('lists messages newest first, filtered by channel, status and search', async () => {
    const all = await get('/api/outbox');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    expect(all.json().items.map((m: { channel: string }) => m.channel)).toEqual(['sms', 'email']);
    expect(all.json().items[1]).toMatchObject({
      recipient: 'an@example.vn',
      status: 'captured',
      attachments: [
        { name: 'Phiếu xác nhận đơn hàng.pdf', contentType: 'application/pdf', size: pdf.length },
      ],
    });
    expect(all.json().items[1]).not.toHaveProperty('payload');
    expect((await get('/api/outbox?channel=email')).json().total).toBe(1);
    expect((await get('/api/outbox?status=failed')).json().items[0]).toMatchObject({
      error: 'Hết thời gian chờ',
      attempts: 3,
    });
    expect((await get('/api/outbox?q=DH-0001')).json().total).toBe(1);
  });

  it('shows one message with its payload, without the files’ bytes', async () => {
    const res = await get(`/api/outbox/${emailId}`);
    expect(res.json().payload).toEqual({ from: 'no-reply@demo.vn' });
  });

  it('serves an attachment with its type and a Vietnamese file name', async () => {
    const res = await get(`/api/outbox/${emailId}/attachments/0`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Phieu xac nhan don hang.pdf"; filename*=UTF-8''${encodeURIComponent('Phiếu xác nhận đơn hàng.pdf')}`,
    );
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect((await get(`/api/outbox/${emailId}/attachments/1`)).statusCode).toBe(404);
  });

  it('hides another organization’s messages', async () => {
    const other = await h.addOrganization();
    expect((await get(`/api/outbox/${emailId}`, other.admin.headers)).statusCode).toBe(404);
    expect((await get(`/api/outbox/${emailId}/attachments/0`, other.admin.headers)).statusCode).toBe(404);
    expect((await get('/api/outbox', other.admin.headers)).json()).toEqual({ items: [], total: 0 });
  });
});
