import { type RefObject, useEffect } from 'react';
import type { CanvasViewStore } from '../canvas/canvas-view.ts';
import type { EditorStore } from '../store/editor-store.ts';

/** Inputs where a key types text: there the browser's own undo and clipboard apply. */
const typingInputs = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

/** Typing in a text box keeps its own undo and clipboard: the editor's shortcuts leave it alone. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && typingInputs.has(target.type);
}

export type ShortcutAction = 'undo' | 'redo' | 'copy' | 'paste' | 'connect' | 'help';

/** Which editor action a key press asks for: Ctrl/⌘ + Z, Y, Shift+Z, C, V; C alone; "?". */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): ShortcutAction | null {
  if (event.altKey) return null;
  const key = event.key.toLowerCase();
  if (!(event.ctrlKey || event.metaKey)) {
    if (key === '?') return 'help';
    if (key === 'c' && !event.shiftKey) return 'connect';
    return null;
  }
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  if (key === 'c' && !event.shiftKey) return 'copy';
  if (key === 'v' && !event.shiftKey) return 'paste';
  return null;
}

/** What a read-only editor (an active flow, a run) still allows. */
const readOnlyActions: ReadonlySet<ShortcutAction> = new Set(['copy', 'help']);

/**
 * The editor's keys wherever the focus is in the editor (the canvas, a step, the toolbar, the
 * inspector outside its text boxes) or nowhere: undo/redo, copy/paste of steps, "Nối tới…" for
 * the one selected step, and the "?" list of shortcuts.
 */
export function useEditorShortcuts(args: {
  root: RefObject<HTMLElement | null>;
  store: EditorStore;
  view: CanvasViewStore;
  readOnly: boolean;
}) {
  const { root, store, view, readOnly } = args;
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // A deleted node takes the focus with it, to the page's body: the editor still owns the keys.
      const inEditor =
        event.target instanceof Node && (element.contains(event.target) || event.target === document.body);
      if (!inEditor || event.defaultPrevented || isTextTarget(event.target)) return;
      const action = shortcutOf(event);
      if (!action || (readOnly && !readOnlyActions.has(action))) return;
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
        connect: () => {
          const selected = state.nodes.filter((node) => node.selected);
          const [only] = selected;
          if (selected.length !== 1 || !only || view.getState().connecting) return false;
          view.setState({ connecting: { sourceId: only.id }, picker: null, help: false });
          return true;
        },
        help: () => {
          view.setState({ help: !view.getState().help });
          return true;
        },
      };
      if (run[action]()) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [root, store, view, readOnly]);
}
