import { randomBytes } from 'node:crypto';
import { outbox, providers, records, runSteps, workAppTasks } from '@crmflow/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWorkflow,
  graphOf,
  recordWriter,
  seedOrg,
  settledRuns,
  silentLogger,
} from '../../test/fixtures.ts';
import { openRuntimeBed, type RuntimeBed } from '../../test/runtime-bed.ts';
import { sealProviderSecrets } from '../providers/provider-factory.ts';
import { startWorkApp } from '../providers/work-app.testing.ts';
import { type RunningWorker, startWorker } from '../worker.ts';
import { configureMessaging } from './messaging/messaging-settings.ts';

const SLOW = 180_000;
const secretKey = randomBytes(32);
let bed: RuntimeBed;
let worker: RunningWorker;
let app: Awaited<ReturnType<typeof startWorkApp>>;
const db = () => bed.database.db;

beforeAll(async () => {
  bed = await openRuntimeBed();
  // The first answer comes after the request's timeout: the step fails, and its retry asks again.
  app = await startWorkApp({ slowFirstMs: 2_500 });
  configureMessaging({ secretKey, env: {} });
  worker = await startWorker({ database: bed.database, boss: bed.boss, logger: silentLogger });
}, SLOW);
afterAll(async () => {
  await worker?.stop();
  await app?.close();
  await bed?.close();
});

describe('create_task synced to the work app', { timeout: 120_000 }, () => {
  it('creates the task there exactly once across a retried step, and keeps its id and link', async () => {
    const org = await seedOrg(db(), 'Công ty Sen Vàng');
    const [provider] = await db()
      .insert(providers)
      .values({
        orgId: org.id,
        kind: 'workapp',
        adapter: 'http',
        name: 'Ứng dụng công việc',
        isDefault: true,
        config: { baseUrl: app.url, timeoutMs: 1_000 },
        secrets: sealProviderSecrets({ secretKey, secrets: { apiKey: 'key-1', apiSecret: 'secret-1' } }),
      })
      .returning();
    const workflowId = await addWorkflow(db(), {
      orgId: org.id,
      module: 'opportunity',
      graph: graphOf({
        trigger: { on: 'update', fields: ['stage'], match: 'any' },
        nodes: [
          {
            id: 'task',
            type: 'create_task',
            config: {
              title: 'Gọi lại khách #name',
              assignee: { field: 'owner_id' },
              workApp: { projectId: 'p-kd', groupId: 'p-kd-g1' },
            },
          },
        ],
        edges: ['t>task'],
      }),
    });
    const write = recordWriter({ db: db(), boss: bed.boss, orgId: org.id, userId: org.users[0]?.id });
    const deal = await write.create('opportunity', { name: 'Hợp đồng Sen Vàng', stage: 'prospecting' });
    await write.update('opportunity', deal.id, { stage: 'negotiation' });
    const [run] = await settledRuns(db(), workflowId, 1, 90_000);
    expect(run?.status).toBe('succeeded');

    // Asked twice with the same key (the first answer came too late), kept once by the app.
    const posts = app.requests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(app.tasks).toHaveLength(1);
    expect(app.tasks[0]?.body).toMatchObject({
      projectId: 'p-kd',
      groupId: 'p-kd-g1',
      title: 'Gọi lại khách Hợp đồng Sen Vàng',
    });
    const [step] = await db()
      .select({ attempts: runSteps.attempts })
      .from(runSteps)
      .where(and(eq(runSteps.runId, run?.id ?? ''), eq(runSteps.nodeId, 'task')));
    expect(step?.attempts).toBeGreaterThanOrEqual(2);

    const tasks = await db()
      .select({ id: records.id })
      .from(records)
      .where(and(eq(records.orgId, org.id), eq(records.module, 'task')));
    expect(tasks).toHaveLength(1);
    const links = await db().select().from(workAppTasks).where(eq(workAppTasks.orgId, org.id));
    expect(links).toEqual([
      expect.objectContaining({
        taskId: tasks[0]?.id,
        providerId: provider?.id,
        externalId: 'T-1',
        url: 'https://work.example.vn/tasks/T-1',
      }),
    ]);
    const sent = await db()
      .select({ status: outbox.status })
      .from(outbox)
      .where(and(eq(outbox.orgId, org.id), eq(outbox.channel, 'workapp')));
    expect(sent).toEqual([{ status: 'sent' }]);
  });
});
