import type { FlowGraph } from '@crmflow/flow';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';
import { createWorkflowVia } from '../workflows/workflow-graphs.testing.ts';

/** On an edit of `watch`, writes `value` into `field` of the order. */
function writeOnChange(args: { watch: string; field: string; value: unknown }): FlowGraph {
  return {
    nodes: [
      { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'update', fields: [args.watch] } },
      {
        id: 'w',
        type: 'update_fields',
        position: { x: 0, y: 120 },
        config: { name: `Ghi ${args.field}`, values: [{ field: args.field, value: args.value }] },
      },
    ],
    edges: [{ id: 'e1', source: 't', target: 'w' }],
  };
}

describe('workflow conflicts API', () => {
  const h = useStaffedHarness();
  const conflicts = (id: string, headers = h.headers) =>
    h.app.inject({ method: 'GET', url: `/api/workflows/${id}/conflicts`, headers });

  it('shows a loop across flows as its chain, at save, activation, in the list and on its own', async () => {
    const a = await createWorkflowVia(h, {
      module: 'order',
      name: 'Xác nhận khi đổi tổng tiền',
      graph: writeOnChange({ watch: 'total', field: 'status', value: 'confirmed' }),
    });
    expect(a.conflicts).toEqual([]);
    const b = await createWorkflowVia(h, {
      module: 'order',
      name: 'Đặt lại tổng tiền khi đổi tình trạng',
      graph: writeOnChange({ watch: 'status', field: 'total', value: 0 }),
    });
    const activated = await h.call('POST', `/api/workflows/${b.id}/activate`);
    expect(activated.statusCode).toBe(200);
    const res = await conflicts(a.id);
    expect(res.statusCode).toBe(200);
    const [cycle] = res.json().items;
    expect(cycle).toMatchObject({
      kind: 'cycle',
      chain: [
        { workflowId: a.id, nodeId: 'w', fields: ['status'] },
        { workflowId: b.id, nodeId: 'w', fields: ['total'] },
      ],
      nodeIds: ['w'],
    });
    expect(cycle.text.vi).toContain('kích hoạt “Đặt lại tổng tiền khi đổi tình trạng”');
    const saved = await h.call('PUT', `/api/workflows/${a.id}`, { name: 'Xác nhận đơn' });
    expect(saved.json().conflicts.map((c: { kind: string }) => c.kind)).toEqual(['cycle']);
    const activatedA = await h.call('POST', `/api/workflows/${a.id}/activate`);
    expect(activatedA.statusCode).toBe(200);
    expect(activatedA.json().conflicts.map((c: { kind: string }) => c.kind)).toEqual(['cycle']);
    const list = await h.call('GET', '/api/workflows?module=order');
    const inList = list.json().items.find((item: { id: string }) => item.id === b.id);
    expect(inList.conflicts.map((c: { kind: string }) => c.kind)).toEqual(['cycle']);
  });

  it('warns of a flow that can never fire, and saves it anyway', async () => {
    const graph: FlowGraph = {
      nodes: [
        { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'update', fields: ['status'] } },
        {
          id: 'c',
          type: 'condition',
          position: { x: 0, y: 100 },
          config: {
            mode: 'criteria',
            logic: 'and',
            rules: [
              { field: 'status', op: 'changed_to', value: 'delivered' },
              { field: 'status', op: 'eq', value: 'cancelled' },
            ],
          },
        },
        {
          id: 'n',
          type: 'notify',
          position: { x: 0, y: 200 },
          config: { name: 'Báo', to: { fields: ['owner_id'], users: [] }, message: 'Đơn đã giao' },
        },
      ],
      edges: [
        { id: 'e1', source: 't', target: 'c' },
        { id: 'e2', source: 'c', target: 'n', sourceHandle: 'true' },
      ],
    };
    const flow = await createWorkflowVia(h, { module: 'order', name: 'Không bao giờ chạy', graph });
    expect(flow.conflicts).toMatchObject([{ kind: 'never_fires', field: 'status', nodeIds: ['c'] }]);
    expect(flow.conflicts[0].text.en).toContain('can never run');
  });

  it('follows a change made elsewhere (another process, plain SQL) on the next list', async () => {
    const a = await createWorkflowVia(h, {
      module: 'order',
      name: 'Đặt số đơn khi đổi ngày đặt',
      graph: writeOnChange({ watch: 'order_date', field: 'code', value: 'DH-1' }),
    });
    const b = await createWorkflowVia(h, {
      module: 'order',
      name: 'Đặt ngày đặt khi đổi số đơn',
      graph: writeOnChange({ watch: 'code', field: 'order_date', value: '2026-01-01' }),
    });
    expect((await h.call('POST', `/api/workflows/${b.id}/activate`)).statusCode).toBe(200);
    const kindsOfA = async () => {
      const list = await h.call('GET', '/api/workflows?module=order');
      const item = list.json().items.find((entry: { id: string }) => entry.id === a.id);
      return item.conflicts.map((c: { kind: string }) => c.kind);
    };
    expect(await kindsOfA()).toContain('cycle');
    await h.database.db.execute(sql`update workflows set status = 'inactive' where id = ${b.id}`);
    expect(await kindsOfA()).not.toContain('cycle');
    await h.database.db.execute(sql`update workflows set status = 'active' where id = ${b.id}`);
    expect(await kindsOfA()).toContain('cycle');
  });

  it('answers 404 for another organization’s workflow and for none', async () => {
    const other = await h.addOrganization();
    const theirs = await createWorkflowVia(h, { module: 'lead' }, other.admin.headers);
    expect((await conflicts(theirs.id)).statusCode).toBe(404);
    expect((await conflicts('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await conflicts('not-an-id')).statusCode).toBe(400);
  });
});
