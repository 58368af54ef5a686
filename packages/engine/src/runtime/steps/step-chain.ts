import type { Tx } from '@crmflow/db';
import type { JobInsert } from 'pg-boss';
import type { RuntimeDeps } from '../runtime-deps.ts';
import { nodeTypeOf } from '../workflow-graph.ts';
import { afterStep } from './run-snapshot.ts';
import { claimSteps, isFinalStep } from './step-claim.ts';
import { executeBatch, runsInBatch, type StepAttempt, type StepOutcome } from './step-execute.ts';
import type { FinishedStep } from './step-finish.ts';
import { type StepJobData, stepJob } from './step-jobs.ts';
import { laneOfRun, runOrderOf } from './step-lanes.ts';
import { type LoadedRun, loadRecords } from './step-load.ts';

/** How many steps of one run a batch may run one after the other without a job in between. */
export const MAX_CHAINED_STEPS = 8;

export const finishedOf = (attempt: StepAttempt, outcome: StepOutcome, final: boolean): FinishedStep => ({
  orgId: attempt.run.orgId,
  runId: attempt.run.id,
  nodeId: attempt.step.nodeId,
  attempt: attempt.step.attempts,
  input: attempt.graph.nodes.get(attempt.step.nodeId)?.config ?? null,
  outcome,
  final,
  graph: attempt.graph,
  lane: laneOfRun(attempt.run),
  order: runOrderOf(attempt.run),
});

/** The attempt's run with what its step wrote to the run's record applied to its snapshot. */
export function withOutcome(attempt: StepAttempt, outcome: StepOutcome): LoadedRun {
  const { run, graph, step } = attempt;
  if (outcome.status !== 'succeeded') return run;
  const snapshot = afterStep({
    snapshot: run.snapshot,
    graph,
    nodeId: step.nodeId,
    output: outcome.output,
    recordId: run.recordId,
  });
  return snapshot === run.snapshot ? run : { ...run, snapshot };
}

/**
 * The steps that follow those just run in the finishing transaction and may run there too: each
 * the only next step of its record in this wave, of an executor that takes batches. They are
 * claimed in the transaction (their rows inserted `running`), so the jobs `finishSteps` would
 * queue for them are never created; their records are read again, as the steps before left them,
 * and their runs' snapshots take in what those steps wrote.
 */
async function nextWave(
  deps: RuntimeDeps,
  tx: Tx,
  wave: readonly StepAttempt[],
  outcomes: readonly StepOutcome[],
): Promise<StepAttempt[]> {
  const candidates: StepAttempt[] = [];
  for (const [index, attempt] of wave.entries()) {
    const outcome = outcomes[index];
    if (outcome?.status !== 'succeeded') continue;
    for (const nodeId of outcome.next) {
      const step = {
        runId: attempt.run.id,
        nodeId,
        status: 'running' as const,
        attempts: 0,
        startedAt: new Date(),
      };
      candidates.push({ ...attempt, run: withOutcome(attempt, outcome), step, wake: false });
    }
  }
  const perRecord = new Map<string, number>();
  for (const c of candidates) {
    const key = c.record?.id ?? c.run.id;
    perRecord.set(key, (perRecord.get(key) ?? 0) + 1);
  }
  const chained = candidates.filter(
    (c) => perRecord.get(c.record?.id ?? c.run.id) === 1 && runsInBatch(deps, c),
  );
  if (chained.length === 0) return [];
  const [records, claimed] = await Promise.all([
    loadRecords(
      tx,
      chained.flatMap((c) => (c.record ? [c.record.id] : [])),
    ),
    claimSteps(
      tx,
      chained.map((c) => ({
        orgId: c.run.orgId,
        runId: c.run.id,
        nodeId: c.step.nodeId,
        nodeType: nodeTypeOf(c.graph, c.step.nodeId),
      })),
    ),
  ]);
  return chained.flatMap((c) => {
    const step = claimed.get(`${c.run.id}:${c.step.nodeId}`);
    if (!step || isFinalStep(step.status)) return [];
    return [{ ...c, step, record: (c.record && records.get(c.record.id)) ?? c.record }];
  });
}

/**
 * Runs, in the finishing transaction, the steps that follow a batch's steps while each run's
 * next step takes batches: a run of `update_fields` then `notify` is done in one transaction
 * instead of a job and a batch per step. A chained step that fails with a retry left gets its
 * job, as if it had never been chained; one that fails for good is failed.
 */
export async function runChained(args: {
  deps: RuntimeDeps;
  tx: Tx;
  wave: readonly StepAttempt[];
  outcomes: readonly StepOutcome[];
}): Promise<{ finished: FinishedStep[]; jobs: JobInsert<StepJobData>[] }> {
  const { deps, tx } = args;
  const finished: FinishedStep[] = [];
  const jobs: JobInsert<StepJobData>[] = [];
  let wave = args.wave;
  let outcomes = args.outcomes;
  for (let depth = 1; depth < MAX_CHAINED_STEPS; depth += 1) {
    wave = await nextWave(deps, tx, wave, outcomes);
    if (wave.length === 0) break;
    outcomes = await executeBatch(deps, tx, wave);
    const settled = settleWave(wave, outcomes);
    finished.push(...settled.finished);
    jobs.push(...settled.jobs);
  }
  return { finished, jobs };
}

/**
 * How a wave of steps run in a finishing transaction ended: each step finished, and a step that
 * failed with a retry left sent to its own job (no attempt count of a job applies there yet).
 */
export function settleWave(
  wave: readonly StepAttempt[],
  outcomes: readonly StepOutcome[],
): { finished: FinishedStep[]; jobs: JobInsert<StepJobData>[] } {
  const finished: FinishedStep[] = [];
  const jobs: JobInsert<StepJobData>[] = [];
  for (const [index, attempt] of wave.entries()) {
    const outcome = outcomes[index];
    if (!outcome) continue;
    const final = outcome.status !== 'failed' || !outcome.retryable;
    finished.push(finishedOf(attempt, outcome, final));
    if (!final) jobs.push(stepJob(attempt.run.id, attempt.step.nodeId));
  }
  return { finished, jobs };
}
