import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How the worker takes `record.changed` jobs. pg-boss fetches as soon as a job is announced, so
 * events written one by one (a PATCH each) would each make a batch of their own and pay for a
 * whole batch: the loads, the transaction, the completion. After a batch well short of full,
 * the handler waits `gatherMs` before handing the loop back, and the next fetch takes together
 * whatever arrived meanwhile. A batch at least half full means a backlog: no wait. The wait
 * follows the commit, so it delays no event already taken, only the next ones, by at most
 * `gatherMs`; stopping the worker cuts it short.
 */
export function gatheringHandler<J extends { signal: AbortSignal }>(args: {
  batchSize: number;
  gatherMs: number;
  handle: (jobs: J[]) => Promise<void>;
}): (jobs: J[]) => Promise<void> {
  const { batchSize, gatherMs, handle } = args;
  return async (jobs) => {
    await handle(jobs);
    if (!shouldGather({ taken: jobs.length, batchSize, gatherMs })) return;
    // pg-boss aborts every job's signal when the worker stops.
    const signal = jobs[0]?.signal;
    await sleep(gatherMs, undefined, signal ? { signal } : {}).catch(() => undefined);
  };
}

/** Whether to wait for more events after a batch of `taken` jobs. */
export function shouldGather(args: { taken: number; batchSize: number; gatherMs: number }): boolean {
  return args.gatherMs > 0 && args.taken * 2 < args.batchSize;
}
