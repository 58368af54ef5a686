import { afterEach, describe, expect, it, vi } from 'vitest';
import { toFlowGraph } from './graph-convert.ts';
import { history, ids, storeWith } from './store-fixture.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('editor store: building', () => {
  it('brings back a deleted node together with its edges in one step, and redo removes them again', () => {
    const store = storeWith();
    store.getState().removeElements({ nodeIds: ['n2'], edgeIds: [] });
    expect(ids(store.getState().nodes)).toEqual(['n1', 'n3', 'n4']);
    expect(store.getState().edges).toEqual([]);

    store.getState().undo();
    expect(ids(store.getState().nodes)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(ids(store.getState().edges)).toEqual(['e1', 'e2', 'e3']);

    store.getState().redo();
    expect(ids(store.getState().nodes)).toEqual(['n1', 'n3', 'n4']);
    expect(store.getState().edges).toEqual([]);
  });

  it('never deletes the trigger', () => {
    const store = storeWith();
    store.getState().removeElements({ nodeIds: ['n1'], edgeIds: [] });
    expect(ids(store.getState().nodes)).toContain('n1');
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('merges config edits typed into one node in quick succession, and keeps slower ones apart', () => {
    vi.useFakeTimers();
    const store = storeWith();
    const type = (title: string) => store.getState().updateConfig({ nodeId: 'n3', config: { title } });
    type('G');
    vi.advanceTimersByTime(200);
    type('Gọ');
    vi.advanceTimersByTime(200);
    type('Gọi');
    vi.advanceTimersByTime(3000);
    type('Gọi lại');
    expect(history(store).pastStates).toHaveLength(2);

    store.getState().undo();
    expect(store.getState().nodes.find((node) => node.id === 'n3')?.data.config).toEqual({ title: 'Gọi' });
    store.getState().undo();
    expect(store.getState().nodes.find((node) => node.id === 'n3')?.data.config).toEqual({
      title: 'Gọi khách',
    });
  });

  it('refuses a second trigger', () => {
    const store = storeWith();
    const added = store.getState().addNode({ nodeType: 'trigger', config: {}, position: { x: 0, y: 0 } });
    expect(added).toBeNull();
    expect(store.getState().nodes.filter((node) => node.type === 'trigger')).toHaveLength(1);
  });

  it('drops a node with a fresh id, selected alone', () => {
    const store = storeWith();
    const id = store.getState().addNode({ nodeType: 'send_email', config: {}, position: { x: 5, y: 6 } });
    expect(id).toBe('n5');
    const selected = store.getState().nodes.filter((node) => node.selected);
    expect(selected.map((node) => node.id)).toEqual(['n5']);
    expect(selected[0]?.type).toBe('action');
  });

  it('connects handles, and refuses a loop back', () => {
    const store = storeWith();
    expect(
      store.getState().connect({ source: 'n3', target: 'n4', sourceHandle: null, targetHandle: null }),
    ).toBe(true);
    expect(
      store.getState().connect({ source: 'n4', target: 'n2', sourceHandle: null, targetHandle: null }),
    ).toBe(false);
    expect(toFlowGraph(store.getState()).edges.at(-1)).toEqual({ id: 'e4', source: 'n3', target: 'n4' });
  });

  it('appends after a condition branch with the edge on that branch', () => {
    const store = storeWith();
    const id = store
      .getState()
      .appendNode({ sourceId: 'n2', handle: 'false', draft: { nodeType: 'webhook', config: {} } });
    const edge = store.getState().edges.find((candidate) => candidate.target === id);
    expect(edge).toMatchObject({ source: 'n2', sourceHandle: 'false' });
    const node = store.getState().nodes.find((candidate) => candidate.id === id);
    expect(node?.position.y).toBeGreaterThan(150);
  });

  it('inserts a node into an edge: source → new → target, pushing what follows down', () => {
    const store = storeWith();
    const id = store.getState().insertNode({ edgeId: 'e2', draft: { nodeType: 'delay', config: {} } });
    const edges = toFlowGraph(store.getState()).edges;
    expect(edges.find((edge) => edge.id === 'e2')).toBeUndefined();
    expect(edges).toContainEqual(expect.objectContaining({ source: 'n2', sourceHandle: 'true', target: id }));
    expect(edges).toContainEqual(expect.objectContaining({ source: id, target: 'n3' }));
    expect(store.getState().nodes.find((node) => node.id === 'n3')?.position.y).toBeGreaterThan(300);
    store.getState().undo();
    expect(ids(store.getState().edges)).toEqual(['e1', 'e2', 'e3']);
  });
});
