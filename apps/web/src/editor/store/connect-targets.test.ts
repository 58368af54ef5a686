import type { FlowGraph } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { connectTargets } from './connect-targets.ts';
import { createEditorStore } from './editor-store.ts';
import { toEditorDoc } from './graph-convert.ts';

const at = (y: number, x = 0) => ({ x, y });
// trigger → condition; Đúng → task; the email and the note not joined yet.
const graph: FlowGraph = {
  nodes: [
    { id: 'n1', type: 'trigger', position: at(0), config: {} },
    { id: 'n2', type: 'condition', position: at(150), config: {} },
    { id: 'n3', type: 'create_task', position: at(300), config: {} },
    { id: 'n4', type: 'send_email', position: at(300, 300), config: {} },
    { id: 'n5', type: 'notify', position: at(450), config: {} },
  ],
  edges: [
    { id: 'e1', source: 'n1', target: 'n2' },
    { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3' },
  ],
};
const doc = toEditorDoc(graph);
const list = (source: string) =>
  connectTargets({ doc, source }).map(({ target, handle }) => (handle ? `${handle}:${target}` : target));

describe('the "Nối tới…" list', () => {
  it.each([
    {
      source: 'n1',
      why: 'the trigger: every step it does not reach yet, not itself',
      expected: ['n3', 'n4', 'n5'],
    },
    {
      source: 'n2',
      why: 'a condition: each branch apart; never back to the trigger, never Đúng twice, never both branches to one step',
      expected: ['true:n4', 'true:n5', 'false:n4', 'false:n5'],
    },
    {
      source: 'n3',
      why: 'an action below the condition: nothing above it (a cycle), nor the trigger',
      expected: ['n4', 'n5'],
    },
    { source: 'n9', why: 'a step that is not there', expected: [] },
  ])('$source — $why', ({ source, expected }) => {
    expect(list(source)).toEqual(expected);
  });

  it('orders the targets as the canvas reads: top to bottom, then left to right', () => {
    const moved = toEditorDoc({
      ...graph,
      nodes: graph.nodes.map((node) => (node.id === 'n5' ? { ...node, position: at(300, -300) } : node)),
    });
    expect(connectTargets({ doc: moved, source: 'n1' }).map((target) => target.target)).toEqual([
      'n5',
      'n3',
      'n4',
    ]);
  });

  it('rejoins a flow after its middle step is deleted, each choice one undoable step', () => {
    const store = createEditorStore(doc);
    store.getState().removeElements({ nodeIds: ['n2'], edgeIds: [] });
    expect(connectTargets({ doc: store.getState(), source: 'n1' })).toContainEqual({
      target: 'n3',
      handle: null,
    });
    expect(
      store.getState().connect({ source: 'n1', target: 'n3', sourceHandle: null, targetHandle: null }),
    ).toBe(true);
    expect(store.getState().edges.map((edge) => `${edge.source}>${edge.target}`)).toEqual(['n1>n3']);
    // Joined now: the list no longer offers it.
    expect(connectTargets({ doc: store.getState(), source: 'n1' }).map((target) => target.target)).toEqual([
      'n4',
      'n5',
    ]);

    store.getState().undo();
    expect(store.getState().edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().nodes.map((node) => node.id)).toContain('n2');
    expect(store.getState().edges).toHaveLength(2);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().edges.map((edge) => `${edge.source}>${edge.target}`)).toEqual(['n1>n3']);
  });
});
