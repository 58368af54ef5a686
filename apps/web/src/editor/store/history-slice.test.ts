import { afterEach, describe, expect, it, vi } from 'vitest';
import { toEditorDoc } from './graph-convert.ts';
import { graph, history, ids, storeWith } from './store-fixture.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('editor store: the document as a whole', () => {
  it('forgets the history when a graph is loaded afresh', () => {
    const store = storeWith();
    store.getState().removeElements({ nodeIds: ['n4'], edgeIds: [] });
    store.getState().reset(toEditorDoc(graph));
    expect(history(store).pastStates).toHaveLength(0);
    expect(store.getState().nodes).toHaveLength(4);
  });

  it('replaces the whole graph as one step (an import), undone in one', () => {
    const store = storeWith();
    const imported = toEditorDoc({
      nodes: [{ id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } }],
      edges: [],
    });
    store.getState().replaceDoc(imported);
    expect(ids(store.getState().nodes)).toEqual(['n1']);
    expect(history(store).pastStates).toHaveLength(1);
    store.getState().undo();
    expect(ids(store.getState().nodes)).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('starts a new step after an undo, even for an edit typed into the same node within a second', () => {
    vi.useFakeTimers();
    const store = storeWith();
    const type = (title: string) => store.getState().updateConfig({ nodeId: 'n3', config: { title } });
    type('A');
    store.getState().undo();
    vi.advanceTimersByTime(100);
    type('B');
    expect(history(store).pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().nodes.find((node) => node.id === 'n3')?.data.config).toEqual({
      title: 'Gọi khách',
    });
  });
});
