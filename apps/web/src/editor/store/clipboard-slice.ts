import { type Clipboard, copySelection, pasteClipboard } from './clipboard.ts';
import type { EditHistory } from './edit-history.ts';
import type { EditorSlice } from './editor-store.ts';

/** Copy and paste within one editor; the clipboard is not part of the undoable document. */
export interface ClipboardSlice {
  clipboard: Clipboard | null;
  /** Copies the selection; `false` when there is nothing to copy (the trigger is never copied). */
  copy(): boolean;
  /** Pastes as one undo step; each paste lands a step further down and right. */
  paste(): boolean;
}

export const createClipboardSlice =
  (history: EditHistory): EditorSlice<ClipboardSlice> =>
  (set, get) => ({
    clipboard: null,

    copy() {
      const { nodes, edges } = get();
      const clipboard = copySelection({ nodes, edges });
      if (!clipboard) return false;
      set({ clipboard });
      return true;
    },

    paste() {
      const { nodes, edges, clipboard } = get();
      if (!clipboard) return false;
      const { doc, next } = pasteClipboard({ doc: { nodes, edges }, clipboard });
      history.commit(doc);
      set({ clipboard: next });
      return true;
    },
  });
