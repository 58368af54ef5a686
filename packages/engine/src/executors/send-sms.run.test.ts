import { randomBytes } from 'node:crypto';
import { outbox, smsTemplates, users } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkflow, graphOf, settledRuns } from '../../test/fixtures.ts';
import { type MessagingBed, openMessagingBed } from '../../test/messaging-bed.ts';
import { type ReceivedRequest, startHttpReceiver } from '../providers/http-receiver.testing.ts';
import { configureMessaging } from './messaging/messaging-settings.ts';
import { sendSmsExecutor } from './send-sms.run.ts';

const SLOW = 180_000;
const secretKey = randomBytes(32);
let bed: MessagingBed;
let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
let providerId: string;

const db = () => bed.database.db;
const bodyOf = (request: ReceivedRequest | undefined) => JSON.parse(request?.body ?? '{}');

beforeAll(async () => {
  // The gateway refuses one number for good, as carriers do for a number that does not exist.
  gateway = await startHttpReceiver((request) =>
    bodyOf(request).to === '+84999999999'
      ? { status: 400, body: { error: 'unknown subscriber' } }
      : { status: 200, body: { id: 'sms-1' } },
  );
  bed = await openMessagingBed({ settings: { secretKey, env: {} } });
  providerId = await bed.addGateway({
    kind: 'sms',
    name: 'Cổng SMS Brandname',
    url: gateway.url,
    brandname: 'HOASEN',
    secretKey,
    credentials: { apiKey: 'khoa-api', apiSecret: 'bi-mat-gateway' },
    isDefault: true,
  });
}, SLOW);
afterAll(async () => {
  await bed?.close();
  await gateway?.close();
});

describe('send_sms', { timeout: 90_000 }, () => {
  it('texts the contact and the owner through the gateway, numbers normalised, a landline reported', async () => {
    const owner = bed.org.users[1];
    await db()
      .update(users)
      .set({ phone: '0987.654.321' })
      .where(eq(users.id, owner?.id ?? ''));
    const [template] = await db()
      .insert(smsTemplates)
      .values({
        orgId: bed.org.id,
        module: 'contact',
        name: 'Chào mừng',
        body: 'Chào #name, cảm ơn anh/chị đã mua hàng tại Hoa Sen!',
      })
      .returning();
    const workflowId = await addWorkflow(db(), {
      orgId: bed.org.id,
      module: 'contact',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [
          {
            id: 'sms',
            type: 'send_sms',
            config: {
              name: 'SMS chào mừng',
              provider: providerId,
              templateId: template?.id,
              to: { fields: ['phone', 'account_id.phone', 'owner_id'] },
            },
          },
        ],
        edges: ['t>sms'],
      }),
    });
    const account = await bed.write.create('account', { name: 'Công ty Hoa Sen', phone: '028 3823 4567' });
    await bed.write.create('contact', {
      name: 'Nguyễn Thị Hồng',
      phone: '0912 345 678',
      account_id: account.id,
      owner_id: owner?.id,
    });
    const [run] = await settledRuns(db(), workflowId, 1, 60_000);
    expect(run?.status).toBe('succeeded');

    const sent = gateway.requests.map(bodyOf);
    expect(sent.map((body) => body.to)).toEqual(['+84912345678', '+84987654321']);
    expect(sent[0]).toMatchObject({
      text: 'Chào Nguyễn Thị Hồng, cảm ơn anh/chị đã mua hàng tại Hoa Sen!',
      brandname: 'HOASEN',
      unicode: true,
      segments: 1,
    });
    expect(gateway.requests[0]?.headers['x-api-key']).toBe('khoa-api');
    const output = run?.steps.find((step) => step.nodeId === 'sms')?.output;
    expect(output).toMatchObject({
      encoding: 'UCS-2',
      segments: 1,
      recipients: [
        { to: '+84912345678', source: 'phone', status: 'sent' },
        { to: '+84987654321', status: 'sent' },
        {
          to: '028 3823 4567',
          source: 'account_id.phone',
          status: 'unreachable',
          error: 'Số máy bàn không nhận được tin nhắn',
        },
      ],
    });
    const rows = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.runId, run?.id ?? ''));
    expect(rows.map((row) => [row.channel, row.recipient, row.status, row.providerId])).toEqual([
      ['sms', '+84912345678', 'sent', providerId],
      ['sms', '+84987654321', 'sent', providerId],
    ]);
  });
});

describe('send_sms step results', { timeout: 60_000 }, () => {
  const scopeFor = (data: Record<string, unknown>) =>
    bed.scopeFor('lead', data, { id: 'sms', type: 'send_sms' });

  it.each([
    [
      'a number the carrier refuses',
      '0999 999 999',
      { status: 'failed', retryable: false, error: { code: 'delivery_failed' } },
    ],
    [
      'an old eleven-digit number',
      '01234567890',
      { status: 'failed', retryable: false, error: { code: 'delivery_failed' } },
    ],
    ['no number at all', '', { status: 'failed', retryable: false }],
  ])('fails the step for good when the only recipient is %s', async (_name, phone, expected) => {
    const scope = await scopeFor({ name: 'Khách lẻ', ...(phone ? { phone } : {}) });
    const config = { name: 'x', provider: providerId, text: 'Xin chào #name', to: { fields: ['phone'] } };
    const result = await sendSmsExecutor.runNode(bed.inRun(scope), config);
    expect(result).toMatchObject(expected);
  });

  it('fails without sending when the provider is gone or its secrets cannot be read', async () => {
    const scope = await scopeFor({ name: 'Khách', phone: '0912000111' });
    const before = gateway.requests.length;
    const gone = await sendSmsExecutor.runNode(bed.inRun(scope), {
      name: 'x',
      provider: '00000000-0000-4000-8000-0000000000aa',
      text: 'A',
      to: { fields: ['phone'] },
    });
    expect(gone).toMatchObject({ status: 'failed', retryable: false, error: { code: 'provider_missing' } });
    configureMessaging({ secretKey: randomBytes(32) });
    const wrongKey = await sendSmsExecutor.runNode(bed.inRun(scope), {
      name: 'x',
      provider: providerId,
      text: 'A',
      to: { fields: ['phone'] },
    });
    configureMessaging({ secretKey });
    expect(wrongKey).toMatchObject({ status: 'failed', retryable: false, error: { code: 'misconfigured' } });
    expect(gateway.requests.length).toBe(before);
  });

  it('previews the merged text with its segment count, sending nothing', async () => {
    const scope = await scopeFor({ name: 'Anh Tuấn', phone: '+84 912-000-222' });
    const before = gateway.requests.length;
    const preview = await sendSmsExecutor.previewNode(scope, {
      name: 'x',
      provider: '',
      text: `Chào #name. ${'Ưu đãi tháng này dành riêng cho quý khách thân thiết. '.repeat(2)}`,
      to: { fields: ['phone'] },
    });
    expect(preview).toMatchObject({
      status: 'would_run',
      preview: {
        provider: { id: providerId, name: 'Cổng SMS Brandname' },
        encoding: 'UCS-2',
        segments: 2,
        to: ['+84912000222'],
      },
    });
    expect(gateway.requests.length).toBe(before);
  });
});
