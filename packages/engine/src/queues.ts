import type { PgBoss } from 'pg-boss';

/** Every queue the runtime uses, by name; a queue must exist before anything is sent to it. */
export const QUEUES = {
  /** One job per committed record write, enqueued in the write's own transaction. */
  recordChanged: 'record.changed',
  /** Events whose handling failed every retry, kept for inspection and manual retry. */
  recordChangedDead: 'record.changed.dead',
  /**
   * A step of a run, `{ runId, nodeId }`, plus `wake` when a waiting step is due, or `after`: the
   * steps of the same record that became ready with it, run in order by the same job.
   */
  step: 'workflow.step',
  /** Steps that failed for good (or whose worker died on the last attempt), kept for inspection. */
  stepDead: 'workflow.step.dead',
  /** Daily: deletes finished runs older than the organization's retention. */
  runCleanup: 'workflow.run-cleanup',
  /** `{ outboxId }`: a notification's Web Push copy for one device, queued with the notification. */
  push: 'notification.push',
  /** Daily: deletes record history older than the organization's `historyRetentionDays`. */
  historyPurge: 'record.history-purge',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const DAY = 24 * 3600;

/**
 * How long a claimed job may stay active at most, however alive its worker. Liveness is the
 * heartbeat's business (below); this only bounds a handler that hangs while its process lives.
 */
export const JOB_EXPIRY_SECONDS = 15 * 60;

/**
 * A worker refreshes the jobs it holds every half of this; a job whose refresh stopped this long
 * (its worker was killed, or lost the database) is failed by a supervisor and retried. Long
 * batches on a loaded machine keep their jobs, where a short expiry would take them away from a
 * live worker and spend their attempts. pg-boss's minimum.
 */
export const JOB_HEARTBEAT_SECONDS = 10;

/** Step retries: 4 more attempts, about 1, 2, 4 and 8 seconds apart (with jitter). */
export const STEP_RETRY = { retryLimit: 4, retryDelay: 1, retryBackoff: true, retryDelayMax: 300 } as const;

/**
 * Creates the queues (idempotent, so every process may call it at start). Dead-letter queues
 * first: a queue naming a dead-letter queue that does not exist is refused.
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(QUEUES.recordChangedDead, { retentionSeconds: 30 * DAY });
  await boss.createQueue(QUEUES.recordChanged, {
    deadLetter: QUEUES.recordChangedDead,
    retryLimit: 5,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: JOB_EXPIRY_SECONDS,
    heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
    notify: true,
  });
  await boss.createQueue(QUEUES.stepDead, { retentionSeconds: 30 * DAY, deleteAfterSeconds: 30 * DAY });
  await boss.createQueue(QUEUES.step, {
    deadLetter: QUEUES.stepDead,
    ...STEP_RETRY,
    expireInSeconds: JOB_EXPIRY_SECONDS,
    heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
    notify: true,
  });
  await boss.createQueue(QUEUES.runCleanup, { retryLimit: 2, expireInSeconds: 15 * 60 });
  await boss.createQueue(QUEUES.push, {
    ...STEP_RETRY,
    retryDelay: 5,
    expireInSeconds: JOB_EXPIRY_SECONDS,
    heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
    notify: true,
  });
  await boss.createQueue(QUEUES.historyPurge, { retryLimit: 2, expireInSeconds: 15 * 60 });
  await giveHeartbeats(boss, [QUEUES.recordChanged, QUEUES.step, QUEUES.push]);
}

/**
 * Queues made before heartbeats existed keep their settings (creating a queue that exists
 * changes nothing): they get the heartbeat and the long expiry once. A queue that has a heartbeat
 * is left as it is, so an operator's (or a test's) own expiry stays.
 */
async function giveHeartbeats(boss: PgBoss, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const queue = await boss.getQueue(name);
    if (queue && !queue.heartbeatSeconds)
      await boss.updateQueue(name, {
        expireInSeconds: JOB_EXPIRY_SECONDS,
        heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
      });
  }
}
