import type { JobInsert } from 'pg-boss';
import type { StepAttempt } from './step-execute.ts';
import { type StepJobData, stepJob, stepsJob } from './step-jobs.ts';
import type { LoadedRun } from './step-load.ts';

/**
 * Where a run stands among the runs of its record: the time of the event that started it (care
 * runs, which have none, count as 0), then its workflow's place in the priority order (priority,
 * creation time, id).
 */
export type RunOrder = readonly [at: number, priority: number, created: number, workflowId: string];

/** A step to run, with its lane (its record, or its run when it has none) and place in it. */
export type LaneStep = { runId: string; nodeId: string; lane: string; order: RunOrder; rank: number };

export function runOrderOf(run: LoadedRun): RunOrder {
  const at = run.cause.at ? Date.parse(run.cause.at) : Number.NaN;
  return [Number.isFinite(at) ? at : 0, ...run.order];
}

/** A run's lane: its record (whose snapshot a step loads from the run's record id), else itself. */
export const laneOfRun = (run: LoadedRun) => run.recordId ?? run.id;

export const laneStepOf = (of: Pick<StepAttempt, 'run' | 'graph'>, nodeId: string): LaneStep => ({
  runId: of.run.id,
  nodeId,
  lane: laneOfRun(of.run),
  order: runOrderOf(of.run),
  rank: of.graph.rank.get(nodeId) ?? 0,
});

/** Earlier events first; for one event, workflows in priority order; in a run, nodes by rank. */
export function compareLaneSteps(a: LaneStep, b: LaneStep): number {
  const [ta, pa, ca, ia] = a.order;
  const [tb, pb, cb, ib] = b.order;
  if (ta !== tb) return ta - tb;
  if (pa !== pb) return pa - pb;
  if (ca !== cb) return ca - cb;
  if (ia !== ib) return ia < ib ? -1 : 1;
  if (a.runId !== b.runId) return a.runId < b.runId ? -1 : 1;
  return a.rank - b.rank;
}

/**
 * The jobs for steps that become ready together: one per record lane. A record's several steps go
 * in one job, in their order, so that one worker runs them one after the other; separate jobs
 * could be fetched by two batches running side by side and apply their writes in either order.
 */
export function laneJobs(steps: readonly LaneStep[]): JobInsert<StepJobData>[] {
  const lanes = new Map<string, LaneStep[]>();
  for (const step of steps) {
    const lane = lanes.get(step.lane);
    if (lane) lane.push(step);
    else lanes.set(step.lane, [step]);
  }
  return [...lanes.values()].map((lane) => {
    const [first, ...rest] = lane.sort(compareLaneSteps);
    if (!first) throw new Error('empty lane');
    return rest.length === 0 ? stepJob(first.runId, first.nodeId) : stepsJob([first, ...rest]);
  });
}
