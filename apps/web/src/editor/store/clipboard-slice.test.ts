import { describe, expect, it } from 'vitest';
import { ids, storeWith } from './store-fixture.ts';

describe('editor store: copy and paste', () => {
  it('pastes copies under new ids, shifted, with the edges between them, and undoes as one step', () => {
    const store = storeWith();
    store.getState().selectOnly(['n2', 'n3']);
    expect(store.getState().copy()).toBe(true);
    store.getState().paste();
    const state = store.getState();
    const pasted = state.nodes.filter((node) => node.selected);
    expect(ids(pasted)).toEqual(['n5', 'n6']);
    expect(pasted.find((node) => node.id === 'n5')?.position).toEqual({ x: 40, y: 190 });
    expect(state.edges.at(-1)).toMatchObject({ id: 'e4', source: 'n5', sourceHandle: 'true', target: 'n6' });
    store.getState().paste();
    expect(store.getState().nodes.find((node) => node.id === 'n7')?.position).toEqual({ x: 80, y: 230 });
    store.getState().undo();
    store.getState().undo();
    expect(ids(store.getState().nodes)).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('does not copy the trigger', () => {
    const store = storeWith();
    store.getState().selectOnly(['n1']);
    expect(store.getState().copy()).toBe(false);
  });
});
