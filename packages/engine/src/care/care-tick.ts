import type { Database } from '@crmflow/db';
import type { PgBoss } from 'pg-boss';
import { OrgContexts } from '../runtime/org-context.ts';
import type { EngineLogger } from '../runtime/runtime-deps.ts';
import { careDaysDue, type DayRange, fireDatesOf } from './care-days.ts';
import { CareIndexes } from './care-index.ts';
import {
  type ActiveCareProcess,
  CareGraphCache,
  loadActiveCareProcesses,
  markScheduled,
} from './care-processes.ts';
import { type CareProcessRun, insertCareRuns, planCareStarts } from './care-runs.ts';
import { CARE_BATCH_SIZE, dueRecordBatches } from './care-select.ts';

/** What a scheduler needs; the caches are only shortcuts, every decision is read from the database. */
export type CareSchedulerDeps = {
  database: Database;
  boss: PgBoss;
  logger: EngineLogger;
  orgs?: OrgContexts;
  graphs?: CareGraphCache;
  indexes?: CareIndexes;
  batchSize?: number;
  maxCatchUpDays?: number;
};

/** What one tick did for one care process. */
export type CareTickOutcome = { workflowId: string; days: DayRange; selected: number; runs: number };

/**
 * One tick of the scheduler at `now` (the caller's clock): for every active care process whose
 * run time has come on a day not yet scheduled, selects the records due on those days, a batch
 * at a time, and starts their runs pinned to the current version, then records the day as done.
 * Safe to run twice at once or again after a crash: runs are unique per occurrence.
 */
export async function runCareTick(deps: CareSchedulerDeps, now: Date): Promise<CareTickOutcome[]> {
  const { database, logger } = deps;
  const { db } = database;
  const orgs = deps.orgs ?? new OrgContexts();
  const graphs = deps.graphs ?? new CareGraphCache();
  const indexes = deps.indexes ?? new CareIndexes();
  const outcomes: CareTickOutcome[] = [];
  const processes = await loadActiveCareProcesses(db);
  const parsed = await graphs.load(
    db,
    processes.map((p) => p.versionId),
  );
  for (const process of processes) {
    const graph = parsed.get(process.versionId);
    if (!graph) {
      logger.warn({ workflowId: process.id }, 'active care process with an unusable graph');
      continue;
    }
    const days = careDaysDue({
      now,
      timeZone: process.timeZone,
      runAt: graph.trigger.config.runAt,
      lastScheduledOn: process.lastScheduledOn,
      activatedAt: process.activatedAt,
      ...(deps.maxCatchUpDays ? { maxCatchUpDays: deps.maxCatchUpDays } : {}),
    });
    if (!days) continue;
    const { dateField, recurrence } = graph.trigger.config;
    try {
      await indexes.ensure({
        database,
        module: process.module,
        field: dateField,
        kind: recurrence === 'yearly' ? 'md' : 'date',
        logger,
      });
      const org = await orgs.one(db, process.orgId);
      const run: CareProcessRun = {
        workflowId: process.id,
        versionId: process.versionId,
        module: process.module,
        graph,
        org,
      };
      const outcome = await scheduleDays({ deps, process, run, days, now });
      outcomes.push(outcome);
      if (outcome.runs > 0) logger.info(outcome, 'care process scheduled');
    } catch (error) {
      // One process failing (a broken field, a lost connection) must not hold up the others;
      // its days stay unscheduled, so the next tick tries again.
      logger.error({ workflowId: process.id, error }, 'care process not scheduled');
    }
  }
  return outcomes;
}

async function scheduleDays(args: {
  deps: CareSchedulerDeps;
  process: ActiveCareProcess;
  run: CareProcessRun;
  days: DayRange;
  now: Date;
}): Promise<CareTickOutcome> {
  const { deps, process, run, days, now } = args;
  const { db } = deps.database;
  const trigger = run.graph.trigger.config;
  const selector = {
    orgId: process.orgId,
    module: process.module,
    trigger,
    leapDay: process.leapDay,
    fire: fireDatesOf(days, trigger.window),
  };
  let selected = 0;
  let started = 0;
  for await (const batch of dueRecordBatches({
    db,
    selector,
    batchSize: deps.batchSize ?? CARE_BATCH_SIZE,
  })) {
    selected += batch.length;
    const starts = planCareStarts({ process: run, records: batch, now });
    const ids = await db.transaction((tx) => insertCareRuns({ tx, boss: deps.boss, process: run, starts }));
    started += ids.length;
  }
  await markScheduled({ db, process, through: days.to, now });
  return { workflowId: process.id, days, selected, runs: started };
}
