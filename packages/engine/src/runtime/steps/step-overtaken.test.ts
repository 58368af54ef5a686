import { NotifyConfig } from '@crmflow/flow';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkflow, graphOf, runsOf, waitFor } from '../../../test/fixtures.ts';
import { startWorkerBed, type WorkerBed } from '../../../test/runtime-bed.ts';
import { defineExecutor } from '../../executors/executor.ts';
import { executors } from '../../executors/registry.ts';
import { QUEUES } from '../../queues.ts';

let bed: WorkerBed;
let workflowId = '';

/** When the first attempt of the step returned, so the second can answer after it finished. */
let firstReturnedAt = 0;

/**
 * A step whose first attempt outlives its job: while it runs, the job is taken from it (as a
 * supervisor does when a job expires or its heartbeat lapses) and a second attempt claims the
 * step. The first then ends with a failure worth a retry, before the second succeeds.
 */
const overtaken = defineExecutor({
  schema: NotifyConfig,
  async run(ctx) {
    const runId = ctx.run.id;
    if (ctx.run.attempt === 1) {
      const [job] = await ctx.db.execute<{ id: string }>(
        sql`select id from pgboss.job where name = ${QUEUES.step} and data->>'runId' = ${runId} and state = 'active'`,
      );
      if (job) await bed.boss.fail(QUEUES.step, job.id, { message: 'taken away' });
      await waitFor(
        async () => {
          const [step] = await ctx.db.execute<{ attempts: number }>(
            sql`select attempts from run_steps where run_id = ${runId} and node_id = 'n'`,
          );
          return (step?.attempts ?? 0) >= 2;
        },
        20_000,
        'the second attempt',
      );
      firstReturnedAt = Date.now();
      return {
        status: 'failed',
        error: { code: 'provider_down', message: 'Hết thời gian chờ' },
        retryable: true,
      };
    }
    // Answers once the first attempt has recorded its own outcome (or failed to).
    await waitFor(
      async () => firstReturnedAt > 0 && Date.now() - firstReturnedAt > 1_000,
      20_000,
      'the first',
    );
    return { status: 'succeeded', output: { attempt: ctx.run.attempt } };
  },
  preview: async () => ({ status: 'would_run', reason: '' }),
});

beforeAll(async () => {
  bed = await startWorkerBed({ executors: { ...executors, notify: overtaken } });
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

describe('a step attempt overtaken by a newer one', { timeout: 60_000 }, () => {
  it('cannot overwrite the newer attempt, which finishes the step and its run', async () => {
    const account = await bed.write.create('account', { name: 'Công ty Sen Vàng' });
    const run = await waitFor(
      async () => {
        const found = (await runsOf(bed.database.db, workflowId)).find((r) => r.recordId === account.id);
        return found && ['succeeded', 'failed'].includes(found.status) ? found : null;
      },
      40_000,
      'the run',
    );
    expect(run.status).toBe('succeeded');
    expect(run.steps.find((s) => s.nodeId === 'n')).toMatchObject({ status: 'succeeded', attempts: 2 });
  });
});
