import type { EditHistory } from './edit-history.ts';
import type { EditorSlice } from './editor-store.ts';
import type { EditorDoc } from './editor-types.ts';

/** The document as a whole: replaced, loaded afresh, undone and redone. */
export interface HistorySlice {
  /** Replaces the whole graph as one undoable step (an import). */
  replaceDoc(doc: EditorDoc): void;
  /** Loads a graph afresh: no undo history before it. */
  reset(doc: EditorDoc): void;
  undo(): void;
  redo(): void;
}

export const createHistorySlice =
  (history: EditHistory): EditorSlice<HistorySlice> =>
  (set) => ({
    replaceDoc(doc) {
      history.commit(doc);
    },
    reset(doc) {
      set(doc);
      history.clear();
    },
    undo() {
      history.undo();
    },
    redo() {
      history.redo();
    },
  });
