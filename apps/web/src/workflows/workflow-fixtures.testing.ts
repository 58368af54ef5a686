import type { Workflow, WorkflowList } from '@crmflow/contracts';
import type { FlowGraph } from '@crmflow/flow';

/** Contract-shaped workflows for the component tests of the lists, the gallery and the run history. */

export const orderStatusGraph: FlowGraph = {
  nodes: [
    {
      id: 'n1',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: { on: 'update', fields: ['status'], match: 'any', repeat: true },
    },
    {
      id: 'n2',
      type: 'notify',
      position: { x: 0, y: 120 },
      config: {
        name: 'Báo người phụ trách',
        to: { fields: ['owner_id'], users: [] },
        message: 'Đơn #code đã giao',
      },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
};

export const birthdayGraph: FlowGraph = {
  nodes: [
    {
      id: 'n1',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: { dateField: 'birthday', recurrence: 'yearly', offsetDays: 0, window: 'day', runAt: '08:00' },
    },
  ],
  edges: [],
};

export function workflow(overrides: Partial<Workflow> = {}): Workflow {
  return {
    id: 'ffffffff-0000-4000-8000-000000000001',
    module: 'order',
    kind: 'event',
    name: 'Xác nhận đơn hàng',
    description: 'Báo người phụ trách khi đơn hàng đổi tình trạng',
    status: 'inactive',
    priority: 0,
    version: 1,
    versionId: '88888888-0000-4000-8000-000000000001',
    graph: orderStatusGraph,
    createdAt: '2025-03-01T02:00:00.000Z',
    updatedAt: '2025-03-01T02:00:00.000Z',
    activatedAt: null,
    createdBy: 'aaaaaaaa-0000-4000-8000-000000000001',
    stats: { runs: 0, failed: 0, lastRunAt: null, lastRunStatus: null },
    ...overrides,
  };
}

/** Three order workflows (one active) and a lead workflow, in the server's order. */
export function sampleWorkflows(): Workflow[] {
  return [
    workflow({
      id: 'ffffffff-0000-4000-8000-000000000004',
      module: 'lead',
      name: 'Phân bổ tiềm năng mới',
      description: '',
      graph: { ...orderStatusGraph, nodes: [{ ...orderStatusGraph.nodes[0]!, config: { on: 'create' } }] },
    }),
    workflow({
      id: 'ffffffff-0000-4000-8000-000000000001',
      status: 'active',
      stats: { runs: 12, failed: 2, lastRunAt: '2025-03-16T09:30:00.000Z', lastRunStatus: 'failed' },
    }),
    workflow({
      id: 'ffffffff-0000-4000-8000-000000000002',
      name: 'Giao nhiệm vụ chăm sóc',
      priority: 1,
      description: '',
    }),
    workflow({
      id: 'ffffffff-0000-4000-8000-000000000003',
      name: 'Ghi doanh số',
      priority: 2,
      description: '',
    }),
  ];
}

export function workflowList(items: Workflow[], active: Record<string, number> = {}): WorkflowList {
  const limits: WorkflowList['limits'] = {};
  for (const module of ['account', 'contact', 'lead', 'opportunity', 'quote', 'order', 'task', 'product']) {
    limits[module] = { active: active[module] ?? 0, max: 10 };
  }
  return { items, limits };
}
