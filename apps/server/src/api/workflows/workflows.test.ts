import { auditLog } from '@crmflow/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';
import { careGraph, createWorkflowVia, notifyOwnerGraph } from './workflow-graphs.testing.ts';

describe('workflows API: lifecycle', () => {
  const h = useStaffedHarness();

  it.each([
    ['event', 'order', { on: 'create_or_update', fields: [], match: 'any', repeat: true }],
    [
      'schedule',
      'contact',
      { dateField: 'birthday', recurrence: 'yearly', offsetDays: 0, window: 'day', runAt: '08:00' },
    ],
  ])(
    'creates an inactive %s workflow whose graph is one trigger with the defaults',
    async (kind, module, config) => {
      const res = await h.call(
        'POST',
        '/api/workflows',
        { module, kind, name: 'Chăm sóc khách hàng' },
        h.member.headers,
      );
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        module,
        kind,
        status: 'inactive',
        version: 1,
        createdBy: h.member.id,
        stats: { runs: 0, failed: 0, lastRunAt: null, lastRunStatus: null },
        // A new flow is a trigger alone: saved as a draft that asks for its first action.
        validation: [{ code: 'action_missing', message: expect.stringContaining('chưa có hành động nào') }],
        graph: { nodes: [{ id: 'n1', type: 'trigger', config }], edges: [] },
      });
    },
  );

  it('makes a new version only when a save changes the graph, and keeps the old ones', async () => {
    const created = await createWorkflowVia(h, { module: 'order' });
    const url = `/api/workflows/${created.id}`;
    const changed = await h.call('PUT', url, { graph: notifyOwnerGraph() });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, graph: { nodes: [{ id: 'n1' }, { id: 'n2' }] } });

    const reordered = {
      ...notifyOwnerGraph(),
      nodes: notifyOwnerGraph().nodes.map((node) => ({
        config: node.config,
        type: node.type,
        id: node.id,
        position: node.position,
      })),
    };
    const same = await h.call('PUT', url, { graph: reordered, name: 'Báo đơn hàng mới' });
    expect(same.json()).toMatchObject({ version: 2, name: 'Báo đơn hàng mới' });

    const versions = await h.call('GET', `${url}/versions`);
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = await h.call('GET', `${url}/versions/1`);
    expect(first.json().graph).toEqual(created.graph);
    expect((await h.call('GET', `${url}/versions/3`)).statusCode).toBe(404);
  });

  it('refuses an unreadable graph with 422 but saves an incomplete one as a draft, naming the node', async () => {
    const created = await createWorkflowVia(h, { module: 'order' });
    const url = `/api/workflows/${created.id}`;
    const unreadable = await h.call('PUT', url, {
      graph: { nodes: [{ id: 'n1', type: 'trigger' }], edges: 'none' },
    });
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json().error.code).toBe('invalid_graph');
    expect(unreadable.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'graph_invalid', nodeId: 'n1' })]),
    );

    const draft = notifyOwnerGraph();
    draft.nodes.push({
      id: 'n3',
      type: 'condition',
      position: { x: 0, y: 240 },
      config: { mode: 'criteria', logic: 'and', rules: [{ field: 'shoe_size', op: 'eq', value: 1 }] },
    });
    draft.edges.push({ id: 'e2', source: 'n2', target: 'n3' });
    const saved = await h.call('PUT', url, { graph: draft });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    expect(saved.json().validation).toEqual([
      expect.objectContaining({ nodeId: 'n3', code: 'field_unknown' }),
    ]);
  });

  it('refuses to activate an invalid graph with 422: the problem in words, code and path in details', async () => {
    const graph = notifyOwnerGraph('Đơn #khong_co_truong');
    const created = await createWorkflowVia(h, { module: 'order', graph });
    const url = `/api/workflows/${created.id}/activate`;
    const vi =
      "Bước 'Báo chủ sở hữu': trường trộn #khong_co_truong không có trong phân hệ Đơn hàng: hãy chèn lại trường từ danh sách.";
    const res = await h.call('POST', url);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({
      code: 'invalid_graph',
      message: vi,
      details: [{ nodeId: 'n2', path: 'config.message', code: 'merge_field_unknown', message: vi }],
    });
    const en = await h.app.inject({
      method: 'POST',
      url,
      headers: { ...h.headers, 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe(
      "Step 'Báo chủ sở hữu': merge field #khong_co_truong does not exist in Orders: insert the field from the list again.",
    );
    expect((await h.call('GET', `/api/workflows/${created.id}`)).json().status).toBe('inactive');
  });

  it('refuses to activate a flow with no action, and counts the problems when there are several', async () => {
    const triggerOnly = notifyOwnerGraph();
    triggerOnly.nodes.pop();
    triggerOnly.edges.pop();
    const created = await createWorkflowVia(h, { module: 'order', graph: triggerOnly });
    expect(created.validation).toEqual([
      {
        code: 'action_missing',
        message:
          "Quy trình chưa có hành động nào: hãy thêm ít nhất một hành động (ví dụ 'Gửi Email thông báo' hoặc 'Cập nhật thông tin') sau bước 'Khi nào'.",
      },
    ]);
    const refused = await h.call('POST', `/api/workflows/${created.id}/activate`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.map((problem: { code: string }) => problem.code)).toEqual([
      'action_missing',
    ]);

    const twice = notifyOwnerGraph('#nope #nada');
    const several = await createWorkflowVia(h, { module: 'order', graph: twice });
    const answer = await h.call('POST', `/api/workflows/${several.id}/activate`);
    expect(answer.json().error.message).toMatch(
      /^Quy trình còn 2 vấn đề cần sửa\. Vấn đề đầu tiên: Bước 'Báo chủ sở hữu': /,
    );
  });

  it('refuses to edit or delete an active workflow (409) until it is deactivated', async () => {
    const created = await createWorkflowVia(h, { module: 'lead', graph: notifyOwnerGraph() });
    const url = `/api/workflows/${created.id}`;
    const activated = await h.call('POST', `${url}/activate`, undefined, h.manager.headers);
    expect(activated.statusCode).toBe(200);
    expect(activated.json()).toMatchObject({ status: 'active', activatedAt: expect.any(String) });

    const edit = await h.call('PUT', url, { name: 'Đổi tên' }, h.member.headers);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('workflow_active');
    expect((await h.call('DELETE', url)).json().error.code).toBe('workflow_active');

    const inactive = await h.call('POST', `${url}/deactivate`, undefined, h.manager.headers);
    expect(inactive.json()).toMatchObject({ status: 'inactive', activatedAt: null });
    expect((await h.call('PUT', url, { name: 'Đổi tên' }, h.member.headers)).statusCode).toBe(200);
    expect((await h.call('DELETE', url, undefined, h.member.headers)).statusCode).toBe(204);
    expect((await h.call('GET', url)).statusCode).toBe(404);
  });

  it('clones into an inactive copy with the same graph, named "(bản sao)", then "(bản sao 2)"', async () => {
    const source = await createWorkflowVia(h, {
      module: 'contact',
      kind: 'schedule',
      name: 'Chúc mừng sinh nhật',
      graph: careGraph('birthday'),
    });
    await h.call('POST', `/api/workflows/${source.id}/activate`);
    const res = await h.call('POST', `/api/workflows/${source.id}/clone`, undefined, h.member.headers);
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({
      name: 'Chúc mừng sinh nhật (bản sao)',
      status: 'inactive',
      kind: 'schedule',
      version: 1,
      createdBy: h.member.id,
    });
    expect(copy.id).not.toBe(source.id);
    expect(copy.graph).toEqual(source.graph);
    const again = await h.call('POST', `/api/workflows/${source.id}/clone`, undefined, h.member.headers);
    expect(again.json().name).toBe('Chúc mừng sinh nhật (bản sao 2)');
    // A user who chose English gets "(copy)"; copying a copy counts from its source's name.
    await h.call('PATCH', '/api/me', { locale: 'en' }, h.member.headers);
    const ofCopy = await h.call('POST', `/api/workflows/${copy.id}/clone`, undefined, h.member.headers);
    expect(ofCopy.json().name).toBe('Chúc mừng sinh nhật (copy)');
  });

  it('gives copies made at the same instant names of their own', async () => {
    const source = await createWorkflowVia(h, {
      module: 'task',
      name: 'Nhắc việc',
      graph: notifyOwnerGraph(),
    });
    const copies = await Promise.all(
      Array.from({ length: 4 }, () => h.call('POST', `/api/workflows/${source.id}/clone`)),
    );
    expect(copies.map((res) => res.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(copies.map((res) => res.json().name)).size).toBe(4);
  });

  it('lets members build but only managers and admins switch on, off and reorder (403)', async () => {
    const created = await createWorkflowVia(
      h,
      { module: 'task', graph: notifyOwnerGraph() },
      h.member.headers,
    );
    const url = `/api/workflows/${created.id}`;
    for (const action of ['activate', 'deactivate']) {
      const res = await h.call('POST', `${url}/${action}`, undefined, h.member.headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const order = await h.call(
      'PUT',
      '/api/workflows/order',
      { module: 'task', kind: 'event', ids: [created.id] },
      h.member.headers,
    );
    expect(order.statusCode).toBe(403);
    expect((await h.call('POST', `${url}/activate`, undefined, h.manager.headers)).statusCode).toBe(200);
  });

  it('sets the priority order; unlisted workflows keep their order after the listed ones', async () => {
    const made = [];
    for (const name of ['A', 'B', 'C']) made.push(await createWorkflowVia(h, { module: 'quote', name }));
    const [first, second, third] = made;
    const res = await h.call(
      'PUT',
      '/api/workflows/order',
      { module: 'quote', kind: 'event', ids: [third.id, first.id] },
      h.manager.headers,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((w: { name: string; priority: number }) => [w.name, w.priority])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
    const list = await h.call('GET', '/api/workflows?module=quote&kind=event');
    expect(list.json().items.map((w: { id: string }) => w.id)).toEqual([third.id, first.id, second.id]);

    const stranger = await createWorkflowVia(h, { module: 'order', name: 'Khác phân hệ' });
    const refused = await h.call('PUT', '/api/workflows/order', {
      module: 'quote',
      kind: 'event',
      ids: [first.id, stranger.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'ids.1', message: 'Không phải quy trình của phân hệ và loại này' },
    ]);
  });

  it('lists with filters (module, kind, accent-insensitive name) and the active limit per module', async () => {
    await createWorkflowVia(h, { module: 'opportunity', name: 'Cập nhật giai đoạn cơ hội' });
    await createWorkflowVia(h, { module: 'opportunity', name: 'Thông báo cơ hội lớn' });
    const res = await h.call('GET', '/api/workflows?module=opportunity&q=giai doan');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((w: { name: string }) => w.name)).toEqual(['Cập nhật giai đoạn cơ hội']);
    expect(res.json().limits).toMatchObject({
      lead: { active: 0, max: 10 },
      task: { active: 1, max: 10 },
      order: { active: 0, max: 10 },
    });
    const care = await h.call('GET', '/api/workflows?kind=schedule');
    expect(care.json().items.every((w: { kind: string }) => w.kind === 'schedule')).toBe(true);
    expect(care.json().limits.contact).toEqual({ active: 1, max: 10 });
  });

  it('hides another organization’s workflows behind 404s', async () => {
    const other = await h.addOrganization('Công ty Đối Thủ');
    const theirs = await createWorkflowVia(h, { module: 'order', name: 'Bí mật' }, other.admin.headers);
    const url = `/api/workflows/${theirs.id}`;
    const attempts = [
      ['GET', url],
      ['PUT', url, { name: 'Lộ' }],
      ['DELETE', url],
      ['POST', `${url}/activate`],
      ['POST', `${url}/deactivate`],
      ['POST', `${url}/clone`],
      ['GET', `${url}/versions`],
      ['GET', `${url}/versions/1`],
    ] as const;
    for (const [method, target, payload] of attempts) {
      const res = await h.call(method, target, payload);
      expect(res.statusCode, `${method} ${target}`).toBe(404);
    }
    const list = await h.call('GET', '/api/workflows?q=bi mat');
    expect(list.json().items).toEqual([]);
    const order = await h.call('PUT', '/api/workflows/order', {
      module: 'order',
      kind: 'event',
      ids: [theirs.id],
    });
    expect(order.statusCode).toBe(400);
  });

  it('writes an audit row for each change', async () => {
    const created = await createWorkflowVia(h, { module: 'account', graph: notifyOwnerGraph() });
    const url = `/api/workflows/${created.id}`;
    await h.call('PUT', url, { name: 'Khách hàng mới' });
    await h.call('POST', `${url}/activate`);
    await h.call('POST', `${url}/deactivate`);
    await h.call('DELETE', url);
    const rows = await h.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'workflow'), eq(auditLog.entityId, created.id)))
      .orderBy(auditLog.at);
    expect(rows.map((row) => row.action)).toEqual([
      'workflow.create',
      'workflow.update',
      'workflow.activate',
      'workflow.deactivate',
      'workflow.delete',
    ]);
    expect(rows.every((row) => row.actorId === h.admin.id)).toBe(true);
  });
});
