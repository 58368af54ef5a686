import { afterEach, describe, expect, it, vi } from 'vitest';
import { history, storeWith } from './store-fixture.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('editor store: the canvas by hand', () => {
  it('records no step for selection or measuring', () => {
    const store = storeWith();
    store.getState().applyNodeChanges([{ type: 'select', id: 'n3', selected: true }]);
    store
      .getState()
      .applyNodeChanges([
        { type: 'dimensions', id: 'n3', dimensions: { width: 280, height: 90 }, setAttributes: true },
      ]);
    store.getState().applyEdgeChanges([{ type: 'select', id: 'e1', selected: true }]);
    expect(store.getState().nodes.find((node) => node.id === 'n3')?.selected).toBe(true);
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('records a drag as one step back to where it started, whatever the frames in between', () => {
    const store = storeWith();
    store.getState().beginDrag();
    for (const y of [160, 180, 220]) {
      store
        .getState()
        .applyNodeChanges([{ type: 'position', id: 'n3', position: { x: 10, y }, dragging: true }]);
    }
    store
      .getState()
      .applyNodeChanges([{ type: 'position', id: 'n3', position: { x: 10, y: 240 }, dragging: false }]);
    store.getState().endDrag();
    expect(history(store).pastStates).toHaveLength(1);
    expect(store.getState().nodes.find((node) => node.id === 'n3')?.position).toEqual({ x: 10, y: 240 });

    store.getState().undo();
    expect(store.getState().nodes.find((node) => node.id === 'n3')?.position).toEqual({ x: 0, y: 300 });
  });

  it('records nothing for a click that moved no node', () => {
    const store = storeWith();
    store.getState().beginDrag();
    store.getState().endDrag();
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('records moves by the arrow keys outside a drag, merging those within a second', () => {
    vi.useFakeTimers();
    const store = storeWith();
    const nudge = (x: number) =>
      store
        .getState()
        .applyNodeChanges([{ type: 'position', id: 'n3', position: { x, y: 300 }, dragging: false }]);
    nudge(5);
    vi.advanceTimersByTime(100);
    nudge(10);
    vi.advanceTimersByTime(2000);
    nudge(15);
    expect(history(store).pastStates).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().nodes.find((node) => node.id === 'n3')?.position).toEqual({ x: 10, y: 300 });
  });

  it('lays out in one step (auto layout)', () => {
    const store = storeWith();
    store.getState().setPositions(
      new Map([
        ['n3', { x: 0, y: 600 }],
        ['n4', { x: 300, y: 600 }],
      ]),
    );
    expect(history(store).pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().nodes.find((node) => node.id === 'n4')?.position).toEqual({ x: 300, y: 300 });
  });
});
