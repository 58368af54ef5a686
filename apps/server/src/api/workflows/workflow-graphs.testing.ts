import type { FlowGraph } from '@crmflow/flow';
import type { App } from '../../app-types.ts';

/** An event workflow that notifies the record's owner: valid for every module with an owner. */
export function notifyOwnerGraph(message = 'Có bản ghi mới cần xử lý'): FlowGraph {
  return {
    nodes: [
      { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
      {
        id: 'n2',
        type: 'notify',
        position: { x: 0, y: 120 },
        config: { name: 'Báo chủ sở hữu', to: { fields: ['owner_id'], users: [] }, message },
      },
    ],
    edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
  };
}

/** A care process on a date field that notifies the owner. */
export function careGraph(dateField: string): FlowGraph {
  return {
    nodes: [
      { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { dateField } },
      {
        id: 'n2',
        type: 'notify',
        position: { x: 0, y: 120 },
        config: {
          name: 'Nhắc chăm sóc',
          to: { fields: ['owner_id'], users: [] },
          message: 'Đến ngày chăm sóc khách hàng',
        },
      },
    ],
    edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
  };
}

/** Creates a workflow through the API and answers its body. */
export async function createWorkflowVia(
  h: { app: App; headers: { authorization: string } },
  body: { module: string; kind?: string; name?: string; graph?: unknown },
  headers: { authorization: string } = h.headers,
) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/workflows',
    headers,
    payload: { kind: 'event', name: 'Quy trình thử', ...body },
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
