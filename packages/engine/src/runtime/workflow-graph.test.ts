import { describe, expect, it } from 'vitest';
import { graphOf } from '../../test/fixtures.ts';
import { nextNodes, parseWorkflowGraph, readWorkflowGraph } from './workflow-graph.ts';

const condition = {
  id: 'c',
  type: 'condition',
  config: { mode: 'criteria', logic: 'and', rules: [{ field: 'status', op: 'eq', value: 'delivered' }] },
};
const notify = { id: 'n', type: 'notify', config: { to: { fields: ['owner_id'] }, message: 'Đơn đã giao' } };
const brokenCondition = { ...condition, config: { mode: 'criteria', logic: 'maybe' } };
const trigger = { on: 'update', fields: ['status'], repeat: true };

describe('reading a stored graph', () => {
  it.each([
    {
      name: 'a valid graph',
      graph: graphOf({ trigger, nodes: [condition, notify], edges: ['t>c', 'c>n:true'] }),
      problems: [],
      runtime: null,
    },
    {
      name: 'a condition whose config does not read',
      graph: graphOf({ trigger, nodes: [brokenCondition, notify], edges: ['t>c', 'c>n:true'] }),
      problems: [['c', 'condition_invalid']],
      runtime: 'condition_invalid:c',
    },
    {
      name: 'a node of an unknown type',
      graph: graphOf({ trigger, nodes: [{ id: 'x', type: 'fax', config: {} }], edges: ['t>x'] }),
      problems: [['x', 'node_type_unknown']],
      runtime: 'node_type_unknown:x',
    },
    {
      name: 'a trigger whose config does not read',
      graph: graphOf({ trigger: { on: 'sometimes' }, nodes: [notify], edges: ['t>n'] }),
      problems: [['t', 'trigger_invalid']],
      runtime: 'trigger_invalid',
    },
  ])(
    '$name: the test panel walks it, the runtime refuses it with a problem',
    ({ graph, problems, runtime }) => {
      const read = readWorkflowGraph(graph);
      if (!read.ok) throw new Error(read.error);
      expect([...read.draft.problems]).toEqual(problems);
      const parsed = parseWorkflowGraph(graph);
      expect(parsed.ok ? null : parsed.error).toBe(runtime);
    },
  );

  it.each([
    { name: 'not a graph', raw: { nodes: 'none' }, error: 'graph_invalid' },
    { name: 'no trigger', raw: { nodes: [], edges: [] }, error: 'trigger_missing' },
    {
      name: 'a cycle',
      raw: graphOf({ trigger, nodes: [condition, notify], edges: ['t>c', 'c>n:true', 'n>c'] }),
      error: 'cycle',
    },
  ])('$name cannot be walked at all', ({ raw, error }) => {
    expect(readWorkflowGraph(raw)).toEqual({ ok: false, error });
    expect(parseWorkflowGraph(raw)).toEqual({ ok: false, error });
  });

  it('leads the walk to a node with a problem, where it stops', () => {
    const read = readWorkflowGraph(
      graphOf({ trigger, nodes: [brokenCondition, notify], edges: ['t>c', 'c>n:true'] }),
    );
    if (!read.ok) throw new Error(read.error);
    const graph = {
      ...read.draft,
      trigger: {
        id: 't',
        config: { on: 'update' as const, fields: [], match: 'any' as const, repeat: true },
      },
    };
    expect(nextNodes({ graph, nodeId: 't' })).toEqual(['c']);
  });
});
