import { SendSmsConfig } from '@crmflow/flow';
import type { JobWithMetadata } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsOf, silentLogger, waitFor } from '../../../test/fixtures.ts';
import { startWorkerBed, type WorkerBed } from '../../../test/runtime-bed.ts';
import { defineExecutor } from '../../executors/executor.ts';
import { executors } from '../../executors/registry.ts';
import { QUEUES } from '../../queues.ts';
import { GraphCache } from '../matcher/active-workflows.ts';
import { OrgContexts } from '../org-context.ts';
import type { RuntimeDeps } from '../runtime-deps.ts';
import { handleSteps } from './step-handler.ts';

let bed: WorkerBed;
let deps: RuntimeDeps;
let opened: () => void = () => {};
const gate = new Promise<void>((resolve) => {
  opened = resolve;
});

/** A message step (one job each, outside the finishing transaction): `slow` waits for the gate. */
const message = defineExecutor({
  schema: SendSmsConfig,
  async run(ctx) {
    if (ctx.node.id === 'slow') await gate;
    return { status: 'succeeded', output: { sent: ctx.node.id } };
  },
  preview: async () => ({ status: 'would_run', reason: '' }),
});

const to = { fields: ['owner_id'], users: [] };
const note = { to, message: 'Khách hàng #name' };
const sms = { to, text: 'Khách hàng #name' };

beforeAll(async () => {
  const registry = { ...executors, send_sms: message };
  bed = await startWorkerBed({ executors: registry });
  // Step jobs are handled by the test, a batch it chooses; the matcher keeps running.
  await bed.boss.offWork(QUEUES.step, { wait: true });
  deps = {
    database: bed.database,
    boss: bed.boss,
    logger: silentLogger,
    orgs: new OrgContexts(),
    graphs: new GraphCache(),
    executors: registry,
    parallelSteps: 8,
    now: () => new Date(),
  };
}, 180_000);
afterAll(() => {
  opened();
  return bed?.stop();
});

const fetchSteps = async (count: number) => {
  const jobs: JobWithMetadata<unknown>[] = [];
  await waitFor(async () => {
    jobs.push(...(await bed.boss.fetch(QUEUES.step, { batchSize: 10, includeMetadata: true })));
    return jobs.length >= count;
  });
  return jobs;
};

describe('a batch of steps', { timeout: 60_000 }, () => {
  it('finishes its database-only steps before it sends its slow messages', async () => {
    // Accounts: a quick message, then a notification (database-only, finished in a transaction).
    const quick = await bed.workflow({
      module: 'account',
      trigger: { on: 'create' },
      nodes: [
        { id: 'quick', type: 'send_sms', config: { name: 'quick', ...sms } },
        { id: 'n', type: 'notify', config: { name: 'n', ...note } },
      ],
      edges: ['t>quick', 'quick>n'],
    });
    // Contacts: a message that takes its time.
    const slow = await bed.onCreate('contact', [
      { id: 'slow', type: 'send_sms', config: { name: 'slow', ...sms } },
    ]);
    await bed.write.create('account', { name: 'Công ty Lúa Vàng', owner_id: bed.user(1) });
    await handleSteps(deps, await fetchSteps(1));
    await bed.write.create('contact', { name: 'Phạm Thu Hà', owner_id: bed.user(1) });
    // One batch: the account's notification (queued by its quick message) and the slow message.
    const batch = handleSteps(deps, await fetchSteps(2));
    const done = await waitFor(
      async () => (await runsOf(bed.database.db, quick)).find((run) => run.status === 'succeeded') ?? null,
      10_000,
      'the account’s run while the slow message is still being sent',
    );
    expect(done.steps.map((s) => [s.nodeId, s.status])).toEqual(
      expect.arrayContaining([
        ['quick', 'succeeded'],
        ['n', 'succeeded'],
      ]),
    );
    expect((await runsOf(bed.database.db, slow))[0]?.status).toBe('running');
    opened();
    const results = await batch;
    expect(results.map((r) => r.status)).toEqual(['completed', 'completed']);
    expect((await runsOf(bed.database.db, slow))[0]?.status).toBe('succeeded');
  });
});
