import { runSteps } from '@crmflow/db';
import { text as messageText } from '@crmflow/flow';
import { and, eq, sql } from 'drizzle-orm';
import type { Job } from 'pg-boss';
import type { RuntimeDeps } from '../runtime-deps.ts';
import { refreshRunStatus } from './run-status.ts';
import { StepJobData, stepsOfJob } from './step-jobs.ts';

/**
 * Reads the step dead-letter queue. A step the handler failed for good is already `failed`; one
 * whose worker died on the last attempt is still `running`, and is failed here so that neither
 * it nor its run stays open for ever. A step that is `pending` again was retried by hand since,
 * and is left alone. The jobs stay in the queue (completed) for inspection.
 */
export async function handleDeadSteps(deps: RuntimeDeps, jobs: readonly Job<unknown>[]): Promise<void> {
  const steps = jobs.flatMap((job) => {
    const data = StepJobData.safeParse(job.data);
    return data.success ? stepsOfJob(data.data) : [];
  });
  if (steps.length === 0) return;
  const { db } = deps.database;
  await db.transaction(async (tx) => {
    const touched = new Set<string>();
    for (const step of steps) {
      const text = messageText('run.worker_lost');
      const failed = await tx
        .update(runSteps)
        .set({
          status: 'failed',
          error: sql`jsonb_build_object(
            'code', 'attempts_exhausted',
            'message', case when (select locale from organizations o where o.id = ${runSteps.orgId}) = 'en'
              then ${text.en}::text else ${text.vi}::text end,
            'details', jsonb_build_object('vi', ${text.vi}::text, 'en', ${text.en}::text))`,
          finishedAt: new Date(),
        })
        .where(
          and(
            eq(runSteps.runId, step.runId),
            eq(runSteps.nodeId, step.nodeId),
            // Only a step left running: a pending one was put back in the queue (retryRun).
            eq(runSteps.status, 'running'),
          ),
        )
        .returning({ runId: runSteps.runId });
      for (const row of failed) touched.add(row.runId);
    }
    await refreshRunStatus(tx, [...touched].sort());
  });
}
