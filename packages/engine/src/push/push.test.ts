import { randomBytes } from 'node:crypto';
import { organizations, outbox, pushSubscriptions, pushVapidKeys } from '@crmflow/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkflow,
  graphOf,
  recordWriter,
  seedOrg,
  settledRuns,
  silentLogger,
  waitFor,
} from '../../test/fixtures.ts';
import { openRuntimeBed, type RuntimeBed } from '../../test/runtime-bed.ts';
import { configureMessaging } from '../executors/messaging/messaging-settings.ts';
import { type RunningWorker, startWorker } from '../worker.ts';
import { deliverPush, type PushPayload } from './push-deliver.ts';
import { queueNotificationPushes } from './push-queue.ts';
import { sendPushRequest } from './push-request.ts';
import { decryptPush, newTestDevice, startPushService, verifyVapid } from './push-service.testing.ts';
import { ensureVapidKeys } from './vapid-keys.ts';

const SLOW = 180_000;
const secretKey = randomBytes(32);
let bed: RuntimeBed;
let worker: RunningWorker;
let service: Awaited<ReturnType<typeof startPushService>>;
const db = () => bed.database.db;

beforeAll(async () => {
  bed = await openRuntimeBed();
  service = await startPushService((path) => (path.startsWith('/gone') ? 410 : 201));
  configureMessaging({ secretKey, env: {} });
  worker = await startWorker({ database: bed.database, boss: bed.boss, logger: silentLogger });
}, SLOW);
afterAll(async () => {
  await worker?.stop();
  await service?.close();
  await bed?.close();
});

describe('sendPushRequest', () => {
  it.each([
    ['http://push.example.com/d', false, 'invalid_url'],
    ['ftp://push.example.com/d', true, 'invalid_url'],
    ['https://127.0.0.1/d', false, 'private_address'],
    ['https://[::1]/d', false, 'private_address'],
    ['https://169.254.169.254/latest', false, 'private_address'],
  ])('refuses %s (private allowed: %s) before connecting: %s', async (endpoint, allowPrivate, code) => {
    const result = await sendPushRequest({ endpoint, method: 'POST', headers: {}, body: null, allowPrivate });
    expect(result).toMatchObject({ status: 'failed', code, retryable: false });
  });
});

/** An organization that allows private networks (the push service is on 127.0.0.1), and its salesperson. */
async function orgWithSalesperson(name: string) {
  const org = await seedOrg(db(), name);
  await db()
    .update(organizations)
    .set({ settings: { allowPrivateNetwork: true } })
    .where(eq(organizations.id, org.id));
  const salesperson = org.users[2] ?? expect.unreachable();
  const write = recordWriter({ db: db(), boss: bed.boss, orgId: org.id, userId: org.users[0]?.id });
  return { org, salesperson, write };
}

describe('Web Push of notifications', { timeout: 90_000 }, () => {
  it('pushes a notify step to each device once, encrypted and VAPID-signed; a gone device is removed', async () => {
    const { org, salesperson, write } = await orgWithSalesperson('Công ty Đẩy Tin');
    const phone = newTestDevice();
    const oldTablet = newTestDevice();
    const [phoneRow, tabletRow] = await db()
      .insert(pushSubscriptions)
      .values([
        {
          orgId: org.id,
          userId: salesperson.id,
          endpoint: `${service.url}/ok/phone`,
          p256dh: phone.p256dh,
          auth: phone.authText,
          label: 'Điện thoại',
        },
        {
          orgId: org.id,
          userId: salesperson.id,
          endpoint: `${service.url}/gone/tablet`,
          p256dh: oldTablet.p256dh,
          auth: oldTablet.authText,
          label: 'Máy tính bảng',
        },
      ])
      .returning();
    const workflowId = await addWorkflow(db(), {
      orgId: org.id,
      module: 'lead',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [
          {
            id: 'bell',
            type: 'notify',
            config: {
              name: 'Báo NVKD',
              to: { fields: ['owner_id'], users: [] },
              message: 'Khách mới: #name',
            },
          },
        ],
        edges: ['t>bell'],
      }),
    });
    const lead = await write.create('lead', { name: 'Chị Hoa', owner_id: salesperson.id });
    const [run] = await settledRuns(db(), workflowId, 1, 60_000);
    expect(run?.status).toBe('succeeded');

    await waitFor(
      async () => {
        const rows = await db()
          .select()
          .from(outbox)
          .where(eq(outbox.runId, run?.id ?? ''));
        return rows.length === 2 && rows.every((row) => row.status === 'sent' || row.status === 'failed');
      },
      30_000,
      'both pushes settled',
    );
    const toPhone = service.received.filter((r) => r.path === '/ok/phone');
    expect(toPhone).toHaveLength(1);
    const push = toPhone[0] ?? expect.unreachable();
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    const payload: PushPayload = JSON.parse(decryptPush(phone, push.body));
    expect(payload).toMatchObject({
      title: 'Công ty Đẩy Tin',
      body: 'Khách mới: Chị Hoa',
      url: `/records/lead/${lead.id}`,
    });
    // Another device's keys cannot read it.
    expect(() => decryptPush(oldTablet, push.body)).toThrow();

    const [stored] = await db().select().from(pushVapidKeys);
    const claims = verifyVapid(String(push.headers.authorization), stored?.publicKey ?? '');
    expect(claims).toMatchObject({ aud: service.url, sub: 'mailto:admin@example.com' });
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000);
    expect(stored?.privateKeySealed).not.toContain(
      (await ensureVapidKeys({ db: db(), secretKey })).privateKey,
    );

    // 410 from the push service: the tablet's subscription is gone, its push failed for good.
    const devices = await db()
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, salesperson.id));
    expect(devices.map((d) => d.id)).toEqual([phoneRow?.id]);
    const [gone] = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.runId, run?.id ?? ''), eq(outbox.status, 'failed')));
    expect(gone).toMatchObject({ channel: 'push', idempotencyKey: `${run?.id}:bell:push:${tabletRow?.id}` });

    // A second attempt for the same (run, node, device) sends nothing: no new row, no new request.
    const [sent] = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.runId, run?.id ?? ''), eq(outbox.status, 'sent')));
    const before = service.received.length;
    const vapid = await ensureVapidKeys({ db: db(), secretKey });
    await expect(deliverPush({ db: db(), outboxId: sent?.id ?? '', vapid })).resolves.toBe(
      'already_delivered',
    );
    await expect(
      queueNotificationPushes({
        db: db(),
        boss: bed.boss,
        steps: [{ runId: run?.id ?? '', nodeId: 'bell' }],
      }),
    ).resolves.toBe(0);
    expect(service.received.length).toBe(before);
  });

  it('pushes the notification of an assigned task too', async () => {
    const { org, salesperson, write } = await orgWithSalesperson('Công ty Giao Việc');
    const phone = newTestDevice();
    await db()
      .insert(pushSubscriptions)
      .values({
        orgId: org.id,
        userId: salesperson.id,
        endpoint: `${service.url}/ok/task-phone`,
        p256dh: phone.p256dh,
        auth: phone.authText,
      });
    const workflowId = await addWorkflow(db(), {
      orgId: org.id,
      module: 'lead',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [
          {
            id: 'task',
            type: 'create_task',
            config: { name: 'Gọi khách', title: 'Gọi #name', dueInDays: 0, assignee: { field: 'owner_id' } },
          },
        ],
        edges: ['t>task'],
      }),
    });
    await write.create('lead', { name: 'Anh Minh', owner_id: salesperson.id });
    await settledRuns(db(), workflowId, 1, 60_000);
    await waitFor(
      async () => service.received.some((r) => r.path === '/ok/task-phone'),
      30_000,
      'the task push',
    );
    const push = service.received.find((r) => r.path === '/ok/task-phone') ?? expect.unreachable();
    const payload: PushPayload = JSON.parse(decryptPush(phone, push.body));
    expect(payload.body).toBe('Bạn được giao nhiệm vụ: Gọi Anh Minh');
    expect(payload.url).toMatch(/^\/records\/task\//);
  });

  it('keeps one key pair however many processes start at once', async () => {
    await db().delete(pushVapidKeys);
    const keys = await Promise.all([1, 2, 3].map(() => ensureVapidKeys({ db: db(), secretKey })));
    expect(new Set(keys.map((k) => k.publicKey)).size).toBe(1);
    expect(await db().select().from(pushVapidKeys)).toHaveLength(1);
  });
});
