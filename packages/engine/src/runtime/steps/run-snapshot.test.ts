import { describe, expect, it } from 'vitest';
import type { RecordSnapshot } from '../../executors/executor.ts';
import { parseWorkflowGraph, type WorkflowGraph } from '../workflow-graph.ts';
import { afterStep, type RunSnapshot, snapshotOf, snapshotValues, writtenBy } from './run-snapshot.ts';

const parsed = parseWorkflowGraph({
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'update' } },
    ...['a', 'b', 'mail'].map((id, index) => ({
      id,
      type: id === 'mail' ? 'notify' : 'update_fields',
      position: { x: 0, y: (index + 1) * 100 },
      config: { name: id },
    })),
  ],
  edges: [
    { id: 'e1', source: 't', target: 'a' },
    { id: 'e2', source: 'a', target: 'b' },
    { id: 'e3', source: 'b', target: 'mail' },
  ],
});
if (!parsed.ok) throw new Error(parsed.error);
const graph: WorkflowGraph = parsed.graph;
const record: RecordSnapshot = {
  id: 'r1',
  module: 'contact',
  data: { name: 'Chị Hoa', phone: '0912000009' },
  ownerId: null,
  deleted: false,
};
const fields = (values: Record<string, unknown>, recordId = 'r1') => ({ updated: true, recordId, values });

describe('writtenBy', () => {
  it.each([
    { type: 'update_fields', output: fields({ phone: '1' }), written: { phone: '1' } },
    { type: 'update_fields', output: fields({ phone: '1' }, 'r2'), written: null },
    { type: 'update_fields', output: { updated: false, reason: 'no target' }, written: null },
    { type: 'assign_owner', output: { ownerId: 'u2', ruleId: 'x' }, written: { owner_id: 'u2' } },
    { type: 'notify', output: { notified: 2 }, written: null },
    { type: 'update_fields', output: null, written: null },
  ])('$type $output → $written', ({ type, output, written }) => {
    expect(writtenBy({ type, output, recordId: 'r1' })).toEqual(written);
  });
});

describe('snapshotValues', () => {
  const base = { name: 'Chị Hoa', phone: '0912000001' };
  it.each<{ name: string; snapshot: RunSnapshot; values: Record<string, unknown> }>([
    {
      name: 'no base kept: the record as it is now',
      snapshot: { base: null, writes: [] },
      values: record.data,
    },
    { name: 'the base, not the record now', snapshot: { base, writes: [] }, values: base },
    {
      name: 'writes in the order they finished',
      snapshot: {
        base,
        writes: [
          { nodeId: 'b', at: 2, values: { phone: 'b' } },
          { nodeId: 'a', at: 1, values: { phone: 'a', title: 'a' } },
        ],
      },
      values: { name: 'Chị Hoa', phone: 'b', title: 'a' },
    },
    {
      name: 'writes finished together: in graph order',
      snapshot: {
        base,
        writes: [
          { nodeId: 'b', at: 5, values: { phone: 'b' } },
          { nodeId: 'a', at: 5, values: { phone: 'a' } },
        ],
      },
      values: { name: 'Chị Hoa', phone: 'b' },
    },
  ])('$name', ({ snapshot, values }) => {
    expect(snapshotValues({ snapshot, graph, record })).toEqual(values);
  });

  it('takes in a step that just wrote the record, after those loaded with the run', () => {
    const loaded = snapshotOf({
      base: JSON.stringify({ phone: '0912000001' }),
      steps: [{ nodeId: 'b', type: 'update_fields', at: 9, output: fields({ phone: 'b' }) }],
      recordId: 'r1',
    });
    const after = afterStep({
      snapshot: loaded,
      graph,
      nodeId: 'a',
      output: fields({ phone: 'a' }),
      recordId: 'r1',
    });
    expect(snapshotValues({ snapshot: after, graph, record })).toEqual({ phone: 'a' });
    expect(afterStep({ snapshot: loaded, graph, nodeId: 'mail', output: {}, recordId: 'r1' })).toBe(loaded);
  });
});
