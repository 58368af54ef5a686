import { createBoss } from '@crmflow/db';
import { openTestDatabase } from '@crmflow/db/testing';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureQueues, JOB_EXPIRY_SECONDS, JOB_HEARTBEAT_SECONDS, QUEUES } from './queues.ts';

describe('ensureQueues', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let boss: PgBoss;
  beforeAll(async () => {
    database = await openTestDatabase();
    boss = createBoss({ connection: database.connection, supervise: false });
    await boss.start();
  }, 120_000);
  afterAll(async () => {
    await boss.stop({ graceful: false });
    await database.close();
  });

  it('creates the record queue with retries into its dead-letter queue, and may run again', async () => {
    await ensureQueues(boss);
    await ensureQueues(boss);
    const queue = await boss.getQueue(QUEUES.recordChanged);
    expect(queue).toMatchObject({ deadLetter: QUEUES.recordChangedDead, retryLimit: 5, retryBackoff: true });
    expect(await boss.getQueue(QUEUES.recordChangedDead)).not.toBeNull();
  });

  it.each([QUEUES.recordChanged, QUEUES.step, QUEUES.push])(
    'gives %s a heartbeat, so only a dead worker loses its jobs, and a long expiry',
    async (name) => {
      await ensureQueues(boss);
      expect(await boss.getQueue(name)).toMatchObject({
        heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
        expireInSeconds: JOB_EXPIRY_SECONDS,
      });
    },
  );

  it('gives a queue made before heartbeats one, and leaves an expiry of its own to a queue that has one', async () => {
    await ensureQueues(boss);
    await boss.updateQueue(QUEUES.step, { heartbeatSeconds: null, expireInSeconds: 30 });
    await boss.updateQueue(QUEUES.push, { expireInSeconds: 8 });
    await ensureQueues(boss);
    expect(await boss.getQueue(QUEUES.step)).toMatchObject({
      heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
      expireInSeconds: JOB_EXPIRY_SECONDS,
    });
    expect(await boss.getQueue(QUEUES.push)).toMatchObject({
      heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
      expireInSeconds: 8,
    });
  });
});
