import { createRecord, QUEUES, userCausation } from '@crmflow/engine';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';

/** The contract between writes and workflows: one `record.changed` job per committed write, none otherwise. */
describe('record.changed events', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const inject = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: h.headers, ...(payload ? { payload } : {}) });

  it('enqueues exactly one event per create, update and delete, with what changed', async () => {
    const created = (
      await inject('POST', '/api/records/order', {
        data: { code: 'DH-001', status: 'draft', total: 1500000 },
      })
    ).json();
    const url = `/api/records/order/${created.id}`;
    await inject('PATCH', url, { data: { status: 'confirmed', total: '1500000.00' } });
    await inject('PATCH', url, { data: { status: 'confirmed' } });
    await inject('DELETE', url);

    const events = await h.recordEvents(created.id);
    expect(events.map((e) => [e.operation, e.changed])).toEqual([
      ['create', ['code', 'status', 'total', 'owner_id']],
      ['update', ['status']],
      ['delete', ['code', 'status', 'total', 'owner_id']],
    ]);
    const [create, update, remove] = events;
    expect(create).toMatchObject({
      orgId: h.org.id,
      module: 'order',
      recordId: created.id,
      before: null,
      after: { code: 'DH-001', status: 'draft', total: 1500000, owner_id: h.admin.id },
      actor: { userId: h.admin.id, source: 'api' },
      causation: { depth: 0, chain: [] },
    });
    expect(update).toMatchObject({ before: { status: 'draft' }, after: { status: 'confirmed' } });
    expect(remove).toMatchObject({ before: { status: 'confirmed' }, after: null });
    expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
  });

  it('marks the door a write came through', async () => {
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: h.admin.email, password: h.admin.password },
    });
    const ui = await h.app.inject({
      method: 'POST',
      url: '/api/records/lead',
      headers: { authorization: `Bearer ${login.json().token}` },
      payload: { data: { name: 'Khách từ giao diện' } },
    });
    const imported = await inject('POST', '/api/records/lead/import', {
      records: [{ externalId: 'CRM-9', data: { name: 'Khách nhập' } }],
    });
    expect(imported.json().created).toBe(1);
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/records/lead?q=khach nhap',
      headers: h.headers,
    });
    const [uiEvent] = await h.recordEvents(ui.json().id);
    const [importEvent] = await h.recordEvents(list.json().items[0].id);
    expect(uiEvent?.actor.source).toBe('ui');
    expect(importEvent?.actor.source).toBe('import');
  });

  it('applies an import row by row: two rows for one record make two events, a refused row stops nothing', async () => {
    const created = (
      await inject('POST', '/api/records/order', { data: { code: 'DH-077', status: 'draft', total: 100 } })
    ).json();
    const imported = await inject('POST', '/api/records/order/import', {
      records: [
        { id: created.id, data: { status: 'confirmed' } },
        { id: created.id, data: { total: 'nhiều tiền' } },
        { externalId: 'ERP-77', data: { code: 'DH-078', status: 'draft' } },
        { id: created.id, data: { total: 250 } },
        { externalId: 'ERP-77', data: { status: 'confirmed' } },
      ],
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ created: 1, updated: 3, failed: [{ index: 1 }] });
    const order = (
      await h.app.inject({ method: 'GET', url: `/api/records/order/${created.id}`, headers: h.headers })
    ).json();
    expect(order).toMatchObject({ version: 3, data: { status: 'confirmed', total: 250 } });
    const events = (await h.recordEvents(created.id)).sort((a, b) => a.at.localeCompare(b.at));
    expect(events.map((e) => [e.operation, e.changed, e.before?.total, e.after?.total])).toEqual([
      ['create', ['code', 'status', 'total', 'owner_id'], undefined, 100],
      ['update', ['status'], 100, 100],
      ['update', ['total'], 100, 250],
    ]);
    const [other] = (
      await h.app.inject({ method: 'GET', url: '/api/records/order?q=DH-078', headers: h.headers })
    ).json().items;
    expect(other?.data.status).toBe('confirmed');
    const otherEvents = (await h.recordEvents(other.id)).sort((a, b) => a.at.localeCompare(b.at));
    expect(otherEvents.map((e) => [e.operation, e.before?.status ?? null, e.after?.status])).toEqual([
      ['create', null, 'draft'],
      ['update', 'draft', 'confirmed'],
    ]);
  });

  it('enqueues nothing for a refused write or an edit that changes nothing', async () => {
    const created = (
      await inject('POST', '/api/records/account', { data: { name: 'Công ty An Phát' } })
    ).json();
    const url = `/api/records/account/${created.id}`;
    expect((await inject('PATCH', url, { data: { founded_date: 'ngày mai' } })).statusCode).toBe(400);
    expect((await inject('PATCH', url, { data: { name: 'Công ty An Phát' }, version: 2 })).statusCode).toBe(
      409,
    );
    const same = await inject('PATCH', url, { data: { name: 'Công ty An Phát', phone: '' } });
    expect(same.json().version).toBe(1);
    expect((await h.recordEvents(created.id)).map((e) => e.operation)).toEqual(['create']);
  });

  it('leaves neither record nor event when the surrounding transaction rolls back', async () => {
    let recordId = '';
    await expect(
      h.database.db.transaction(async (tx) => {
        const row = await createRecord({
          db: tx,
          boss: h.boss,
          orgId: h.org.id,
          module: 'contact',
          actor: { userId: null, source: 'workflow' },
          causation: userCausation,
          data: { name: 'Không bao giờ tồn tại' },
        });
        recordId = row.id;
        // Inside the transaction the job is there, written by the same connection.
        const [pending] = await tx.execute<{ jobs: number }>(
          sql`select count(*)::int as jobs from pgboss.job where name = ${QUEUES.recordChanged} and data->>'recordId' = ${row.id}`,
        );
        expect(pending?.jobs).toBe(1);
        throw new Error('rolled back after the write');
      }),
    ).rejects.toThrow('rolled back after the write');
    expect(recordId).not.toBe('');
    expect(await h.recordEvents(recordId)).toEqual([]);
    const gone = await h.app.inject({
      method: 'GET',
      url: `/api/records/contact/${recordId}`,
      headers: h.headers,
    });
    expect(gone.statusCode).toBe(404);
  });

  it('commits record and event together inside a caller’s transaction, fetchable by a worker', async () => {
    const row = await h.database.db.transaction((tx) =>
      createRecord({
        db: tx,
        boss: h.boss,
        orgId: h.org.id,
        module: 'task',
        actor: { userId: null, source: 'workflow' },
        causation: { depth: 1, chain: [{ workflowId: 'wf-1', recordId: 'r-1' }], runId: 'run-1' },
        data: { title: 'Gọi chăm sóc' },
      }),
    );
    const jobs = await h.boss.fetch<{ recordId: string; causation: unknown }>(QUEUES.recordChanged, {
      batchSize: 100,
    });
    const mine = jobs.filter((job) => job.data.recordId === row.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.data.causation).toEqual({
      depth: 1,
      chain: [{ workflowId: 'wf-1', recordId: 'r-1' }],
      runId: 'run-1',
    });
  });
});
