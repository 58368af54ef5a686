import type { FlowGraph } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { layoutPositions } from './auto-layout.ts';
import { type ConnectionRefusal, connectionRefusal } from './connection-rules.ts';
import { nextId, nextIds, toEditorDoc, toFlowGraph } from './graph-convert.ts';

const graph: FlowGraph = {
  nodes: [
    { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: {} },
    { id: 'n2', type: 'condition', position: { x: 0, y: 0 }, config: { mode: 'all' } },
    { id: 'n3', type: 'send_email', position: { x: 0, y: 0 }, config: {} },
    { id: 'n4', type: 'notify', position: { x: 0, y: 0 }, config: {} },
    { id: 'n5', type: 'webhook', position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'n1', target: 'n2' },
    { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3' },
    { id: 'e3', source: 'n2', sourceHandle: 'false', target: 'n4' },
    { id: 'e4', source: 'n3', target: 'n5' },
  ],
};
const doc = toEditorDoc(graph);

describe('connectionRefusal', () => {
  it.each<
    [string, { source: string; target: string; sourceHandle?: string | null }, ConnectionRefusal | null]
  >([
    ['an action to another', { source: 'n4', target: 'n5' }, null],
    ['the trigger to an action', { source: 'n1', target: 'n5' }, null],
    ['a node to itself', { source: 'n3', target: 'n3' }, 'self'],
    ['anything into the trigger', { source: 'n5', target: 'n1' }, 'into_trigger'],
    ['a loop back to the condition', { source: 'n5', target: 'n2' }, 'cycle'],
    ['the same edge twice', { source: 'n3', target: 'n5' }, 'duplicate'],
    ['the same branch twice', { source: 'n2', target: 'n3', sourceHandle: 'true' }, 'duplicate'],
    ['both branches into one node', { source: 'n2', target: 'n3', sourceHandle: 'false' }, 'both_branches'],
    ['a condition without a branch', { source: 'n2', target: 'n5' }, 'handle_required'],
    ['a node that does not exist', { source: 'n9', target: 'n5' }, 'unknown_node'],
  ])('%s', (_name, connection, expected) => {
    expect(connectionRefusal({ doc, connection })).toBe(expected);
  });
});

describe('graph conversion', () => {
  it('round-trips the stored graph, dropping canvas-only state', () => {
    const back = toFlowGraph({
      nodes: doc.nodes.map((node) => ({ ...node, selected: true, measured: { width: 10, height: 10 } })),
      edges: doc.edges,
    });
    expect(back).toEqual(graph);
  });

  it('never lets anyone delete the trigger on the canvas', () => {
    expect(doc.nodes.map((node) => node.deletable)).toEqual([false, true, true, true, true]);
  });

  it.each([
    [['n1', 'n2', 'n10', 'x7'], 'n11'],
    [[], 'n1'],
    [['node-3', 'n'], 'n1'],
  ])('next id after %j is %s', (taken, expected) => {
    expect(nextId('n', taken)).toBe(expected);
  });

  it('hands out several fresh ids at once', () => {
    expect(nextIds({ prefix: 'e', taken: ['e2'], count: 3 })).toEqual(['e3', 'e4', 'e5']);
  });
});

describe('layoutPositions', () => {
  it('lays the flow out top to bottom, the true branch left of the false one, without overlaps', () => {
    const positions = layoutPositions(doc);
    const at = (id: string) => positions.get(id) ?? { x: Number.NaN, y: Number.NaN };
    expect(at('n1').y).toBeLessThan(at('n2').y);
    expect(at('n2').y).toBeLessThan(at('n3').y);
    expect(at('n3').y).toBe(at('n4').y);
    expect(at('n3').x).toBeLessThan(at('n4').x);
    expect(at('n5').y).toBeGreaterThan(at('n3').y);
    expect(Math.abs(at('n3').x - at('n4').x)).toBeGreaterThanOrEqual(280);
  });
});
