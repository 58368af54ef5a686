import { openPostgresTestDatabase } from '@crmflow/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

/**
 * The database going away is routine: sessions are terminated (restart, failover,
 * pg_terminate_backend) or refused for a while. These tests need a real server whatever
 * CRMFLOW_TEST_DB says, and act only on a database of their own.
 */
describe('connection loss', () => {
  let h: Harness;
  let name: string;
  let admin: postgres.Sql;
  beforeAll(async () => {
    const database = await openPostgresTestDatabase();
    name = database.name;
    admin = postgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', {
      max: 1,
      onnotice: () => {},
    });
    h = await startHarness({ database });
  });
  afterAll(async () => {
    await admin`alter database ${admin(name)} allow_connections true`;
    await h.close();
    await admin.end({ timeout: 5 });
  });

  const terminateAll = () =>
    admin`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = ${name} and pid <> pg_backend_pid()`;

  const timed = async (url: string) => {
    const started = performance.now();
    const res = await h.app.inject({ method: 'GET', url, headers: h.headers });
    return { res, ms: performance.now() - started };
  };

  const waitUntil = async (ok: () => Promise<boolean>, ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await ok()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };

  it('answers 200 or 503 — never a 500 or a crash — while every session is terminated under load', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 5; round++) {
      const requests = Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? h.call('POST', '/api/records/contact', { data: { name: `Khách ${round}-${i}` } })
          : h.call('GET', '/api/records/contact?limit=5'),
      );
      await new Promise((r) => setImmediate(r));
      await terminateAll();
      for (const res of await Promise.all(requests)) statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s < 300).length).toBeGreaterThan(0);
    // Once the sessions are gone the pool reconnects by itself.
    expect(await waitUntil(async () => (await timed('/api/me')).res.statusCode === 200, 3000)).toBe(true);
  });

  it('refuses with 503 database_unavailable within 2 s (readyz within 1 s) while the database is unreachable, then recovers by itself', async () => {
    await admin`alter database ${admin(name)} allow_connections false`;
    await terminateAll();

    for (const url of ['/api/me', '/api/records/contact', '/api/workflows']) {
      const { res, ms } = await timed(url);
      expect(res.statusCode, url).toBe(503);
      expect(res.json().error.code).toBe('database_unavailable');
      expect(ms, url).toBeLessThan(2000);
    }
    const write = performance.now();
    const posted = await h.call('POST', '/api/records/contact', { data: { name: 'Trong lúc mất kết nối' } });
    expect(posted.statusCode).toBe(503);
    expect(performance.now() - write).toBeLessThan(2000);
    // Many at once: none queues behind the connection attempts of the others.
    const burst = await Promise.all(Array.from({ length: 30 }, () => timed('/api/records/contact')));
    expect(burst.map((b) => b.res.statusCode)).toEqual(burst.map(() => 503));
    expect(Math.max(...burst.map((b) => b.ms))).toBeLessThan(2000);

    const ready = await timed('/readyz');
    expect(ready.res.statusCode).toBe(503);
    expect(ready.ms).toBeLessThan(1000);
    expect((await timed('/healthz')).res.statusCode).toBe(200);

    await admin`alter database ${admin(name)} allow_connections true`;
    expect(await waitUntil(async () => (await timed('/readyz')).res.statusCode === 200, 5000)).toBe(true);
    expect(await waitUntil(async () => (await timed('/api/me')).res.statusCode === 200, 5000)).toBe(true);
    const after = await h.call('POST', '/api/records/contact', { data: { name: 'Sau khi có lại' } });
    expect(after.statusCode).toBe(201);
  });
});
