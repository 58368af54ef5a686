import { type TemporalState, temporal } from 'zundo';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { type CanvasSlice, createCanvasSlice } from './canvas-slice.ts';
import { type ClipboardSlice, createClipboardSlice } from './clipboard-slice.ts';
import { createEditHistory } from './edit-history.ts';
import type { EditorDoc } from './editor-types.ts';
import { createGraphEditSlice, type GraphEditSlice } from './graph-edit-slice.ts';
import { createHistorySlice, type HistorySlice } from './history-slice.ts';

export type EditorState = EditorDoc & CanvasSlice & GraphEditSlice & ClipboardSlice & HistorySlice;

/** One slice of the editor store (zustand's slices pattern), inside zundo's `temporal`. */
export type EditorSlice<T> = StateCreator<EditorState, [['temporal', unknown]], [], T>;

/**
 * The editor's document with undo/redo (zundo), made of slices that share one `EditHistory`:
 * the canvas (selection, moves, drags), building the graph, the clipboard, and the history itself.
 */
export function createEditorStore(initial: EditorDoc = { nodes: [], edges: [] }) {
  // Attached once the store exists; actions only run after that.
  let tracking: StoreApi<TemporalState<EditorDoc>> | undefined;

  const store = createStore<EditorState>()(
    temporal(
      (set, get, api) => {
        const history = createEditHistory({
          set: (next) => set(next),
          get,
          tracking: () => {
            if (!tracking) throw new Error('The editor store is still being created');
            return tracking.getState();
          },
        });
        return {
          ...initial,
          ...createCanvasSlice(history)(set, get, api),
          ...createGraphEditSlice(history)(set, get, api),
          ...createClipboardSlice(history)(set, get, api),
          ...createHistorySlice(history)(set, get, api),
        };
      },
      { partialize: (state): EditorDoc => ({ nodes: state.nodes, edges: state.edges }), limit: 200 },
    ),
  );
  tracking = store.temporal;
  store.temporal.getState().pause();
  return store;
}

export type EditorStore = ReturnType<typeof createEditorStore>;
