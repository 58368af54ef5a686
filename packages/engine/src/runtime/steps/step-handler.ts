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

type Wanted = Pick<Work, 'job' | 'data'>;

const stepKey = (runId: string, nodeId: string) => `${runId}:${nodeId}`;

const stepKeyOf = (w: Work): StepKey => ({
  orgId: w.attempt.run.orgId,
  runId: w.data.runId,
  nodeId: w.data.nodeId,
  nodeType: w.nodeType,
});

/** The steps of a batch, grouped by the record their run is about (by run when it has none). */
function byRecord(work: readonly Work[]): Work[][] {
  const groups = new Map<string, Work[]>();
  for (const w of work) {
    const key = w.attempt.record?.id ?? w.attempt.run.id;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  return [...groups.values()];
}

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

/** Phase 1: every step the jobs ask for, once (a step asked twice keeps its first job). */
function wantedSteps(deps: RuntimeDeps, jobs: readonly JobWithMetadata<unknown>[]): Wanted[] {
  const wanted = new Map<string, Wanted>();
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
  return [...wanted.values()];
}

/**
 * Phase 2: the runs, organisations, graphs and records of those steps, loaded for the whole
 * batch; steps of runs that are gone, dropped or skipped, or whose graph cannot be read, fall out.
 */
async function loadWork(deps: RuntimeDeps, entries: readonly Wanted[]): Promise<Work[]> {
  const { db } = deps.database;
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
  return work;
}

/**
 * Phase 3: every step claimed (a crash leaves it `running`, its attempt counted). A record's
 * only step of the batch, of an executor that takes batches, is kept to run in the first finishing
 * transaction, its effect committed with its completion; the others run after it, one after the
 * other per record.
 */
async function claimWork(
  deps: RuntimeDeps,
  work: readonly Work[],
): Promise<{ batched: Work[]; alone: Work[][] }> {
  const toBatch: Work[] = [];
  const toClaim: Work[] = [];
  for (const group of byRecord(work)) {
    const [only] = group;
    if (group.length === 1 && only && runsInBatch(deps, only.attempt)) toBatch.push(only);
    else toClaim.push(...group);
  }
  const claimed = await engineTransaction(deps.database.db, (tx) => claimSteps(tx, work.map(stepKeyOf)));
  return { batched: runnableOf(toBatch, claimed), alone: byRecord(runnableOf(toClaim, claimed)) };
}

/**
 * What the batch has come to so far: the steps finished, the jobs sent back for the steps that
 * follow, and each job's result. A job runs one step, or several of one record in order
 * (`after`); it is settled by its worst step: failed (retried), then dead-lettered, else completed.
 * The batch finishes in two transactions; `take` hands over what the next one is to finish.
 */
class Settlement {
  private finished: FinishedStep[] = [];
  private sentBack: JobInsert<StepJobData>[] = [];
  readonly results: Map<string, JobResult>;

  constructor(jobs: readonly JobWithMetadata<unknown>[]) {
    this.results = new Map(jobs.map((job) => [job.id, { id: job.id, status: 'completed' }]));
  }

  settle(w: Work, outcome: StepOutcome): void {
    const final = outcome.status !== 'failed' || !outcome.retryable || w.job.retryCount >= w.job.retryLimit;
    this.finished.push(finishedOf(w.attempt, outcome, final));
    if (outcome.status !== 'failed') return;
    const status = final ? 'deadletter' : 'failed';
    const before = this.results.get(w.job.id)?.status ?? 'completed';
    if (severity[status] > severity[before])
      this.results.set(w.job.id, { id: w.job.id, status, output: outcome.error });
  }

  /** Steps that ran chained in a finishing transaction, and the jobs they sent back. */
  add(chained: { finished: FinishedStep[]; jobs: JobInsert<StepJobData>[] }): void {
    this.finished.push(...chained.finished);
    this.sentBack.push(...chained.jobs);
  }

  /** The finished steps and sent-back jobs not yet handed to a transaction, and forgets them. */
  take(): { finished: FinishedStep[]; sentBack: JobInsert<StepJobData>[] } {
    const taken = { finished: this.finished, sentBack: this.sentBack };
    this.finished = [];
    this.sentBack = [];
    return taken;
  }

  /** Of these jobs, those completed so far, as pg-boss completes them (fenced by attempt). */
  completed(jobs: Iterable<JobWithMetadata<unknown>>): JobAttempt[] {
    return [...jobs].flatMap((job) =>
      this.results.get(job.id)?.status === 'completed' ? [{ id: job.id, retryCount: job.retryCount }] : [],
    );
  }
}

/**
 * Phase 4, first transaction: the batched steps run (followed by the next steps of their runs
 * while those take batches too, `runChained`) and are finished, with the jobs that hold nothing
 * else. It comes before the steps that run alone: a run of database writes moves on at once
 * instead of waiting for the batch's messages to be sent.
 */
async function finishBatched(
  deps: RuntimeDeps,
  batched: readonly Work[],
  alone: readonly Work[][],
  settlement: Settlement,
): Promise<Set<string>> {
  const jobs = new Map(batched.map((w) => [w.job.id, w.job]));
  for (const w of alone.flat()) jobs.delete(w.job.id);
  await engineTransaction(deps.database.db, async (tx) => {
    // Runs before records, as `finishSteps` takes them: every run of the batch, in id order.
    await lockRuns(
      tx,
      batched.map((w) => w.data.runId),
    );
    const outcomes = await executeBatch(
      deps,
      tx,
      batched.map((w) => w.attempt),
    );
    for (const [index, w] of batched.entries()) {
      const outcome = outcomes[index];
      if (outcome) settlement.settle(w, outcome);
    }
    settlement.add(await runChained({ deps, tx, wave: batched.map((w) => w.attempt), outcomes }));
    const { finished, sentBack } = settlement.take();
    await finishSteps({
      tx,
      boss: deps.boss,
      steps: finished,
      complete: settlement.completed(jobs.values()),
      jobs: sentBack,
      runsLocked: true,
    });
  });
  return new Set(jobs.keys());
}

/**
 * Phase 5: the steps that do not run in a finishing transaction, the steps of one record one
 * after the other in the workflows' priority order, different records side by side.
 */
async function runAlone(deps: RuntimeDeps, alone: Work[][], settlement: Settlement): Promise<void> {
  const { db } = deps.database;
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
      settlement.settle(w, outcome);
    }
  });
}

/** Phase 6, second transaction: the steps that ran alone finished, and every other job. */
async function finishRest(
  deps: RuntimeDeps,
  jobs: readonly JobWithMetadata<unknown>[],
  done: ReadonlySet<string>,
  settlement: Settlement,
): Promise<void> {
  const { finished, sentBack } = settlement.take();
  const complete = settlement.completed(jobs.filter((job) => !done.has(job.id)));
  if (finished.length === 0 && complete.length === 0 && sentBack.length === 0) return;
  await engineTransaction(deps.database.db, (tx) =>
    finishSteps({ tx, boss: deps.boss, steps: finished, complete, jobs: sentBack }),
  );
}

/**
 * The step worker: a batch of step jobs in, per-job results out. Loads runs, graphs and records
 * for the whole batch and claims the steps in one statement. Steps whose executor takes batches
 * (database writes only) then run inside one transaction that finishes them, a few statements
 * for all of them, followed by the next steps of their runs while those take batches too
 * (`runChained`). The others run after (the steps of one record one after the other in the
 * workflows' priority order, different records side by side) and are finished together in a
 * second transaction. Retryable failures go back to pg-boss for a later attempt; final ones go
 * to the dead-letter queue, kept for inspection.
 */
export async function handleSteps(
  deps: RuntimeDeps,
  jobs: readonly JobWithMetadata<unknown>[],
): Promise<JobResult[]> {
  const settlement = new Settlement(jobs);
  const work = await loadWork(deps, wantedSteps(deps, jobs));
  const { batched, alone } = await claimWork(deps, work);
  const done = batched.length > 0 ? await finishBatched(deps, batched, alone, settlement) : new Set<string>();
  await runAlone(deps, alone, settlement);
  await finishRest(deps, jobs, done, settlement);
  return [...settlement.results.values()];
}
