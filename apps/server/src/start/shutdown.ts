import type { Server } from 'node:http';

/**
 * How long requests in flight may take to finish after a stop is asked for. Longer than the API's
 * statement time-out (15 s), so a request the database is still working on gets its answer.
 */
export const DRAIN_MS = 20_000;
/**
 * How long the worker may take to finish the batches it holds. One still running after that is
 * left to expire and be picked up again (exactly once, like a killed worker's).
 */
export const WORKER_STOP_MS = 20_000;
/** pg-boss's own grace for the jobs this process is working on. */
export const QUEUE_STOP_MS = 10_000;
/**
 * Past this, a stop is stuck (the stages' own bounds add up to less): the process exits 1 saying
 * where it was. docker-compose's `stop_grace_period` is longer.
 */
export const SHUTDOWN_DEADLINE_MS = 60_000;

/** What a process closes, in this order: HTTP first (nothing new comes in), the pool last. */
export type ShutdownParts = {
  app: { close(): Promise<unknown>; server: Pick<Server, 'closeAllConnections' | 'closeIdleConnections'> };
  worker: { stop(): Promise<void> } | null;
  boss: { stop(options: { graceful: boolean; timeout: number }): Promise<void> };
  database: { close(): Promise<void> };
};

export type ShutdownOutcome = {
  /** Requests were still open when the drain time ran out: their connections were closed. */
  cutRequests: boolean;
  /** The worker's batches were still running after `workerStopMs`: left to expire and run again. */
  leftBatches: boolean;
  /** Stages that threw, with the error, in order. */
  errors: { stage: string; error: unknown }[];
};

/** Whether `work` settled within `ms` (its rejection rejects). */
async function bounded(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Stops a process gracefully: stop accepting connections and let the requests in flight finish
 * (requests arriving on open keep-alive connections meanwhile get 503, and every answer from now
 * on `Connection: close`),
 * cutting whatever is still open after `drainMs`; then the worker finishes its batches (for up
 * to `workerStopMs`), pg-boss stops, and the database pool closes. A stage that fails does not
 * keep the next from running. `onStage` names each stage as it starts, for a stop that gets stuck.
 */
export async function shutDown(
  parts: ShutdownParts,
  options: {
    drainMs?: number;
    workerStopMs?: number;
    queueStopMs?: number;
    onStage?: (stage: string) => void;
  } = {},
): Promise<ShutdownOutcome> {
  const outcome: ShutdownOutcome = { cutRequests: false, leftBatches: false, errors: [] };
  const stage = async (name: string, work: () => Promise<unknown>) => {
    options.onStage?.(name);
    try {
      await work();
    } catch (error) {
      outcome.errors.push({ stage: name, error });
    }
  };
  await stage('closing HTTP', async () => {
    const closed = parts.app.close();
    // Closing the listener closes idle keep-alive connections once; one whose request was in
    // flight goes idle after its answer and would keep the close waiting for its keep-alive
    // time-out (72 s). Closed as each goes idle.
    const sweep = setInterval(() => parts.app.server.closeIdleConnections(), 100);
    try {
      if (!(await bounded(closed, options.drainMs ?? DRAIN_MS))) {
        outcome.cutRequests = true;
        parts.app.server.closeAllConnections();
        await closed;
      }
    } finally {
      clearInterval(sweep);
    }
  });
  await stage('stopping the worker', async () => {
    const stopping = parts.worker?.stop();
    if (stopping && !(await bounded(stopping, options.workerStopMs ?? WORKER_STOP_MS))) {
      outcome.leftBatches = true;
      // Its failure now would be about a batch left to expire: nothing to report.
      stopping.catch(() => {});
    }
  });
  await stage('stopping the queue', async () =>
    parts.boss.stop({ graceful: true, timeout: options.queueStopMs ?? QUEUE_STOP_MS }),
  );
  await stage('closing the database pool', async () => parts.database.close());
  return outcome;
}
