import { randomBytes } from 'node:crypto';
import { outbox, znsTemplates } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessagingBed, openMessagingBed } from '../../test/messaging-bed.ts';
import { type ReceivedRequest, startHttpReceiver } from '../providers/http-receiver.testing.ts';
import { sendZaloZnsExecutor } from './send-zalo-zns.run.ts';

const SLOW = 120_000;
const secretKey = randomBytes(32);
let bed: MessagingBed;
let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
let providerId: string;
let templateId: string;

const bodyOf = (request: ReceivedRequest | undefined) => JSON.parse(request?.body ?? '{}');
const db = () => bed.database.db;

beforeAll(async () => {
  gateway = await startHttpReceiver(() => ({ status: 200, body: { msg_id: 'zns-1' } }));
  // No worker: the record events the writes enqueue stay queued, the executor is called directly.
  bed = await openMessagingBed({ settings: { secretKey, env: {} }, worker: false });
  providerId = await bed.addGateway({
    kind: 'zns',
    name: 'Zalo OA Hoa Sen',
    url: gateway.url,
    secretKey,
    credentials: { apiKey: 'oa-key', apiSecret: 'oa-secret' },
  });
  const [template] = await db()
    .insert(znsTemplates)
    .values({
      orgId: bed.org.id,
      name: 'Xác nhận đơn hàng',
      providerTemplateId: '248123',
      params: [
        { key: 'customer_name', type: 'text', maxLength: 30 },
        { key: 'order_code', type: 'text', maxLength: 10 },
        { key: 'order_date', type: 'date', maxLength: 10 },
        { key: 'total', type: 'money', maxLength: 12 },
      ],
    })
    .returning();
  templateId = template?.id ?? '';
}, SLOW);
afterAll(async () => {
  await gateway?.close();
  await bed?.close();
});

async function scopeForOrder(code: string) {
  const contact = await bed.write.create('contact', { name: 'Phạm Thị Mai Anh', phone: '0912 888 999' });
  const data = { code, contact_id: contact.id, order_date: '2025-09-02', total: 12500000 };
  return bed.inRun(await bed.scopeFor('order', data, { id: 'zns', type: 'send_zalo_zns' }));
}

const config = (overrides: Record<string, unknown> = {}) => ({
  name: 'ZNS xác nhận',
  provider: providerId,
  templateId,
  to: { fields: ['contact_id.phone'] },
  params: [
    { param: 'customer_name', field: 'contact_id.name' },
    { param: 'order_code', field: 'code' },
    { param: 'order_date', field: 'order_date' },
    { param: 'total', field: 'total' },
  ],
  ...overrides,
});

describe('send_zalo_zns', { timeout: 60_000 }, () => {
  it('sends the approved template with params typed as Zalo wants them, once per number', async () => {
    const scope = await scopeForOrder('ĐH-77');
    const result = await sendZaloZnsExecutor.runNode(scope, config());
    expect(result).toMatchObject({
      status: 'succeeded',
      output: { recipients: [{ to: '+84912888999', status: 'sent' }] },
    });
    expect(bodyOf(gateway.requests.at(-1))).toMatchObject({
      to: '+84912888999',
      templateId: '248123',
      params: {
        customer_name: 'Phạm Thị Mai Anh',
        order_code: 'ĐH-77',
        order_date: '02/09/2025',
        total: '12500000',
      },
    });
    const again = await sendZaloZnsExecutor.runNode(scope, config());
    expect(again).toMatchObject({
      status: 'succeeded',
      output: { recipients: [{ status: 'already_sent' }] },
    });
    const rows = await db().select().from(outbox).where(eq(outbox.runId, scope.run.id));
    expect(rows.map((row) => [row.channel, row.status, row.subject])).toEqual([
      ['zns', 'sent', 'Xác nhận đơn hàng'],
    ]);
  });

  it.each([
    [
      'a value longer than approved',
      { param: 'order_code', value: 'ĐƠN-HÀNG-#code' },
      'Tham số order_code dài',
    ],
    [
      'a param the template does not have',
      { param: 'coupon', value: 'GIAM10' },
      'Mẫu ZNS không có tham số coupon',
    ],
    [
      'text where a date belongs',
      { param: 'order_date', value: 'sáng mai' },
      'Tham số order_date phải là ngày',
    ],
  ])('fails before sending when the record gives %s', async (_name, mapping, message) => {
    const scope = await scopeForOrder('ĐH-78');
    const before = gateway.requests.length;
    const params = [...config().params.filter((p) => p.param !== mapping.param), mapping];
    const result = await sendZaloZnsExecutor.runNode(scope, config({ params }));
    expect(result).toMatchObject({
      status: 'failed',
      retryable: false,
      error: { code: 'zns_params_invalid' },
    });
    expect(result.status === 'failed' && result.error.message).toContain(message);
    expect(gateway.requests.length).toBe(before);
  });

  it('previews the params it would send', async () => {
    const scope = await scopeForOrder('ĐH-79');
    const preview = await sendZaloZnsExecutor.previewNode(scope, config());
    expect(preview).toMatchObject({
      status: 'would_run',
      preview: {
        provider: { name: 'Zalo OA Hoa Sen' },
        template: { providerTemplateId: '248123' },
        params: { order_code: 'ĐH-79', total: '12500000' },
        to: ['+84912888999'],
      },
    });
  });
});
