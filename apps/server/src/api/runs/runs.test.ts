import { runSteps, runs } from '@crmflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.ts';
import { createWorkflowVia, notifyOwnerGraph } from '../workflows/workflow-graphs.testing.ts';

describe('runs API', () => {
  let h: Harness;
  let workflow: { id: string; versionId: string; graph: unknown };
  let order: { id: string };
  let runIds: string[];
  beforeAll(async () => {
    h = await startHarness();
    workflow = await createWorkflowVia(h, {
      module: 'order',
      name: 'Xác nhận đơn hàng',
      graph: notifyOwnerGraph(),
    });
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/records/order',
      headers: h.headers,
      payload: { data: { code: 'DH-0001', status: 'confirmed' } },
    });
    order = created.json();
    const base = Date.parse('2026-03-02T01:00:00Z');
    const inserted = await h.database.db
      .insert(runs)
      .values(
        (['succeeded', 'failed', 'succeeded'] as const).map((status, index) => ({
          orgId: h.org.id,
          workflowId: workflow.id,
          workflowVersionId: workflow.versionId,
          module: 'order' as const,
          recordId: order.id,
          cause: { operation: 'create' },
          status,
          reason: status === 'failed' ? 'Gửi email thất bại' : null,
          createdAt: new Date(base + index * 60_000),
        })),
      )
      .returning({ id: runs.id });
    runIds = inserted.map((run) => run.id);
    await h.database.db.insert(runSteps).values([
      {
        orgId: h.org.id,
        runId: runIds[1] ?? '',
        nodeId: 'n1',
        nodeType: 'trigger',
        status: 'succeeded',
        attempts: 1,
        startedAt: new Date(base + 60_000),
      },
      {
        orgId: h.org.id,
        runId: runIds[1] ?? '',
        nodeId: 'n2',
        nodeType: 'notify',
        status: 'failed',
        attempts: 3,
        error: { code: 'provider_error', message: 'Hết thời gian chờ' },
        startedAt: new Date(base + 61_000),
      },
    ]);
  });
  afterAll(() => h.close());

  const get = (url: string, headers = h.headers) => h.app.inject({ method: 'GET', url, headers });

  it('lists a workflow’s runs newest first, paged, with names and stats on the workflow', async () => {
    const res = await get(`/api/workflows/${workflow.id}/runs?page=1&pageSize=2`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(res.json().items.map((run: { id: string }) => run.id)).toEqual([runIds[2], runIds[1]]);
    expect(res.json().items[1]).toMatchObject({
      workflowName: 'Xác nhận đơn hàng',
      workflowVersion: 1,
      module: 'order',
      recordId: order.id,
      recordTitle: 'DH-0001',
      status: 'failed',
      reason: 'Gửi email thất bại',
      cause: { operation: 'create' },
    });
    const stats = (await get(`/api/workflows/${workflow.id}`)).json().stats;
    expect(stats).toEqual({
      runs: 3,
      failed: 1,
      lastRunAt: '2026-03-02T01:02:00.000Z',
      lastRunStatus: 'succeeded',
    });
  });

  it('lists a record’s runs and the organization’s runs by status', async () => {
    const byRecord = await get(`/api/records/order/${order.id}/runs`);
    expect(byRecord.json().items).toHaveLength(3);
    const failed = await get('/api/runs?status=failed');
    expect(failed.json()).toMatchObject({ total: 1, items: [{ id: runIds[1] }] });
    expect((await get(`/api/records/contact/${order.id}/runs`)).statusCode).toBe(404);
  });

  it('shows one run with its steps and the graph of the version it ran, not the current one', async () => {
    const edited = await h.app.inject({
      method: 'PUT',
      url: `/api/workflows/${workflow.id}`,
      headers: h.headers,
      payload: { graph: notifyOwnerGraph('Đơn hàng #code cần xử lý') },
    });
    expect(edited.json().version).toBe(2);
    const res = await get(`/api/runs/${runIds[1]}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().graph).toEqual(workflow.graph);
    expect(res.json().steps).toMatchObject([
      { nodeId: 'n1', status: 'succeeded', attempts: 1 },
      {
        nodeId: 'n2',
        status: 'failed',
        attempts: 3,
        error: { code: 'provider_error', message: 'Hết thời gian chờ' },
      },
    ]);
  });

  it('hides another organization’s runs behind 404s', async () => {
    const other = await h.addOrganization();
    for (const url of [
      `/api/runs/${runIds[0]}`,
      `/api/workflows/${workflow.id}/runs`,
      `/api/records/order/${order.id}/runs`,
    ]) {
      expect((await get(url, other.admin.headers)).statusCode, url).toBe(404);
    }
    expect((await get('/api/runs', other.admin.headers)).json()).toEqual({ items: [], total: 0 });
  });

  it('retries a failed run: its failed steps go back in the queue, the run runs again', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/runs/${runIds[1]}/retry`,
      headers: h.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: runIds[1], status: 'running', retried: ['n2'] });
    const detail = (await get(`/api/runs/${runIds[1]}`)).json();
    expect(detail.steps.find((step: { nodeId: string }) => step.nodeId === 'n2').status).toBe('pending');
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/runs/${runIds[1]}/retry`,
      headers: h.headers,
    });
    expect(again.json().retried).toEqual([]);
    const other = await h.addOrganization();
    const foreign = await h.app.inject({
      method: 'POST',
      url: `/api/runs/${runIds[0]}/retry`,
      headers: other.admin.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('answers a failed run in the reader’s language and names the users its steps mention', async () => {
    const english = await h.addUser({ role: 'manager', locale: 'en' });
    const error = {
      code: 'delivery_failed',
      message: 'Máy chủ SMTP từ chối đăng nhập.',
      details: { vi: 'Máy chủ SMTP từ chối đăng nhập.', en: 'The SMTP server refused the sign-in.' },
    };
    const [run] = await h.database.db
      .insert(runs)
      .values({
        orgId: h.org.id,
        workflowId: workflow.id,
        workflowVersionId: workflow.versionId,
        module: 'order',
        recordId: order.id,
        cause: { operation: 'create' },
        status: 'failed',
        reason: error.message,
      })
      .returning({ id: runs.id });
    const runId = run?.id ?? '';
    await h.database.db.insert(runSteps).values([
      {
        orgId: h.org.id,
        runId,
        nodeId: 'n2',
        nodeType: 'assign_owner',
        status: 'succeeded',
        attempts: 1,
        output: { previousOwnerId: null, ownerId: english.id },
      },
      { orgId: h.org.id, runId, nodeId: 'n3', nodeType: 'send_email', status: 'failed', attempts: 1, error },
    ]);

    const inEnglish = (await get(`/api/runs/${runId}`, english.headers)).json();
    expect(inEnglish).toMatchObject({
      reason: 'The SMTP server refused the sign-in.',
      refs: { users: [{ id: english.id, name: 'Người dùng manager' }], records: [], providers: [] },
    });
    const listed = (await get('/api/runs?status=failed', english.headers)).json();
    expect(listed.items.find((item: { id: string }) => item.id === runId).reason).toBe(
      'The SMTP server refused the sign-in.',
    );
    expect((await get(`/api/runs/${runId}`)).json().reason).toBe('Máy chủ SMTP từ chối đăng nhập.');
  });

  it.each([
    {
      code: 'loop_chain',
      vi: 'Bỏ qua để tránh vòng lặp: quy trình này đã chạy cho bản ghi này trong cùng chuỗi thay đổi.',
      en: 'Dropped to prevent a loop: this workflow already ran for this record in the same chain of changes.',
    },
    {
      code: 'loop_depth',
      vi: 'Bỏ qua để tránh vòng lặp: thay đổi này do quy trình gây ra ở độ sâu 6, vượt giới hạn 5.',
      en: 'Dropped to prevent a loop: this change was made by a workflow at depth 6, past the limit of 5.',
    },
  ])('answers why a run was dropped ($code) in the reader’s language', async ({ code, vi, en }) => {
    const english = await h.addUser({ role: 'member', locale: 'en' });
    // As the loop guard writes it: the reason in the organization's language, both in the cause.
    const [run] = await h.database.db
      .insert(runs)
      .values({
        orgId: h.org.id,
        workflowId: workflow.id,
        workflowVersionId: workflow.versionId,
        module: 'order',
        recordId: order.id,
        cause: { operation: 'update', dropped: { code, vi, en } },
        status: 'dropped',
        reason: vi,
      })
      .returning({ id: runs.id });
    const runId = run?.id ?? '';
    expect((await get(`/api/runs/${runId}`, english.headers)).json().reason).toBe(en);
    const listed = (await get('/api/runs?status=dropped', english.headers)).json();
    expect(listed.items.find((item: { id: string }) => item.id === runId).reason).toBe(en);
    expect((await get(`/api/runs/${runId}`)).json().reason).toBe(vi);
  });
});
