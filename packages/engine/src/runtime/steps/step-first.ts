import type { Tx } from '@crmflow/db';
import type { PlannedStart } from '../matcher/matcher-plan.ts';
import type { OrgContext } from '../org-context.ts';
import type { RuntimeDeps } from '../runtime-deps.ts';
import { nodeTypeOf } from '../workflow-graph.ts';
import { runChained, settleWave } from './step-chain.ts';
import { claimSteps, isFinalStep } from './step-claim.ts';
import { executeBatch, runsInBatch, type StepAttempt } from './step-execute.ts';
import { finishSteps } from './step-finish.ts';
import { enqueueSteps } from './step-jobs.ts';
import { type LaneStep, laneJobs, laneStepOf } from './step-lanes.ts';
import { type LoadedRun, loadRecords, StepCause } from './step-load.ts';

const emptyCause: StepCause = { chain: [], changes: [], before: null };

function loadedRunOf(start: PlannedStart): LoadedRun {
  const cause = StepCause.safeParse(start.cause);
  return {
    id: start.runId,
    orgId: start.event.orgId,
    workflowId: start.workflow.id,
    workflowVersionId: start.workflow.versionId,
    module: start.event.module,
    recordId: start.event.recordId,
    depth: start.event.causation.depth,
    status: 'queued',
    cause: cause.success ? cause.data : emptyCause,
    // The record as the event left it (its last values for a delete); no step has written yet.
    snapshot: { base: start.event.after ?? start.event.before, writes: [] },
    order: start.workflow.order,
  };
}

/**
 * The first action steps of the runs the matcher just inserted, in the matcher's transaction.
 * A step the step worker would run in its finishing transaction (the only first step of its
 * record among these runs, of an executor that takes batches) runs here instead, followed by its
 * run's next steps while they take batches too: no step job is created for it, and its effects,
 * its completion and the events' completion commit together, so a crash undoes them all and the
 * redelivered events do them again. Every other first step is queued, a record's several in one
 * job (`laneJobs`), as is a step run here that fails with a retry left.
 */
export async function startFirstSteps(args: {
  deps: RuntimeDeps;
  tx: Tx;
  starts: readonly PlannedStart[];
  orgs: ReadonlyMap<string, OrgContext>;
}): Promise<void> {
  const { deps, tx, starts, orgs } = args;
  const perRecord = new Map<string, number>();
  for (const start of starts) {
    const id = start.event.recordId;
    perRecord.set(id, (perRecord.get(id) ?? 0) + start.actions.length);
  }
  const queued: LaneStep[] = [];
  const alone = starts.filter((start) => perRecord.get(start.event.recordId) === 1);
  const records = await loadRecords(
    tx,
    alone.map((start) => start.event.recordId),
  );
  const candidates: StepAttempt[] = [];
  for (const start of starts) {
    const org = orgs.get(start.event.orgId);
    const record = records.get(start.event.recordId) ?? null;
    const run = loadedRunOf(start);
    const graph = start.workflow.graph;
    for (const nodeId of start.actions) {
      const step = {
        runId: start.runId,
        nodeId,
        status: 'running' as const,
        attempts: 0,
        startedAt: new Date(),
      };
      const attempt = org ? { run, graph, org, record, step, wake: false } : null;
      if (attempt && perRecord.get(start.event.recordId) === 1 && runsInBatch(deps, attempt))
        candidates.push(attempt);
      else queued.push(laneStepOf({ run, graph }, nodeId));
    }
  }
  const jobs = laneJobs(queued);
  if (candidates.length === 0) {
    await enqueueSteps({ tx, boss: deps.boss, jobs });
    return;
  }
  const claimed = await claimSteps(
    tx,
    candidates.map((c) => ({
      orgId: c.run.orgId,
      runId: c.run.id,
      nodeId: c.step.nodeId,
      nodeType: nodeTypeOf(c.graph, c.step.nodeId),
    })),
  );
  const wave = candidates.flatMap((c) => {
    const step = claimed.get(`${c.run.id}:${c.step.nodeId}`);
    if (!step || isFinalStep(step.status)) return [];
    return [{ ...c, run: { ...c.run, status: 'running' as const }, step }];
  });
  const outcomes = await executeBatch(deps, tx, wave);
  const settled = settleWave(wave, outcomes);
  const chained = await runChained({ deps, tx, wave, outcomes });
  await finishSteps({
    tx,
    boss: deps.boss,
    steps: [...settled.finished, ...chained.finished],
    complete: [],
    jobs: [...jobs, ...settled.jobs, ...chained.jobs],
  });
}
