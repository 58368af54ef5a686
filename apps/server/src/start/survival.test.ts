import { randomBytes } from 'node:crypto';
import { openPostgresTestDatabase } from '@crmflow/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, sleep, spawnServer, waitForStatus } from '../test/processes.ts';

/**
 * An API process and a worker process on a database of their own, under a steady stream of
 * edits, while every session is terminated three times and the database refuses connections for
 * a while: neither process exits, the API answers nothing but 2xx/4xx/503, and both are ready
 * again by themselves.
 */
describe('processes survive the database going away', () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let admin: postgres.Sql;
  let api: ServerProcess;
  let worker: ServerProcess;
  beforeAll(async () => {
    database = await openPostgresTestDatabase({ max: 2 });
    admin = postgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', {
      max: 1,
      onnotice: () => {},
    });
    const env = {
      DATABASE_URL: database.url,
      CRMFLOW_SECRET_KEY: randomBytes(32).toString('hex'),
      CRMFLOW_ADMIN_EMAIL: 'admin@example.vn',
      CRMFLOW_ADMIN_PASSWORD: 'mat-khau-quan-tri',
    };
    api = await spawnServer('api', env);
    worker = await spawnServer('worker', env);
    for (const p of [api, worker]) {
      expect(await waitForStatus(`${p.baseUrl}/readyz`, 200, 60_000), p.output()).toBe(true);
    }
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await admin`alter database ${admin(database.name)} allow_connections true`;
    await database.close();
    await admin.end({ timeout: 5 });
  });

  const terminateAll = () =>
    admin`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = ${database.name} and pid <> pg_backend_pid()`;

  it('keeps both processes running, answers 503 rather than 500, and recovers', async () => {
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.vn', password: 'mat-khau-quan-tri' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    const statuses: number[] = [];
    let editing = true;
    const editor = (async () => {
      let i = 0;
      while (editing) {
        const res = await fetch(`${api.baseUrl}/api/records/contact`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ data: { name: `Khách ${i++}` } }),
          signal: AbortSignal.timeout(5000),
        }).catch(() => null);
        statuses.push(res?.status ?? 0);
        await sleep(20);
      }
    })();

    for (let i = 0; i < 3; i++) {
      await sleep(700);
      await terminateAll();
    }
    await admin`alter database ${admin(database.name)} allow_connections false`;
    await terminateAll();
    await sleep(2500);
    const down = await fetch(`${api.baseUrl}/readyz`, { signal: AbortSignal.timeout(1500) });
    expect(down.status).toBe(503);
    await admin`alter database ${admin(database.name)} allow_connections true`;
    await sleep(1500);
    editing = false;
    await editor;

    expect(api.child.exitCode, api.output()).toBeNull();
    expect(worker.child.exitCode, worker.output()).toBeNull();
    expect(await waitForStatus(`${api.baseUrl}/readyz`, 200, 10_000)).toBe(true);
    expect(await waitForStatus(`${worker.baseUrl}/readyz`, 200, 10_000)).toBe(true);
    expect(statuses.filter((s) => s === 0 || (s >= 500 && s !== 503))).toEqual([]);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(10);
  }, 60_000);
});
