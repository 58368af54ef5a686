import type { Database } from '@crmflow/db';
import type { Job, PgBoss } from 'pg-boss';
import { startCareScheduler } from './care/care-scheduler.ts';
import type { ExecutorRegistry } from './executors/executor.ts';
import { executors as defaultExecutors } from './executors/registry.ts';
import { pushJobHandler } from './push/push-worker.ts';
import { ensureQueues, QUEUES } from './queues.ts';
import { purgeRecordHistory } from './records/record-history.ts';
import { GraphCache } from './runtime/matcher/active-workflows.ts';
import { gatheringHandler } from './runtime/matcher/event-intake.ts';
import { handleRecordEvents } from './runtime/matcher/matcher.ts';
import { OrgContexts } from './runtime/org-context.ts';
import { cleanupRuns } from './runtime/run-cleanup.ts';
import type { EngineLogger, RuntimeDeps } from './runtime/runtime-deps.ts';
import { handleDeadSteps } from './runtime/steps/step-dead.ts';
import { handleSteps } from './runtime/steps/step-handler.ts';

export type { EngineLogger } from './runtime/runtime-deps.ts';

export type RunningWorker = { stop(): Promise<void> };

export type StartWorkerOptions = {
  database: Database;
  boss: PgBoss;
  logger: EngineLogger;
  /** Step batches handled at once in this process (default 3; 1 on the embedded database). */
  concurrency?: number;
  /**
   * `record.changed` batches handled at once in this process (default 1). One loop that gathers
   * (`gatheringHandler`) takes events written one by one in batches of dozens; several loops
   * each take the few that arrived since their last fetch and pay a batch's statements for them.
   */
  eventConcurrency?: number;
  /**
   * Jobs fetched at once per batch (on Postgres, defaults 250 events and 150 steps): bigger
   * batches share their statements and commits among more jobs, smaller ones finish sooner.
   */
  batchSizes?: { events?: number; steps?: number };
  /** Replaces executors, e.g. in tests; defaults to the registry. */
  executors?: ExecutorRegistry;
};

/**
 * After a batch of events well short of full, how long the matcher waits for more before its
 * next fetch (see `gatheringHandler`): at 400 events a second, a dozen more per batch.
 */
const EVENT_GATHER_MS = 25;

/** Daily, at night in Vietnam, when nobody is waiting on a run. */
const CLEANUP_CRON = '30 3 * * *';

/**
 * Starts the runtime in this process: the matcher on `record.changed`, the step worker, the
 * step dead-letter reader and the daily run cleanup. Every process may run one; they coordinate
 * through the database only. The embedded database serves one statement at a time, so there
 * everything runs one batch at a time.
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const { database, boss, logger } = options;
  await ensureQueues(boss);
  const embedded = database.mode === 'embedded';
  const concurrency = embedded ? 1 : Math.max(1, options.concurrency ?? 3);
  const eventConcurrency = Math.max(1, options.eventConcurrency ?? 1);
  // Small batches on the embedded database: a batch must end well within the jobs' expiry. On
  // Postgres, 100 events a batch: since a batch also runs its runs' database-only steps, larger
  // ones kept events waiting behind long transactions (p99 1.3 s at 500 edits/s with 250, 134 ms
  // with 100) for little more throughput flat out.
  const batch = {
    ...(embedded ? { events: 25, steps: 10 } : { events: 100, steps: 150 }),
    ...options.batchSizes,
  };
  const deps: RuntimeDeps = {
    database,
    boss,
    logger,
    orgs: new OrgContexts(),
    graphs: new GraphCache(),
    executors: options.executors ?? defaultExecutors,
    parallelSteps: embedded ? 1 : 8,
    now: () => new Date(),
  };
  // NOTIFY wakes workers for new jobs; jobs that become due later (retries after their
  // backoff, the end of a wait) are found by polling, so even with NOTIFY it stays short.
  const polling = {
    pollingIntervalSeconds: 0.5,
    notifyPollingIntervalSeconds: 1,
    burstWhenBatchFull: true,
  } as const;
  // Jobs sent once a day: looking for them every 2 s (pg-boss's default) only costs an idle
  // worker CPU.
  const daily = { pollingIntervalSeconds: 30 } as const;
  const workers: [string, string][] = [];
  workers.push([
    QUEUES.recordChanged,
    await boss.work(
      QUEUES.recordChanged,
      {
        ...polling,
        batchSize: batch.events,
        localConcurrency: eventConcurrency,
      },
      gatheringHandler<Job<unknown>>({
        batchSize: batch.events,
        gatherMs: EVENT_GATHER_MS,
        handle: (jobs) => handleRecordEvents(deps, jobs),
      }),
    ),
  ]);
  workers.push([
    QUEUES.step,
    await boss.work(
      QUEUES.step,
      {
        ...polling,
        batchSize: batch.steps,
        localConcurrency: concurrency,
        includeMetadata: true,
        perJobResults: true,
      },
      (jobs) => handleSteps(deps, jobs),
    ),
  ]);
  workers.push([
    QUEUES.stepDead,
    await boss.work(QUEUES.stepDead, { batchSize: 50, pollingIntervalSeconds: 2 }, (jobs) =>
      handleDeadSteps(deps, jobs),
    ),
  ]);
  workers.push([
    QUEUES.runCleanup,
    await boss.work(QUEUES.runCleanup, daily, async () => {
      const deleted = await cleanupRuns(database.db);
      logger.info({ deleted }, 'old runs deleted');
    }),
  ]);
  workers.push([
    QUEUES.push,
    await boss.work(
      QUEUES.push,
      { ...polling, batchSize: 1, localConcurrency: concurrency },
      pushJobHandler(database.db),
    ),
  ]);
  await boss.schedule(QUEUES.runCleanup, CLEANUP_CRON, null, { tz: 'Asia/Ho_Chi_Minh' });
  workers.push([
    QUEUES.historyPurge,
    await boss.work(QUEUES.historyPurge, daily, async () => {
      const deleted = await purgeRecordHistory(database.db);
      logger.info({ deleted }, 'old record history deleted');
    }),
  ]);
  await boss.schedule(QUEUES.historyPurge, CLEANUP_CRON, null, { tz: 'Asia/Ho_Chi_Minh' });
  // Care processes: a cron tick each minute starts the runs that fell due (docs/semantics.md, Care processes).
  const careScheduler = await startCareScheduler({ database, boss, logger });
  if (!embedded) await warnWithoutAutovacuum(database, logger);
  logger.info({ concurrency }, 'worker started');
  return {
    async stop() {
      for (const [name, id] of workers) await boss.offWork(name, { id, wait: true });
      await careScheduler.stop();
    },
  };
}

/**
 * Every job and step leaves dead row versions behind; without autovacuum nothing reclaims them,
 * and the queues and the run history slow down as their tables bloat (a default PostgreSQL has
 * it on). Said once at start, where an operator looks.
 */
async function warnWithoutAutovacuum(database: Database, logger: EngineLogger): Promise<void> {
  const [row] = await database.sql<{ setting: string }[]>`select current_setting('autovacuum') as setting`;
  if (row?.setting === 'off')
    logger.warn(
      { autovacuum: 'off' },
      'autovacuum is off on this PostgreSQL server: the job and run tables are never vacuumed and ' +
        'the runtime slows as they grow; turn it on (ALTER SYSTEM SET autovacuum = on)',
    );
}
