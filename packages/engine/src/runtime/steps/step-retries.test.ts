import { organizations, runSteps, runs } from '@crmflow/db';
import { NotifyConfig } from '@crmflow/flow';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkflow, graphOf, runsOf, seedOrg, waitFor } from '../../../test/fixtures.ts';
import { startWorkerBed, type WorkerBed } from '../../../test/runtime-bed.ts';
import { defineExecutor } from '../../executors/executor.ts';
import { executors } from '../../executors/registry.ts';
import { QUEUES } from '../../queues.ts';
import { cleanupRuns } from '../run-cleanup.ts';
import { retryRun } from './retry-run.ts';

let bed: WorkerBed;
let workflowId = '';

/** Attempt times per record, and how each record's step behaves: set through the record's name. */
const attempts = new Map<string, number[]>();
const healed = new Set<string>();

/** A notify step whose record's name says how it fails: `flaky`, `broken`, `fatal`, `buggy`. */
const scripted = defineExecutor({
  schema: NotifyConfig,
  async run(ctx) {
    const name = String(ctx.record.data.name);
    const times = [...(attempts.get(name) ?? []), Date.now()];
    attempts.set(name, times);
    if (healed.has(name)) return { status: 'succeeded', output: { healed: true } };
    const error = { code: 'provider_down', message: 'Nhà cung cấp không phản hồi' };
    if (name.startsWith('flaky') && times.length < 3) return { status: 'failed', error, retryable: true };
    if (name.startsWith('broken')) return { status: 'failed', error, retryable: true };
    if (name.startsWith('fatal'))
      return { status: 'failed', error: { code: 'bad_address', message: 'Sai địa chỉ' }, retryable: false };
    if (name.startsWith('buggy') && times.length < 2) throw new Error('không mong đợi');
    return { status: 'succeeded', output: { attempt: times.length } };
  },
  preview: async () => ({ status: 'would_run', reason: '' }),
});

beforeAll(async () => {
  bed = await startWorkerBed({
    executors: { ...executors, notify: scripted },
    // Two retries (three attempts), one and then about two seconds apart, keep the suite quick.
    prepare: (opened) =>
      opened.boss.updateQueue(QUEUES.step, { retryLimit: 2, retryDelay: 1, retryBackoff: true }),
  });
  workflowId = await addWorkflow(bed.database.db, {
    orgId: bed.org.id,
    module: 'account',
    graph: graphOf({
      trigger: { on: 'create' },
      nodes: [{ id: 'n', type: 'notify', config: { name: 'n', to: { fields: ['owner_id'] }, message: 'x' } }],
      edges: ['t>n'],
    }),
  });
}, 180_000);
afterAll(() => bed?.stop());

const db = () => bed.database.db;

async function runFor(name: string) {
  const account = await bed.write.create('account', { name });
  return waitFor(
    async () => {
      const run = (await runsOf(db(), workflowId)).find((r) => r.recordId === account.id);
      return run && ['succeeded', 'failed'].includes(run.status) ? run : null;
    },
    30_000,
    `the run for ${name}`,
  );
}

const deadJobs = (runId: string) =>
  db().execute<{ id: string }>(
    sql`select id from pgboss.job where name = ${QUEUES.stepDead} and data->>'runId' = ${runId}`,
  );

describe('step retries', { timeout: 60_000 }, () => {
  it('retries a retryable failure with growing delays until it succeeds', async () => {
    const run = await runFor('flaky');
    const step = run.steps.find((s) => s.nodeId === 'n');
    expect(run.status).toBe('succeeded');
    expect(step).toMatchObject({ status: 'succeeded', attempts: 3, error: null });
    const [first = 0, second = 0, third = 0] = attempts.get('flaky') ?? [];
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(1_900);
  });

  it('fails the step and the run once the retries are used up, and keeps the job for inspection', async () => {
    const run = await runFor('broken');
    expect(run).toMatchObject({ status: 'failed', reason: 'Nhà cung cấp không phản hồi' });
    expect(run.finishedAt).not.toBeNull();
    expect(run.steps.find((s) => s.nodeId === 'n')).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'provider_down' },
    });
    expect(await waitFor(async () => (await deadJobs(run.id)).length === 1)).toBe(true);
  });

  it('does not retry a failure that will not heal', async () => {
    const run = await runFor('fatal');
    expect(run.steps.find((s) => s.nodeId === 'n')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'bad_address' },
    });
    expect(attempts.get('fatal')).toHaveLength(1);
  });

  it('treats a thrown error as a bug worth another attempt', async () => {
    const run = await runFor('buggy');
    expect(run.steps.find((s) => s.nodeId === 'n')).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('retryRun puts the failed steps back in the queue, and only for the run’s organization', async () => {
    const run = await runFor('broken again');
    expect(run.status).toBe('failed');
    expect(
      await retryRun({
        db: db(),
        boss: bed.boss,
        orgId: (await seedOrg(db(), 'Công ty khác')).id,
        runId: run.id,
      }),
    ).toBeNull();
    healed.add('broken again');
    expect(await retryRun({ db: db(), boss: bed.boss, orgId: bed.org.id, runId: run.id })).toEqual({
      runId: run.id,
      retried: ['n'],
    });
    const [after] = await waitFor(async () => {
      const found = (await runsOf(db(), workflowId)).filter((r) => r.id === run.id);
      return found[0]?.status === 'succeeded' ? found : null;
    });
    expect(after?.steps.find((s) => s.nodeId === 'n')).toMatchObject({ status: 'succeeded', attempts: 4 });
    expect(after?.reason).toBeNull();
  });

  it('fails a step whose worker died on its last attempt when its job reaches the dead-letter queue', async () => {
    const run = await runFor('healthy');
    await db()
      .update(runSteps)
      .set({ status: 'running' })
      .where(and(eq(runSteps.runId, run.id), eq(runSteps.nodeId, 'n')));
    await db().update(runs).set({ status: 'running', finishedAt: null }).where(eq(runs.id, run.id));
    await bed.boss.send(QUEUES.stepDead, { runId: run.id, nodeId: 'n' });
    const [failed] = await waitFor(async () => {
      const found = (await runsOf(db(), workflowId)).filter((r) => r.id === run.id);
      return found[0]?.status === 'failed' ? found : null;
    });
    expect(failed?.steps.find((s) => s.nodeId === 'n')).toMatchObject({
      status: 'failed',
      error: { code: 'attempts_exhausted' },
    });
  });

  it('deletes finished runs past the organization’s retention, and keeps the rest', async () => {
    const old = await runFor('cũ');
    const recent = await runFor('mới');
    await db()
      .update(organizations)
      .set({ settings: { runRetentionDays: 2 } })
      .where(eq(organizations.id, bed.org.id));
    await db().update(runs).set({ createdAt: sql`now() - interval '3 days'` }).where(eq(runs.id, old.id));
    await db().update(runs).set({ createdAt: sql`now() - interval '1 day'` }).where(eq(runs.id, recent.id));
    expect(await cleanupRuns(db())).toBe(1);
    const left = (await runsOf(db(), workflowId)).map((r) => r.id);
    expect(left).toContain(recent.id);
    expect(left).not.toContain(old.id);
    expect(await db().select().from(runSteps).where(eq(runSteps.runId, old.id))).toEqual([]);
  });
});
