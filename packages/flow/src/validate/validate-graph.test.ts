import { describe, expect, it } from 'vitest';
import type { FlowGraph } from '../graph/flow-graph.ts';
import { standardModules } from '../metadata/standard-modules.ts';
import { edge, node, orderFlow } from './test-graphs.ts';
import { validateGraph } from './validate-graph.ts';

const catalog = standardModules;

function errorsOf(graph: unknown, kind: 'event' | 'schedule' = 'event') {
  return validateGraph({ graph, module: 'order', kind, catalog }).errors;
}

function edit(change: (graph: FlowGraph) => void): FlowGraph {
  const graph = orderFlow();
  change(graph);
  return graph;
}

describe('validateGraph: structure', () => {
  it('accepts the order confirmation flow', () => {
    expect(validateGraph({ graph: orderFlow(), module: 'order', kind: 'event', catalog })).toEqual({
      ok: true,
      errors: [],
    });
  });

  it.each([
    { name: 'not a graph', graph: { nodes: 'x' }, code: 'graph_invalid', at: { path: 'nodes' } },
    {
      name: 'node without position',
      graph: { nodes: [{ id: 'n1', type: 'trigger', config: {} }], edges: [] },
      code: 'graph_invalid',
      at: { nodeId: 'n1', path: 'nodes.0.position' },
    },
    { name: 'no trigger', graph: edit((g) => g.nodes.shift()), code: 'trigger_missing', at: {} },
    {
      name: 'two triggers',
      graph: edit((g) => g.nodes.push(node('t2', 'trigger', { on: 'create' }))),
      code: 'trigger_multiple',
      at: { nodeId: 't2' },
    },
    {
      name: 'edge into the trigger',
      graph: edit((g) => g.edges.push(edge('e', 't'))),
      code: 'edge_into_trigger',
      at: { edgeId: 'e--t' },
    },
    {
      name: 'edge to a missing node',
      graph: edit((g) => g.edges.push(edge('e', 'ghost'))),
      code: 'edge_missing_node',
      at: { edgeId: 'e--ghost' },
    },
    {
      name: 'condition edge without a branch',
      graph: edit((g) => {
        g.edges[1] = edge('c', 'e');
      }),
      code: 'condition_handle_missing',
      at: { edgeId: 'c--e' },
    },
    {
      name: 'branch out of an action',
      graph: edit((g) => {
        g.nodes.push(
          node('n', 'notify', { name: 'Báo', to: { fields: ['owner_id'], users: [] }, message: 'Đơn #code' }),
        );
        g.edges.push(edge('e', 'n', 'true'));
      }),
      code: 'handle_not_allowed',
      at: { edgeId: 'e-true-n' },
    },
    {
      name: 'cycle between actions',
      graph: edit((g) => {
        g.nodes.push(
          node('n', 'notify', { name: 'Báo', to: { fields: ['owner_id'], users: [] }, message: 'x' }),
        );
        g.edges.push(edge('e', 'n'), edge('n', 'e'));
      }),
      code: 'cycle',
      at: { nodeId: 'e' },
    },
    {
      name: 'unreachable node',
      graph: edit((g) => {
        g.nodes.push(
          node('n', 'notify', { name: 'Báo', to: { fields: ['owner_id'], users: [] }, message: 'x' }),
        );
      }),
      code: 'unreachable',
      at: { nodeId: 'n' },
    },
    {
      name: 'duplicate node id',
      graph: edit((g) =>
        g.nodes.push(node('e', 'delay', { name: 'Chờ', mode: 'duration', amount: 1, unit: 'days' })),
      ),
      code: 'node_duplicate_id',
      at: { nodeId: 'e' },
    },
    {
      name: 'duplicate edge',
      graph: edit((g) => g.edges.push({ ...edge('t', 'c'), id: 'again' })),
      code: 'edge_duplicate',
      at: { edgeId: 'again' },
    },
    {
      name: 'unknown node type',
      graph: edit((g) => {
        g.nodes.push(node('x', 'send_fax', {}));
        g.edges.push(edge('e', 'x'));
      }),
      code: 'node_type_unknown',
      at: { nodeId: 'x', path: 'type' },
    },
  ])('$name → $code', ({ graph, code, at }) => {
    const errors = errorsOf(graph);
    expect(errors.map((error) => error.code)).toContain(code);
    expect(errors.find((error) => error.code === code)).toMatchObject(at);
  });

  it('names the nodes of a cycle in both languages', () => {
    const graph = edit((g) => g.edges.push(edge('e', 'c')));
    const cycle = errorsOf(graph).filter((error) => error.code === 'cycle');
    expect(cycle.map((error) => error.nodeId)).toEqual(['c', 'e']);
    expect(cycle[0]?.message).toEqual({
      vi: "Bước 'Điều kiện': quy trình bị lặp vòng (Điều kiện → Xác nhận đơn hàng): hãy xóa một đường nối để bỏ vòng lặp.",
      en: "Step 'Condition': the flow loops back on itself (Condition → Xác nhận đơn hàng): delete a connection to break the loop.",
    });
    expect(cycle[0]?.problem.vi).toBe(
      'Quy trình bị lặp vòng (Điều kiện → Xác nhận đơn hàng): hãy xóa một đường nối để bỏ vòng lặp.',
    );
  });

  it('lets a condition branch both ways', () => {
    const graph = edit((g) => {
      g.nodes.push(
        node('n', 'notify', {
          name: 'Báo',
          to: { fields: ['owner_id'], users: [] },
          message: 'Đơn #code chưa giao',
        }),
      );
      g.edges.push(edge('c', 'n', 'false'));
    });
    expect(errorsOf(graph)).toEqual([]);
  });
});
