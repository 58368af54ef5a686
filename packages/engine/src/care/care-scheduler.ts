import type { Database } from '@crmflow/db';
import type { PgBoss } from 'pg-boss';
import { OrgContexts } from '../runtime/org-context.ts';
import type { EngineLogger } from '../runtime/runtime-deps.ts';
import { CareIndexes } from './care-index.ts';
import { CareGraphCache } from './care-processes.ts';
import { type CareSchedulerDeps, runCareTick } from './care-tick.ts';

/** The scheduler's queue: pg-boss's cron puts one job in it a minute. */
export const CARE_TICK_QUEUE = 'care.tick';

/** Every minute, in UTC: each process's own run time is compared in its organization's zone. */
export const CARE_TICK_CRON = '* * * * *';

/**
 * Creates the tick queue (idempotent). `stately`: at most one tick queued and one running, so
 * a slow tick is not followed by a pile of stale ones; a tick that dies is retried by the next.
 */
export async function ensureCareQueue(boss: PgBoss): Promise<void> {
  await boss.createQueue(CARE_TICK_QUEUE, { policy: 'stately', retryLimit: 0, expireInSeconds: 15 * 60 });
}

/** The handler of tick jobs; `now` is the clock (tests pass a fixed one). */
export function careTickHandler(deps: CareSchedulerDeps & { now: () => Date }): () => Promise<void> {
  const shared = {
    ...deps,
    orgs: deps.orgs ?? new OrgContexts(),
    graphs: deps.graphs ?? new CareGraphCache(),
    indexes: deps.indexes ?? new CareIndexes(),
  };
  return async () => {
    await runCareTick(shared, shared.now());
  };
}

/**
 * Starts the care-process scheduler in this process: a pg-boss cron schedule (pg-boss checks
 * schedules every 30 s and makes one job per minute, however many processes run it) and a
 * worker for its jobs. Stopping leaves the schedule, which other workers go on serving.
 */
export async function startCareScheduler(args: {
  database: Database;
  boss: PgBoss;
  logger: EngineLogger;
  now?: () => Date;
}): Promise<{ stop(): Promise<void> }> {
  const { boss, logger } = args;
  await ensureCareQueue(boss);
  await boss.schedule(CARE_TICK_QUEUE, CARE_TICK_CRON, {}, { tz: 'UTC' });
  const handler = careTickHandler({ ...args, now: args.now ?? (() => new Date()) });
  const workerId = await boss.work(CARE_TICK_QUEUE, { batchSize: 1 }, handler);
  logger.info({ queue: CARE_TICK_QUEUE }, 'care-process scheduler started');
  return {
    async stop() {
      await boss.offWork(CARE_TICK_QUEUE, { id: workerId, wait: true });
    },
  };
}
