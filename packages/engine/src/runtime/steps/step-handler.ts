import type { JobAttempt, JobInsert, JobResult, JobWithMetadata } from 'pg-boss';
import { engineTransaction } from '../engine-transaction.ts';
import { forEachLimit } from '../run-limit.ts';
import type { RuntimeDeps } from '../runtime-deps.ts';
import { nodeTypeOf } from '../workflow-graph.ts';
import { finishedOf, runChained, withOutcome } from './step-chain.ts';
import { type ClaimedStep, claimSteps, isFinalStep, type StepKey } from './step-claim.ts';
import {
  executeBatch,
  executeStep,
  runsInBatch,
  type StepAttempt,
  type StepOutcome,
} from './step-execute.ts';
import { type FinishedStep, finishSteps, lockRuns } from './step-finish.ts';
import { StepJobData, type StepRef, stepsOfJob } from './step-jobs.ts';
import { compareLaneSteps, laneStepOf } from './step-lanes.ts';
import { type LoadedRun, loadRecords, loadRuns } from './step-load.ts';

type Work = {
  job: JobWithMetadata<unknown>;
  data: StepRef & { wake?: string };
  attempt: StepAttempt;
  nodeType: string;
};

const stepKey = (runId: string, nodeId: string) => `${runId}:${nodeId}`;

const stepKeyOf = (w: Work): StepKey => ({
  orgId: w.attempt.run.orgId,
  runId: w.data.runId,
  nodeId: w.data.nodeId,
  nodeType: w.nodeType,
});

/** The claimed steps to run now, leaving out those already done (their job was a duplicate). */
function runnableOf(work: readonly Work[], claimed: ReadonlyMap<string, ClaimedStep>): Work[] {
  const runnable: Work[] = [];
  for (const w of work) {
    const step = claimed.get(stepKey(w.data.runId, w.data.nodeId));
    if (step && !isFinalStep(step.status)) runnable.push({ ...w, attempt: { ...w.attempt, step } });
  }
  return runnable;
}

const compareOrder = (a: Work, b: Work) =>
  compareLaneSteps(laneStepOf(a.attempt, a.data.nodeId), laneStepOf(b.attempt, b.data.nodeId));

const severity = { completed: 0, deadletter: 1, failed: 2 } as const;

/**
 * The step worker: a batch of step jobs in, per-job results out. Loads runs, graphs and records
 * for the whole batch, claims the steps in one statement, runs them (the steps of one record one
 * after the other in the workflows' priority order, different records side by side), then
 * finishes them all in one transaction. Steps whose executor takes batches (database writes
 * only) run inside that transaction, a few statements for all of them, followed by the next
 * steps of their runs while those take batches too (`runChained`). Retryable failures go back to
 * pg-boss for a later attempt; final ones go to the dead-letter queue, kept for inspection.
 */
export async function handleSteps(
  deps: RuntimeDeps,
  jobs: readonly JobWithMetadata<unknown>[],
): Promise<JobResult[]> {
  const { db } = deps.database;
  // A job runs one step, or several of one record in order (`after`); it is settled by its worst
  // step: failed (retried), then dead-lettered, else completed.
  const results = new Map<string, JobResult>(
    jobs.map((job) => [job.id, { id: job.id, status: 'completed' }]),
  );
  const wanted = new Map<string, { job: JobWithMetadata<unknown>; data: Work['data'] }>();
  for (const job of jobs) {
    const data = StepJobData.safeParse(job.data);
    if (!data.success) {
      deps.logger.warn({ jobId: job.id }, 'step job with an unexpected payload');
      continue;
    }
    for (const [index, step] of stepsOfJob(data.data).entries()) {
      const key = stepKey(step.runId, step.nodeId);
      const wake = index === 0 ? data.data.wake : undefined;
      if (!wanted.has(key)) wanted.set(key, { job, data: wake === undefined ? step : { ...step, wake } });
    }
  }
  const entries = [...wanted.values()];
  const runs = await loadRuns(
    db,
    entries.map((e) => e.data.runId),
  );
  const loaded = [...runs.values()];
  const loadOrgs = () =>
    deps.orgs.load(
      db,
      loaded.map((run) => run.orgId),
    );
  const loadGraphs = () =>
    deps.graphs.load(
      db,
      loaded.map((run) => run.workflowVersionId),
    );
  const loadRunRecords = () =>
    loadRecords(
      db,
      loaded.flatMap((run) => (run.recordId ? [run.recordId] : [])),
    );
  // The embedded database runs one statement at a time: there, one after the other.
  const [orgs, graphs, records] =
    deps.database.mode === 'postgres'
      ? await Promise.all([loadOrgs(), loadGraphs(), loadRunRecords()])
      : [await loadOrgs(), await loadGraphs(), await loadRunRecords()];
  const work: Work[] = [];
  for (const { job, data } of entries) {
    const run = runs.get(data.runId);
    const org = run ? orgs.get(run.orgId) : undefined;
    const graph = run ? graphs.get(run.workflowVersionId) : undefined;
    if (!run || !org || !graph || run.status === 'dropped' || run.status === 'skipped') {
      if (run && !graph)
        deps.logger.warn({ runId: run.id }, 'run of a workflow version that cannot be parsed');
      continue;
    }
    const nodeType = nodeTypeOf(graph, data.nodeId);
    const record = run.recordId ? (records.get(run.recordId) ?? null) : null;
    const placeholder = {
      runId: run.id,
      nodeId: data.nodeId,
      status: 'running' as const,
      attempts: 0,
      startedAt: new Date(),
    };
    const attempt: StepAttempt = {
      run,
      graph,
      org,
      record,
      step: placeholder,
      wake: data.wake !== undefined,
    };
    work.push({ job, data, attempt, nodeType });
  }
  // Every step is claimed first (a crash leaves it `running`, its attempt counted). A record's
  // only step of the batch, of an executor that takes batches, then runs in the finishing
  // transaction, its effect committed with its completion; the others run before it, one after
  // the other per record.
  const byRecord = new Map<string, Work[]>();
  for (const w of work) {
    const key = w.attempt.record?.id ?? w.attempt.run.id;
    byRecord.set(key, [...(byRecord.get(key) ?? []), w]);
  }
  const toBatch: Work[] = [];
  const toClaim: Work[] = [];
  for (const group of byRecord.values()) {
    const [only] = group;
    if (group.length === 1 && only && runsInBatch(deps, only.attempt)) toBatch.push(only);
    else toClaim.push(...group);
  }
  const claimed = await engineTransaction(db, (tx) => claimSteps(tx, work.map(stepKeyOf)));
  const batched = runnableOf(toBatch, claimed);
  const groups = new Map<string, Work[]>();
  for (const w of runnableOf(toClaim, claimed)) {
    const key = w.attempt.record?.id ?? w.attempt.run.id;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const alone = [...groups.values()];
  const finished: FinishedStep[] = [];
  const sentBack: JobInsert<StepJobData>[] = [];
  const settle = (w: Work, outcome: StepOutcome) => {
    const final = outcome.status !== 'failed' || !outcome.retryable || w.job.retryCount >= w.job.retryLimit;
    finished.push(finishedOf(w.attempt, outcome, final));
    if (outcome.status !== 'failed') return;
    const status = final ? 'deadletter' : 'failed';
    const before = results.get(w.job.id)?.status ?? 'completed';
    if (severity[status] > severity[before])
      results.set(w.job.id, { id: w.job.id, status, output: outcome.error });
  };
  await forEachLimit(alone, deps.parallelSteps, async (group) => {
    // A step's write to its run's record shows in the snapshot of that run's later steps.
    const ran = new Map<string, LoadedRun>();
    for (const [index, w] of group.sort(compareOrder).entries()) {
      // The step before may have changed the record: later ones see it as it is now.
      const recordId = w.attempt.record?.id;
      const fresh = index > 0 && recordId ? (await loadRecords(db, [recordId])).get(recordId) : undefined;
      const run = ran.get(w.attempt.run.id) ?? w.attempt.run;
      const attempt = { ...w.attempt, run, record: fresh ?? w.attempt.record };
      const outcome = await executeStep(deps, attempt);
      ran.set(run.id, withOutcome(attempt, outcome));
      settle(w, outcome);
    }
  });
  await engineTransaction(db, async (tx) => {
    if (batched.length > 0) {
      // Runs before records, as `finishSteps` takes them: every run of the batch, in id order.
      await lockRuns(tx, [...finished.map((f) => f.runId), ...batched.map((w) => w.data.runId)]);
      const outcomes = await executeBatch(
        deps,
        tx,
        batched.map((w) => w.attempt),
      );
      for (const [index, w] of batched.entries()) {
        const outcome = outcomes[index];
        if (outcome) settle(w, outcome);
      }
      const chained = await runChained({
        deps,
        tx,
        wave: batched.map((w) => w.attempt),
        outcomes,
      });
      finished.push(...chained.finished);
      sentBack.push(...chained.jobs);
    }
    const complete: JobAttempt[] = jobs.flatMap((job) =>
      results.get(job.id)?.status === 'completed' ? [{ id: job.id, retryCount: job.retryCount }] : [],
    );
    await finishSteps({
      tx,
      boss: deps.boss,
      steps: finished,
      complete,
      jobs: sentBack,
      runsLocked: batched.length > 0,
    });
  });
  return [...results.values()];
}
