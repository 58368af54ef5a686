import { type RefObject, useEffect } from 'react';
import type { EditorStore } from '../store/editor-store.ts';

/** Typing in a form keeps its own undo and clipboard: the editor's shortcuts leave it alone. */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export type ShortcutAction = 'undo' | 'redo' | 'copy' | 'paste';

/** Which editor action a key press asks for: Ctrl/⌘ + Z, Y, Shift+Z, C, V. */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): ShortcutAction | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  if (key === 'c' && !event.shiftKey) return 'copy';
  if (key === 'v' && !event.shiftKey) return 'paste';
  return null;
}

/**
 * Undo/redo and copy/paste of nodes, in the editor's area (or with nothing focused). Outside text fields only; in a
 * read-only editor, only copying is allowed.
 */
export function useEditorShortcuts(args: {
  root: RefObject<HTMLElement | null>;
  store: EditorStore;
  readOnly: boolean;
}) {
  const { root, store, readOnly } = args;
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // A deleted node takes the focus with it, to the page's body: the editor still owns the keys.
      const inEditor =
        event.target instanceof Node && (element.contains(event.target) || event.target === document.body);
      if (!inEditor || isTextTarget(event.target)) return;
      const action = shortcutOf(event);
      if (!action || (readOnly && action !== 'copy')) return;
      const state = store.getState();
      const run: Record<ShortcutAction, () => boolean> = {
        undo: () => {
          state.undo();
          return true;
        },
        redo: () => {
          state.redo();
          return true;
        },
        copy: state.copy,
        paste: state.paste,
      };
      if (run[action]()) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [root, store, readOnly]);
}
