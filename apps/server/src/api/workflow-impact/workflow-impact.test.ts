import type { FlowGraph } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';
import { createWorkflowVia } from '../workflows/workflow-graphs.testing.ts';

/** On an edit of the stage, when the deal is won, a task for its owner. */
const wonGraph: FlowGraph = {
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'update', fields: ['stage'] } },
    {
      id: 'c',
      type: 'condition',
      position: { x: 0, y: 100 },
      config: { mode: 'criteria', logic: 'and', rules: [{ field: 'stage', op: 'changed_to', value: 'won' }] },
    },
    {
      id: 'task',
      type: 'create_task',
      position: { x: 0, y: 200 },
      config: {
        name: 'Gọi cảm ơn',
        title: 'Cảm ơn khách #name',
        dueInDays: 1,
        taskType: 'call',
        priority: 'normal',
        assignee: { field: 'owner_id' },
        related: [],
      },
    },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'c' },
    { id: 'e2', source: 'c', target: 'task', sourceHandle: 'true' },
  ],
};

describe('workflow impact API', () => {
  const h = useStaffedHarness();
  const impact = (id: string, payload: object = {}, headers = h.headers) =>
    h.app.inject({ method: 'POST', url: `/api/workflows/${id}/impact`, headers, payload });

  it('counts the runs the draft would have started on the history the API wrote, with their tasks', async () => {
    const deal = async (name: string, stages: string[]) => {
      const created = await h.call(
        'POST',
        '/api/records/opportunity',
        { data: { name, stage: 'prospecting' } },
        h.member.headers,
      );
      for (const stage of stages)
        await h.call('PATCH', `/api/records/opportunity/${created.json().id}`, { data: { stage } });
      return created.json().id as string;
    };
    const won = await deal('Mở rộng kho', ['proposal', 'won']);
    await deal('Bảo trì', ['proposal', 'lost']);
    const twice = await deal('Phần mềm', ['won', 'proposal', 'won']);
    const flow = await createWorkflowVia(h, {
      module: 'opportunity',
      name: 'Cảm ơn khi thắng',
      graph: wonGraph,
    });
    const res = await impact(flow.id, { days: 30 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'event', days: 30, runs: 3, records: 2 });
    expect(body.items.map((item: { recordId: string }) => item.recordId)).toEqual([twice, twice, won]);
    expect(body.items[0].actions).toMatchObject([
      { nodeId: 'task', type: 'create_task', status: 'would_run' },
    ]);
    expect(JSON.stringify(body.items[0].actions[0].preview)).toContain('Cảm ơn khách Phần mềm');
    expect((await impact(flow.id)).json().runs).toBe(3);
  });

  it('refuses a period out of range naming the field, and another organization’s workflow', async () => {
    const flow = await createWorkflowVia(h, { module: 'opportunity', graph: wonGraph });
    const bad = await impact(flow.id, { days: 0 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('days');
    const other = await h.addOrganization();
    const theirs = await createWorkflowVia(h, { module: 'lead' }, other.admin.headers);
    expect((await impact(theirs.id)).statusCode).toBe(404);
  });
});
