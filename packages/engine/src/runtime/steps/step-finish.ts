import { jsonRows, runSteps, type StepStatus, type Tx } from '@crmflow/db';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type JobAttempt, type JobInsert, type PgBoss } from 'pg-boss';
import { QUEUES } from '../../queues.ts';
import { capPayload } from '../payload-cap.ts';
import { nodeTypeOf, type WorkflowGraph } from '../workflow-graph.ts';
import { refreshRunStatus } from './run-status.ts';
import type { StepOutcome } from './step-execute.ts';
import { enqueueSteps, type StepJobData, wakeJob } from './step-jobs.ts';
import { type LaneStep, laneJobs, type RunOrder } from './step-lanes.ts';

export type FinishedStep = {
  orgId: string;
  runId: string;
  nodeId: string;
  /**
   * The step's attempt count as this execution claimed it. Only that claim may finish the step:
   * an execution whose job was taken from it (expired, its heartbeat lost) and claimed again by
   * another cannot overwrite the newer attempt's step, which would leave it with no job.
   */
  attempt: number;
  input: unknown;
  outcome: StepOutcome;
  /** For a failure: no attempt follows (not retryable, or the last one). */
  final: boolean;
  graph: WorkflowGraph;
  /** The run's record lane and place in it: its next steps are queued by lane. */
  lane: string;
  order: RunOrder;
};

function storedStatus(step: FinishedStep): StepStatus {
  if (step.outcome.status === 'failed') return step.final ? 'failed' : 'pending';
  return step.outcome.status;
}

/**
 * Records how a batch of steps ended and moves their runs on, in one transaction: step rows,
 * the next steps' rows and jobs, wake-up jobs, the runs' status, and the jobs marked done. Runs
 * are locked first (in id order), so two batches finishing the last steps of one run in parallel
 * cannot both miss that the run is over. Only a step still `running` under the same attempt is
 * finished: a duplicate job that finished it already, or an attempt overtaken by a newer one,
 * changes nothing and queues nothing again.
 */
export async function finishSteps(args: {
  tx: Tx;
  boss: PgBoss;
  steps: readonly FinishedStep[];
  complete: readonly JobAttempt[];
  /** More jobs to queue with the rest (chained steps sent back to their own job). */
  jobs?: readonly JobInsert<StepJobData>[];
  /** The caller locked every run of `steps` already (with `lockRuns`). */
  runsLocked?: boolean;
}): Promise<void> {
  const { tx, boss, steps } = args;
  const runIds = [...new Set(steps.map((s) => s.runId))].sort();
  if (runIds.length > 0) {
    if (!args.runsLocked) await lockRuns(tx, runIds);
    const rows = steps.map((s) => ({
      run_id: s.runId,
      node_id: s.nodeId,
      attempts: s.attempt,
      status: storedStatus(s),
      output: capPayload(s.outcome.status === 'failed' ? null : s.outcome.output),
      error: capPayload(s.outcome.status === 'failed' ? s.outcome.error : null),
      input: capPayload(s.input),
    }));
    const moved = await tx.execute<{ run_id: string; node_id: string }>(sql`
      update run_steps s set
        status = v.status, output = v.output, error = v.error, input = v.input,
        finished_at = case when v.status in ('succeeded', 'skipped', 'failed') then now() else null end
      from json_to_recordset(${jsonRows(rows)})
        as v(run_id uuid, node_id text, attempts int, status text, output jsonb, error jsonb, input jsonb)
      where s.run_id = v.run_id and s.node_id = v.node_id and s.status = 'running' and s.attempts = v.attempts
      returning s.run_id::text as run_id, s.node_id
    `);
    const movedKeys = new Set(moved.map((row) => `${row.run_id}:${row.node_id}`));
    const finished = steps.filter((s) => movedKeys.has(`${s.runId}:${s.nodeId}`));
    await queueNext({ tx, boss, finished, jobs: args.jobs ?? [] });
  }
  // Independent statements, queued together on the transaction's connection.
  await Promise.all([
    refreshRunStatus(tx, runIds),
    args.complete.length > 0
      ? boss.complete(QUEUES.step, [...args.complete], null, { db: fromDrizzle(tx, sql) })
      : undefined,
  ]);
}

/** Locks runs in id order, the one order every transaction of the runtime takes them in. */
export async function lockRuns(tx: Tx, runIds: readonly string[]): Promise<void> {
  const ids = [...new Set(runIds)].sort();
  if (ids.length === 0) return;
  await tx.execute(sql`select id from runs where id in ${ids} order by id for update`);
}

async function queueNext(args: {
  tx: Tx;
  boss: PgBoss;
  finished: readonly FinishedStep[];
  jobs: readonly JobInsert<StepJobData>[];
}): Promise<void> {
  const { tx, boss, finished } = args;
  const next = finished.flatMap((s) =>
    s.outcome.status === 'succeeded'
      ? s.outcome.next.map((nodeId) => ({
          row: {
            orgId: s.orgId,
            runId: s.runId,
            nodeId,
            nodeType: nodeTypeOf(s.graph, nodeId),
            status: 'pending' as const,
          },
          step: { runId: s.runId, nodeId, lane: s.lane, order: s.order, rank: s.graph.rank.get(nodeId) ?? 0 },
        }))
      : [],
  );
  const created =
    next.length === 0
      ? []
      : await tx
          .insert(runSteps)
          .values(next.map((n) => n.row))
          .onConflictDoNothing()
          .returning({ runId: runSteps.runId, nodeId: runSteps.nodeId });
  const createdKeys = new Set(created.map((row) => `${row.runId}:${row.nodeId}`));
  const ready: LaneStep[] = next.flatMap((n) =>
    createdKeys.has(`${n.step.runId}:${n.step.nodeId}`) ? [n.step] : [],
  );
  const wakes = finished.flatMap((s) =>
    s.outcome.status === 'waiting' ? [wakeJob(s.runId, s.nodeId, s.outcome.until)] : [],
  );
  await enqueueSteps({
    tx,
    boss,
    jobs: [...laneJobs(ready), ...wakes, ...args.jobs],
  });
}
