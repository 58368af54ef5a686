import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoss } from '../queue.ts';
import { type ServerFixture, startServerFixture } from './server-fixture.ts';

const QUEUE = 'embedded-probe';
const WRITERS = 4;
const JOBS_PER_WRITER = 125;

describe('pg-boss on the embedded server', () => {
  let fixture: ServerFixture;
  let boss: PgBoss;

  beforeAll(async () => {
    fixture = await startServerFixture();
    boss = createBoss({
      connection: { host: fixture.host, port: 5432, user: 'postgres', database: 'postgres' },
    });
    boss.on('error', (error) => console.error(error));
    await boss.start();
    await boss.createQueue(QUEUE);
  }, 60_000);

  afterAll(async () => {
    await boss.stop({ graceful: false, timeout: 1_000 });
    await fixture.close();
  });

  it('processes every job sent inside concurrent drizzle transactions exactly once', async () => {
    const db = drizzle(fixture.postgresPool(8));
    await db.execute(sql`create table sent (n int primary key)`);
    const processed: number[] = [];
    let allProcessed: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      allProcessed = resolve;
    });
    await boss.work<{ n: number }>(QUEUE, { batchSize: 50, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) processed.push(job.data.n);
      if (processed.length >= WRITERS * JOBS_PER_WRITER) allProcessed();
    });

    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let i = 0; i < JOBS_PER_WRITER; i += 1) {
        const n = writer * JOBS_PER_WRITER + i;
        await db.transaction(async (tx) => {
          await tx.execute(sql`insert into sent (n) values (${n})`);
          await boss.send(QUEUE, { n }, { db: fromDrizzle(tx, sql) });
        });
      }
    });
    await Promise.all(writers);
    await done;
    // One more polling round, so a job delivered twice would have the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const expected = Array.from({ length: WRITERS * JOBS_PER_WRITER }, (_, n) => n);
    expect([...processed].sort((a, b) => a - b)).toEqual(expected);
    const states = await db.execute<{ state: string; count: number }>(
      sql`select state::text, count(*)::int as count from pgboss.job where name = ${QUEUE} group by state`,
    );
    expect([...states]).toEqual([{ state: 'completed', count: expected.length }]);
  }, 120_000);

  it('wakes a worker by LISTEN/NOTIFY long before its next poll', async () => {
    const connection = { host: fixture.host, port: 5432, user: 'postgres', database: 'postgres' };
    const notified = createBoss({ connection, listenNotify: true, supervise: false });
    notified.on('error', (error) => console.error(error));
    await notified.start();
    await notified.createQueue('embedded-notified', { notify: true });
    const handled = new Promise<number>((resolve) => {
      void notified.work(
        'embedded-notified',
        { pollingIntervalSeconds: 30, notifyPollingIntervalSeconds: 60 },
        async () => {
          resolve(Date.now());
        },
      );
    });
    // The first fetch runs as the worker starts; the job sent after it can only come by notification.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sent = Date.now();
    await notified.send('embedded-notified', {});
    expect((await handled) - sent).toBeLessThan(5_000);
    await notified.stop({ graceful: false, timeout: 1_000 });
  }, 60_000);
});
