import { recordHistory, workflows } from '@crmflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../../test/harness.ts';

describe('record history API', () => {
  let h: Harness;
  let member: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    member = await h.addUser({ role: 'member' });
  });
  afterAll(() => h.close());

  const history = (module: string, id: string, query = '', headers = h.headers) =>
    h.app.inject({ method: 'GET', url: `/api/records/${module}/${id}/history${query}`, headers });

  it('shows API create, edit and delete newest first, with the user’s name and each field', async () => {
    const created = await h.call('POST', '/api/records/lead', { data: { name: 'Chị Mai' } }, member.headers);
    const id = created.json().id;
    await h.call('PATCH', `/api/records/lead/${id}`, {
      data: { name: 'Chị Mai Anh', phone: '0901 111 222' },
    });
    await h.call('DELETE', `/api/records/lead/${id}`);
    const res = await history('lead', id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((item: { operation: string }) => item.operation)).toEqual([
      'delete',
      'update',
      'create',
    ]);
    expect(body.items[1]).toMatchObject({
      source: 'api',
      actor: { id: h.admin.id },
      run: null,
      changes: expect.arrayContaining([
        { field: 'name', before: 'Chị Mai', after: 'Chị Mai Anh' },
        { field: 'phone', before: null, after: '0901 111 222' },
      ]),
    });
    expect(body.items[2].actor).toEqual({ id: member.id, name: expect.any(String) });
    expect(body.items[2].actor.name).not.toBe('');
  });

  it('shows imported changes and pages the history', async () => {
    const imported = await h.call('POST', '/api/records/contact/import', {
      records: [{ externalId: 'k-1', data: { name: 'Anh Tuấn' } }],
    });
    expect(imported.statusCode).toBe(200);
    for (const title of ['Kế toán', 'Giám đốc']) {
      await h.call('POST', '/api/records/contact/import', {
        records: [{ externalId: 'k-1', data: { title } }],
      });
    }
    const list = await h.call('GET', '/api/records/contact?q=Anh%20Tu%E1%BA%A5n');
    const id = list.json().items[0].id;
    const page = await history('contact', id, '?page=1&pageSize=2');
    expect(page.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.json().items[0]).toMatchObject({
      source: 'import',
      changes: [{ field: 'title', before: 'Kế toán', after: 'Giám đốc' }],
    });
    const second = await history('contact', id, '?page=2&pageSize=2');
    expect(second.json().items.map((item: { operation: string }) => item.operation)).toEqual(['create']);
  });

  it('names the workflow and run of a change a flow made', async () => {
    const created = await h.call('POST', '/api/records/account', { data: { name: 'Công ty Sen' } });
    const id = created.json().id;
    const [flow] = await h.database.db
      .insert(workflows)
      .values({ orgId: h.org.id, module: 'account', kind: 'event', name: 'Gắn lĩnh vực' })
      .returning();
    const runId = '7f1c0c0e-8a55-4b8e-9a57-1d9d3c0e0a01';
    await h.database.db.insert(recordHistory).values({
      id: '7f1c0c0e-8a55-4b8e-9a57-1d9d3c0e0a02',
      orgId: h.org.id,
      module: 'account',
      recordId: id,
      operation: 'update',
      changed: ['industry'],
      before: { name: 'Công ty Sen' },
      after: { name: 'Công ty Sen', industry: 'retail' },
      source: 'workflow',
      runId,
      workflowId: flow?.id ?? null,
      depth: 1,
    });
    const [latest] = (await history('account', id)).json().items;
    expect(latest).toMatchObject({
      source: 'workflow',
      actor: null,
      run: { id: runId, workflowId: flow?.id, workflowName: 'Gắn lĩnh vực' },
      changes: [{ field: 'industry', before: null, after: 'retail' }],
    });
  });

  it.each([
    ['another organization’s record', 'other'],
    ['a record of another module', 'module'],
    ['no record at all', 'none'],
  ])('answers 404 for %s', async (_name, kind) => {
    const other = await h.addOrganization();
    const theirs = await h.call('POST', '/api/records/lead', { data: { name: 'X' } }, other.admin.headers);
    const ours = await h.call('POST', '/api/records/lead', { data: { name: 'Y' } });
    const url =
      kind === 'other'
        ? ['lead', theirs.json().id]
        : kind === 'module'
          ? ['contact', ours.json().id]
          : ['lead', '00000000-0000-4000-8000-000000000000'];
    expect((await history(url[0] ?? '', url[1] ?? '')).statusCode).toBe(404);
  });

  it('refuses a page size out of range with 400 naming the field', async () => {
    const ours = await h.call('POST', '/api/records/lead', { data: { name: 'Z' } });
    const res = await history('lead', ours.json().id, '?pageSize=5000');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('pageSize');
  });
});
