import { sql } from 'drizzle-orm';
import { fromDrizzle, type Job } from 'pg-boss';
import { QUEUES } from '../../queues.ts';
import { RecordChangedEvent } from '../../records/record-event.ts';
import { engineTransaction } from '../engine-transaction.ts';
import type { RuntimeDeps } from '../runtime-deps.ts';
import { startFirstSteps } from '../steps/step-first.ts';
import { loadActiveWorkflows } from './active-workflows.ts';
import { pairKey, planRuns } from './matcher-plan.ts';
import { claimFirstFires, insertDroppedRuns, insertStartedRuns, writeLedger } from './matcher-writes.ts';

function parseEvents(deps: RuntimeDeps, jobs: readonly Job<unknown>[]): RecordChangedEvent[] {
  const events: RecordChangedEvent[] = [];
  for (const job of jobs) {
    const parsed = RecordChangedEvent.safeParse(job.data);
    if (parsed.success) events.push(parsed.data);
    else deps.logger.warn({ jobId: job.id }, 'record.changed job with an unexpected payload');
  }
  // Stable: events of one instant keep the order they were queued in.
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * The matcher: a batch of `record.changed` jobs in, runs out. Reads what it needs in a few
 * queries, decides in memory, then writes the ledger, the runs with their first steps, runs
 * those steps that take batches (`startFirstSteps`) or queues their jobs, and marks the batch
 * done, all in one transaction (a batch in which nothing fired is just marked done).
 */
export async function handleRecordEvents(deps: RuntimeDeps, jobs: readonly Job<unknown>[]): Promise<void> {
  const { database, boss } = deps;
  const { db } = database;
  const events = parseEvents(deps, jobs);
  const scopes = [
    ...new Map(events.map((e) => [`${e.orgId}:${e.module}`, { orgId: e.orgId, module: e.module }])).values(),
  ];
  const loadOrgs = () =>
    deps.orgs.load(
      db,
      events.map((event) => event.orgId),
    );
  const loadActive = () =>
    loadActiveWorkflows({
      db,
      graphs: deps.graphs,
      scopes,
      onInvalid: (workflowId) => deps.logger.warn({ workflowId }, 'active workflow with an unusable graph'),
    });
  // The embedded database runs one statement at a time: there, one after the other.
  const [orgs, active] =
    database.mode === 'postgres'
      ? await Promise.all([loadOrgs(), loadActive()])
      : [await loadOrgs(), await loadActive()];
  const plan = planRuns({ events, active, orgs, now: deps.now() });
  const done = jobs.map((job) => ({ id: job.id, retryCount: job.retryCount }));
  if (plan.starts.length === 0 && plan.drops.length === 0 && plan.ledger.length === 0) {
    // Nothing fired (a workflow's own write, often): nothing to write with the completion.
    await boss.complete(QUEUES.recordChanged, done);
    return;
  }
  await engineTransaction(db, async (tx) => {
    const once = plan.starts.filter((start) => !start.repeat);
    const claimed = await claimFirstFires(tx, once);
    const starts = plan.starts.filter(
      (start) => start.repeat || claimed.has(pairKey(start.workflow.id, start.event.recordId)),
    );
    const fired = new Set(starts.map((start) => pairKey(start.workflow.id, start.event.recordId)));
    await writeLedger({ tx, entries: plan.ledger, fired });
    const started = await insertStartedRuns({ tx, starts });
    await startFirstSteps({ deps, tx, starts: started, orgs });
    await insertDroppedRuns({ tx, drops: plan.drops, orgs });
    await boss.complete(QUEUES.recordChanged, done, null, { db: fromDrizzle(tx, sql) });
  });
}
