import { randomBytes } from 'node:crypto';
import { openPostgresTestDatabase } from '@crmflow/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, sleep, spawnServer, waitForStatus } from '../test/processes.ts';

/**
 * An operator (or docker, or the chaos benchmark) stops the API with SIGTERM while a request is
 * still waiting on the database: the request gets its answer, the next one is not let in, and
 * the process ends with code 0 (it exited 1 when a kept-alive connection held the close past
 * its 20 s limit). A real process on a database of its own: PostgreSQL only.
 */
describe('stopping the API with a request in flight', () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let api: ServerProcess;
  beforeAll(async () => {
    database = await openPostgresTestDatabase({ max: 2 });
    api = await spawnServer('api', {
      DATABASE_URL: database.url,
      CRMFLOW_SECRET_KEY: randomBytes(32).toString('hex'),
      CRMFLOW_ADMIN_EMAIL: 'admin@example.vn',
      CRMFLOW_ADMIN_PASSWORD: 'mat-khau-quan-tri',
    });
    expect(await waitForStatus(`${api.baseUrl}/readyz`, 200, 60_000), api.output()).toBe(true);
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    await database?.close();
  });

  it('answers the request, refuses new connections, and exits 0', async () => {
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.vn', password: 'mat-khau-quan-tri' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const created = await fetch(`${api.baseUrl}/api/records/contact`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ data: { name: 'Chị Lan' } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // The contact's row is locked: the edit waits on the database until the lock goes.
    let release = () => {};
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = database.sql.begin(async (tx) => {
      await tx`select id from records where id = ${id} for update`;
      locked();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await isLocked;
    const edit = fetch(`${api.baseUrl}/api/records/contact/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ data: { phone: '0901234567' } }),
    });
    await sleep(500);
    api.child.kill('SIGTERM');
    await sleep(1_500);
    // Still draining: the edit has no answer yet, the process is up, the listener closed.
    expect(api.child.exitCode, api.output()).toBeNull();
    expect(await fetch(`${api.baseUrl}/healthz`).catch(() => null)).toBeNull();

    release();
    await holder;
    const answer = await edit;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('connection')).toBe('close');
    const began = Date.now();
    expect(await api.exited, api.output()).toBe(0);
    // Well before the 20 s drain time: the close did not wait on the kept-alive connection.
    expect(Date.now() - began).toBeLessThan(10_000);
  }, 60_000);
});
