import { createBoss } from '@crmflow/db';
import { openTestDatabase } from '@crmflow/db/testing';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureQueues, QUEUES } from './queues.ts';

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
});
