import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './availability.ts';
import { openPostgresTestDatabase } from './testing.ts';

/**
 * postgres.js 3.4.9 writes small messages from a setImmediate; when the socket closed in between
 * it threw `Cannot read properties of null (reading 'write')` from there, where nothing can catch
 * it, and the process ended (upstream #1154, #1208). patches/postgres@3.4.9.patch settles the
 * query with CONNECTION_CLOSED instead; this reproduces the case deterministically on a reserved
 * connection whose backend is terminated.
 */
describe('postgres.js on a terminated session', () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let admin: postgres.Sql;
  beforeAll(async () => {
    database = await openPostgresTestDatabase({ max: 2 });
    admin = postgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', {
      max: 1,
      onnotice: () => {},
    });
  });
  afterAll(async () => {
    await database.close();
    await admin.end({ timeout: 5 });
  });

  it('rejects queries on the dead reserved connection, and the pool serves again after its release', async () => {
    const reserved = await database.sql.reserve();
    const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await admin`select pg_terminate_backend(${row?.pid ?? 0})`;
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 3; i++) {
      const error = await reserved`select 1`.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'CONNECTION_CLOSED' });
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
    reserved.release();
    for (let i = 0; i < 4; i++) expect(await database.sql`select ${i}::int as n`).toEqual([{ n: i }]);
  });

  it('keeps transactions failing cleanly when their session is terminated mid-way', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        database.sql.begin(async (tx) => {
          const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
          if (i % 2 === 0) await admin`select pg_terminate_backend(${row?.pid ?? 0})`;
          await new Promise((r) => setTimeout(r, 50));
          return tx`select 1 as one`;
        }),
      ),
    );
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(isDatabaseUnavailable(outcome.reason)).toBe(true);
    }
    expect(await database.sql`select 2 as two`).toEqual([{ two: 2 }]);
  });

  it.each([
    [{ code: 'CONNECTION_CLOSED' }, true],
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01', severity: 'FATAL' }, true],
    [{ code: '08006' }, true],
    [{ code: '55000', severity: 'FATAL' }, true],
    [{ code: '55000', severity: 'ERROR' }, false],
    [{ code: '23505' }, false],
    [{ message: 'wrapped', cause: { code: 'CONNECT_TIMEOUT' } }, true],
    [new Error('plain'), false],
    [null, false],
  ])('isDatabaseUnavailable(%j) is %s', (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
