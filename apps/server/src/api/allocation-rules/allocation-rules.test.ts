import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../../test/harness.ts';
import { createWorkflowVia } from '../workflows/workflow-graphs.testing.ts';

describe('allocation rules API', () => {
  let h: Harness;
  let member: TestUser;
  let seller: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    member = await h.addUser({ role: 'member' });
    seller = await h.addUser({ role: 'member' });
  });
  afterAll(() => h.close());

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers = h.headers,
  ) => h.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

  it('creates, lists by module, edits and deletes a rule', async () => {
    const created = await call('POST', '/api/allocation-rules', {
      module: 'lead',
      name: 'Chia đều tiềm năng',
      userIds: [member.id, seller.id],
    });
    expect(created.statusCode).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({
      module: 'lead',
      name: 'Chia đều tiềm năng',
      userIds: [member.id, seller.id],
      active: true,
    });
    await call('POST', '/api/allocation-rules', { module: 'order', name: 'Đơn hàng', userIds: [seller.id] });

    const leads = await call('GET', '/api/allocation-rules?module=lead', undefined, member.headers);
    expect(leads.json().items.map((r: { id: string }) => r.id)).toEqual([rule.id]);

    const edited = await call('PATCH', `/api/allocation-rules/${rule.id}`, {
      userIds: [seller.id],
      active: false,
    });
    expect(edited.json()).toMatchObject({ userIds: [seller.id], active: false, name: 'Chia đều tiềm năng' });
    expect((await call('DELETE', `/api/allocation-rules/${rule.id}`)).statusCode).toBe(204);
    expect((await call('PATCH', `/api/allocation-rules/${rule.id}`, { name: 'Đã xóa' })).statusCode).toBe(
      404,
    );
  });

  it.each([
    [
      'a user of another organization',
      async () => (await h.addOrganization()).admin.id,
      'userIds.0',
      'Người dùng không tồn tại',
    ],
    [
      'a made-up id',
      async () => '00000000-0000-4000-8000-000000000000',
      'userIds.0',
      'Người dùng không tồn tại',
    ],
  ])('refuses %s with 400 naming the entry', async (_name, userId, field, message) => {
    const res = await call('POST', '/api/allocation-rules', {
      module: 'lead',
      name: 'Sai',
      userIds: [await userId()],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field, message }]);
  });

  it('lets only managers and admins change rules', async () => {
    const res = await call(
      'POST',
      '/api/allocation-rules',
      { module: 'lead', name: 'Không được', userIds: [member.id] },
      member.headers,
    );
    expect(res.statusCode).toBe(403);
  });

  it('refuses to delete a rule an active workflow hands records over by (409), then allows it', async () => {
    const rule = (
      await call('POST', '/api/allocation-rules', {
        module: 'lead',
        name: 'Phân bổ tiềm năng mới',
        userIds: [seller.id],
      })
    ).json();
    const graph = {
      nodes: [
        { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
        {
          id: 'n2',
          type: 'assign_owner',
          position: { x: 0, y: 120 },
          config: { name: 'Phân bổ', mode: 'rule', ruleId: rule.id },
        },
      ],
      edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
    };
    const workflow = await createWorkflowVia(h, { module: 'lead', name: 'Phân bổ tiềm năng', graph });
    expect((await call('POST', `/api/workflows/${workflow.id}/activate`)).statusCode).toBe(200);
    const refused = await call('DELETE', `/api/allocation-rules/${rule.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'allocation_rule_in_use',
      message: 'Quy tắc phân bổ đang được dùng trong quy trình đang kích hoạt: Phân bổ tiềm năng',
    });
    const using = await call('GET', `/api/allocation-rules/${rule.id}/workflows`, undefined, member.headers);
    expect(using.json().items).toEqual([
      { id: workflow.id, name: 'Phân bổ tiềm năng', module: 'lead', kind: 'event', status: 'active' },
    ]);
    await call('POST', `/api/workflows/${workflow.id}/deactivate`);
    expect((await call('DELETE', `/api/allocation-rules/${rule.id}`)).statusCode).toBe(204);
  });

  it('says who is next: the first active user in the rule’s order, skipping inactive ones', async () => {
    const resting = await h.addUser({ role: 'member' });
    const rule = (
      await call('POST', '/api/allocation-rules', {
        module: 'lead',
        name: 'Ai kế tiếp',
        userIds: [resting.id, seller.id, member.id],
      })
    ).json();
    expect(rule.nextUserId).toBe(resting.id);
    await call('PATCH', `/api/users/${resting.id}`, { active: false });
    const listed = (await call('GET', '/api/allocation-rules?module=lead')).json();
    expect(listed.items.find((r: { id: string }) => r.id === rule.id).nextUserId).toBe(seller.id);
    const reordered = await call('PATCH', `/api/allocation-rules/${rule.id}`, {
      userIds: [member.id, seller.id, resting.id],
    });
    expect(reordered.json().nextUserId).toBe(member.id);
    const none = await call('GET', `/api/allocation-rules/${rule.id}/workflows`);
    expect(none.json().items).toEqual([]);
  });

  it('hides another organization’s rules', async () => {
    const other = await h.addOrganization();
    const theirs = (
      await call(
        'POST',
        '/api/allocation-rules',
        { module: 'lead', name: 'Của họ', userIds: [other.admin.id] },
        other.admin.headers,
      )
    ).json();
    expect((await call('PATCH', `/api/allocation-rules/${theirs.id}`, { name: 'Lộ' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/allocation-rules/${theirs.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/allocation-rules/${theirs.id}/workflows`)).statusCode).toBe(404);
    const mine = await call('GET', '/api/allocation-rules');
    expect(mine.json().items.some((r: { id: string }) => r.id === theirs.id)).toBe(false);
  });
});
