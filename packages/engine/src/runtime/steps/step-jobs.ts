import type { Tx } from '@crmflow/db';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type JobInsert, type PgBoss } from 'pg-boss';
import { z } from 'zod';
import { QUEUES } from '../../queues.ts';
import { stableId } from '../stable-id.ts';

const StepRef = z.object({ runId: z.uuid(), nodeId: z.string().min(1) });
export type StepRef = z.infer<typeof StepRef>;

/**
 * The payload of a step job. `wake` is set on the job that ends a wait (its due time, ISO). `after`
 * lists the steps of the same record that follow this one, in order, in the same job.
 */
export const StepJobData = StepRef.extend({
  wake: z.string().optional(),
  /** Set by a manual retry, so its job does not collide with the failed one still kept. */
  retry: z.string().optional(),
  after: z.array(StepRef).optional(),
});
export type StepJobData = z.infer<typeof StepJobData>;

/** Every step a job runs, in order. */
export const stepsOfJob = (data: StepJobData): StepRef[] => [
  { runId: data.runId, nodeId: data.nodeId },
  ...(data.after ?? []),
];

/** The job that runs a node of a run; its id is fixed by (run, node), so it is queued once. */
export function stepJob(runId: string, nodeId: string): JobInsert<StepJobData> {
  return { id: stableId('step', runId, nodeId), data: { runId, nodeId } };
}

/** The job that runs several steps of one record one after the other; its id is fixed by them. */
export function stepsJob(steps: readonly StepRef[]): JobInsert<StepJobData> {
  const unique = [...new Map(steps.map((s) => [`${s.runId}:${s.nodeId}`, s])).values()];
  const [first, ...after] = unique;
  if (!first) throw new Error('a job needs a step');
  if (after.length === 0) return stepJob(first.runId, first.nodeId);
  return {
    id: stableId('steps', ...unique.flatMap((s) => [s.runId, s.nodeId])),
    data: {
      runId: first.runId,
      nodeId: first.nodeId,
      after: after.map(({ runId, nodeId }) => ({ runId, nodeId })),
    },
  };
}

/** The job that wakes a waiting step at `until`; one per (run, node, due time). */
export function wakeJob(runId: string, nodeId: string, until: Date): JobInsert<StepJobData> {
  const wake = until.toISOString();
  return { id: stableId('wake', runId, nodeId, wake), data: { runId, nodeId, wake }, startAfter: until };
}

/** A manual retry's job: a new id per retry request. */
export function retryJob(runId: string, nodeId: string, retry: string): JobInsert<StepJobData> {
  return { id: stableId('retry', runId, nodeId, retry), data: { runId, nodeId, retry } };
}

/** Enqueues step jobs inside the caller's transaction; ids already queued are skipped. */
export async function enqueueSteps(args: {
  tx: Tx;
  boss: PgBoss;
  jobs: readonly JobInsert<StepJobData>[];
}): Promise<void> {
  const unique = new Map(args.jobs.map((job) => [job.id, job]));
  if (unique.size === 0) return;
  await args.boss.insert(QUEUES.step, [...unique.values()], { db: fromDrizzle(args.tx, sql) });
}
