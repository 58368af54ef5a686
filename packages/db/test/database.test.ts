import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoss, organizations } from '../src/index.ts';
import { openTestDatabase } from '../src/testing.ts';

type Opened = Awaited<ReturnType<typeof openTestDatabase>>;

describe('database and queue', () => {
  let database: Opened;
  let boss: ReturnType<typeof createBoss>;

  beforeAll(async () => {
    database = await openTestDatabase();
    boss = createBoss({ connection: database.connection, supervise: false });
    await boss.start();
    await boss.createQueue('probe');
  }, 60_000);

  afterAll(async () => {
    await boss.stop({ graceful: false });
    await database.close();
  });

  it('runs our migrations and pg-boss beside them', async () => {
    const tables = await database.db.execute<{ table_schema: string; table_name: string }>(
      sql`select table_schema, table_name from information_schema.tables where table_name in ('records', 'job')`,
    );
    expect(tables.map((t) => `${t.table_schema}.${t.table_name}`).sort()).toEqual([
      'pgboss.job',
      'public.records',
    ]);
  });

  it('enqueues a job only when the transaction that sent it commits', async () => {
    await database.db.transaction(async (tx) => {
      await tx.insert(organizations).values({ name: 'Kept' });
      await boss.send('probe', { kept: true }, { db: fromDrizzle(tx, sql) });
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(organizations).values({ name: 'Rolled back' });
        await boss.send('probe', { kept: false }, { db: fromDrizzle(tx, sql) });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');

    const jobs = await boss.fetch<{ kept: boolean }>('probe', { batchSize: 10 });
    expect(jobs.map((j) => j.data)).toEqual([{ kept: true }]);
    const orgs = await database.db.select({ name: organizations.name }).from(organizations);
    expect(orgs.map((o) => o.name)).toEqual(['Kept']);
  });
});
