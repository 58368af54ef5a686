import type { TemporalState } from 'zundo';
import type { EditorDoc } from './editor-types.ts';

/** Edits typed into one node within this long are one undo step, not one per keystroke. */
export const coalesceMs = 1000;

/** The part of zundo's history an edit needs: recording is paused except around a commit. */
type Tracking = Pick<TemporalState<EditorDoc>, 'pause' | 'resume' | 'undo' | 'redo' | 'clear'>;

/**
 * When an edit becomes an undo step, shared by every slice of the editor store. History is
 * recorded only on discrete events — an edit, a connection, a deletion, the end of a drag, a
 * config change — never on selection, measuring or the frames of a drag: those go through a
 * plain `set` while zundo is paused.
 */
export interface EditHistory {
  /** Sets the document as one undo step; commits under the same `key` within `coalesceMs` merge. */
  commit(next: Partial<EditorDoc>, key?: string): void;
  /** Remembers the document a drag starts from, so its end can be one step back to it. */
  beginDrag(origin: EditorDoc): void;
  /** Ends a drag: the document it started from, or `null` when none was under way. */
  endDrag(): EditorDoc | null;
  readonly dragging: boolean;
  /** Records `before` as the step to undo to, when the state has already moved on from it. */
  recordSince(before: EditorDoc): void;
  undo(): void;
  redo(): void;
  /** Forgets every step, a drag under way and the edit being coalesced. */
  clear(): void;
}

export function createEditHistory(args: {
  set: (next: Partial<EditorDoc>) => void;
  get: () => EditorDoc;
  /** zundo's store exists only once the editor store does; actions run after that. */
  tracking: () => Tracking;
  now?: () => number;
}): EditHistory {
  const { set, get, tracking, now = Date.now } = args;
  let dragOrigin: EditorDoc | null = null;
  let lastCommit: { key: string; at: number } | null = null;

  const tracked = (next: Partial<EditorDoc>) => {
    const history = tracking();
    history.resume();
    set(next);
    history.pause();
  };

  const commit = (next: Partial<EditorDoc>, key?: string) => {
    const at = now();
    const coalesce = key !== undefined && lastCommit?.key === key && at - lastCommit.at < coalesceMs;
    if (coalesce) set(next);
    else tracked(next);
    lastCommit = key === undefined ? null : { key, at };
  };

  return {
    commit,
    beginDrag(origin) {
      dragOrigin = origin;
    },
    endDrag() {
      const origin = dragOrigin;
      dragOrigin = null;
      return origin;
    },
    get dragging() {
      return dragOrigin !== null;
    },
    recordSince(before) {
      const { nodes, edges } = get();
      set(before);
      commit({ nodes, edges });
    },
    undo() {
      lastCommit = null;
      tracking().undo();
    },
    redo() {
      lastCommit = null;
      tracking().redo();
    },
    clear() {
      dragOrigin = null;
      lastCommit = null;
      tracking().clear();
    },
  };
}
