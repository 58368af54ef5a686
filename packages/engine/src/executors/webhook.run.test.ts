import { randomBytes } from 'node:crypto';
import { organizations, outbox, providers } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  addWorkflow,
  graphOf,
  recordWriter,
  seedOrg,
  settledRuns,
  silentLogger,
} from '../../test/fixtures.ts';
import { openRuntimeBed, type RuntimeBed } from '../../test/runtime-bed.ts';
import { startHttpReceiver } from '../providers/http-receiver.testing.ts';
import { sealProviderSecrets } from '../providers/provider-factory.ts';
import { verifyWebhookSignature } from '../providers/webhook-signature.ts';
import { OrgContexts } from '../runtime/org-context.ts';
import { type RunningWorker, startWorker } from '../worker.ts';
import { configureMessaging } from './messaging/messaging-settings.ts';
import { webhookExecutor } from './webhook.run.ts';

const SLOW = 180_000;
const secretKey = randomBytes(32);
const SIGNING_SECRET = 'khoa-ky-cua-erp-0123456789';
let bed: RuntimeBed;
let worker: RunningWorker;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;

const db = () => bed.database.db;

beforeAll(async () => {
  bed = await openRuntimeBed();
  receiver = await startHttpReceiver(() => ({ status: 202, body: { received: true } }));
  configureMessaging({ secretKey, env: {} });
  worker = await startWorker({ database: bed.database, boss: bed.boss, logger: silentLogger });
}, SLOW);
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
  await bed?.close();
});

/** An organization with a webhook provider holding the signing secret, and a workflow posting won opportunities. */
async function orgWithWebhook(args: { allowPrivate: boolean; path: string; onEndpoint?: boolean }) {
  const url = `${receiver.url}/${args.path}`;
  const org = await seedOrg(db(), `Công ty ${args.path}`);
  await db()
    .update(organizations)
    .set({ settings: { allowPrivateNetwork: args.allowPrivate } })
    .where(eq(organizations.id, org.id));
  const [provider] = await db()
    .insert(providers)
    .values({
      orgId: org.id,
      kind: 'webhook',
      adapter: 'http',
      name: 'ERP nội bộ',
      isDefault: true,
      config: args.onEndpoint ? { url } : {},
      secrets: sealProviderSecrets({ secretKey, secrets: { secret: SIGNING_SECRET } }),
    })
    .returning();
  const workflowId = await addWorkflow(db(), {
    orgId: org.id,
    module: 'opportunity',
    graph: graphOf({
      trigger: { on: 'update', fields: ['stage'], match: 'any' },
      nodes: [
        {
          id: 'hook',
          type: 'webhook',
          config: {
            name: 'Báo ERP',
            // On the endpoint: the step names neither URL nor endpoint and takes the default's.
            ...(args.onEndpoint ? { url: '' } : { url, secretRef: provider?.id }),
            timeoutMs: 5000,
          },
        },
      ],
      edges: ['t>hook'],
    }),
  });
  const write = recordWriter({ db: db(), boss: bed.boss, orgId: org.id, userId: org.users[0]?.id });
  return { org, workflowId, write };
}

describe('webhook', { timeout: 90_000 }, () => {
  it('POSTs to the default endpoint’s URL when the step names none', async () => {
    const { workflowId, write } = await orgWithWebhook({
      allowPrivate: true,
      path: 'endpoint',
      onEndpoint: true,
    });
    const deal = await write.create('opportunity', { name: 'Đơn Sen Vàng', stage: 'prospecting' });
    await write.update('opportunity', deal.id, { stage: 'negotiation' });
    const [run] = await settledRuns(db(), workflowId, 1, 60_000);
    expect(run?.status).toBe('succeeded');
    const request = receiver.requests.find((r) => r.path === '/endpoint') ?? expect.unreachable();
    expect(JSON.parse(request.body).record.data).toMatchObject({
      name: 'Đơn Sen Vàng',
      stage: 'negotiation',
    });
  });

  it('POSTs the record signed with the provider’s secret, which the receiver verifies', async () => {
    const { org, workflowId, write } = await orgWithWebhook({ allowPrivate: true, path: 'erp' });
    const deal = await write.create('opportunity', {
      name: 'Hợp đồng Hoa Sen 2025',
      stage: 'prospecting',
      amount: 250000000,
    });
    await write.update('opportunity', deal.id, { stage: 'negotiation' });
    const [run] = await settledRuns(db(), workflowId, 1, 60_000);
    expect(run?.status).toBe('succeeded');

    const request = receiver.requests.find((r) => r.path === '/erp') ?? expect.unreachable();
    const header = (name: string) => String(request.headers[name] ?? '');
    const signed = {
      timestamp: header('x-crmflow-timestamp'),
      body: request.body,
      signature: header('x-crmflow-signature'),
    };
    expect(verifyWebhookSignature({ secret: SIGNING_SECRET, ...signed })).toBe(true);
    expect(
      verifyWebhookSignature({
        secret: SIGNING_SECRET,
        ...signed,
        body: request.body.replace('250000000', '1'),
      }),
    ).toBe(false);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      event: 'workflow.webhook',
      organizationId: org.id,
      workflow: { id: workflowId },
      run: { id: run?.id },
      node: { id: 'hook', name: 'Báo ERP' },
      record: {
        id: deal.id,
        module: 'opportunity',
        data: { name: 'Hợp đồng Hoa Sen 2025', stage: 'negotiation', amount: 250000000 },
      },
    });
    expect(header('x-crmflow-delivery')).toBe(body.deliveryId);
    const [row] = await db()
      .select()
      .from(outbox)
      .where(eq(outbox.runId, run?.id ?? ''));
    expect(row).toMatchObject({ channel: 'webhook', status: 'sent', recipient: `${receiver.url}/erp` });
  });

  it('refuses a private address unless the organization allows it, and never retries that', async () => {
    // What the organization allows decides here, not the test suites' server-wide switch.
    vi.stubEnv('CRMFLOW_ALLOW_PRIVATE_NETWORK', 'off');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const { workflowId, write } = await orgWithWebhook({ allowPrivate: false, path: 'noi-bo' });
    const deal = await write.create('opportunity', { name: 'Cơ hội nội bộ', stage: 'prospecting' });
    await write.update('opportunity', deal.id, { stage: 'proposal' });
    const [run] = await settledRuns(db(), workflowId, 1, 60_000);
    expect(run?.status).toBe('failed');
    const step = run?.steps.find((s) => s.nodeId === 'hook');
    expect(step).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'delivery_failed' } });
    expect(JSON.stringify(step?.error)).toContain('private_address');
    expect(receiver.requests.some((r) => r.path === '/noi-bo')).toBe(false);
  });

  it('previews the JSON it would post, without posting', async () => {
    const { org, write } = await orgWithWebhook({ allowPrivate: true, path: 'xem-truoc' });
    const deal = await write.create('opportunity', { name: 'Cơ hội xem trước', stage: 'prospecting' });
    const preview = await webhookExecutor.previewNode(
      {
        db: db(),
        org: await new OrgContexts().one(db(), org.id),
        record: {
          id: deal.id,
          module: 'opportunity',
          data: deal.data,
          ownerId: deal.ownerId,
          deleted: false,
        },
        snapshot: deal.data,
        node: { id: 'hook', type: 'webhook' },
        workflowId: '00000000-0000-4000-8000-000000000001',
        now: new Date(),
        logger: silentLogger,
      },
      { name: 'Báo ERP', url: `${receiver.url}/xem-truoc` },
    );
    expect(preview).toMatchObject({
      status: 'would_run',
      preview: {
        provider: { name: 'ERP nội bộ' },
        body: { record: { id: deal.id, data: { name: 'Cơ hội xem trước' } } },
      },
    });
    expect(receiver.requests.some((r) => r.path === '/xem-truoc')).toBe(false);
  });
});
