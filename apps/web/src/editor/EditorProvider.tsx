import type { ModuleCatalog, ModuleMeta, WorkflowKind } from '@crmflow/flow';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { type CanvasViewState, type CanvasViewStore, createCanvasView } from './canvas/canvas-view.ts';
import { createEditorStore, type EditorState, type EditorStore } from './store/editor-store.ts';
import type { EditorDoc } from './store/editor-types.ts';

/** What every part of the editor knows about the flow being edited. */
export interface EditorScope {
  module: ModuleMeta;
  catalog: ModuleCatalog;
  kind: WorkflowKind;
}

interface EditorContextValue {
  scope: EditorScope;
  store: EditorStore;
  view: CanvasViewStore;
}

const EditorContext = createContext<EditorContextValue | null>(null);

/** One editor: its undoable document, its canvas view, and the module it works on. */
export function EditorProvider({
  scope,
  initial,
  readOnly = false,
  children,
}: {
  scope: EditorScope;
  initial: EditorDoc;
  readOnly?: boolean;
  children: ReactNode;
}) {
  const [store] = useState(() => createEditorStore(initial));
  const [view] = useState(() => createCanvasView({ readOnly }));
  const { module, catalog, kind } = scope;
  // One scope object while its parts stay the same, so nodes can memoise on it.
  const value = useMemo(
    () => ({ scope: { module, catalog, kind }, store, view }),
    [module, catalog, kind, store, view],
  );
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

function useEditorContext(): EditorContextValue {
  const context = useContext(EditorContext);
  if (!context) throw new Error('Editor parts must be rendered inside <EditorProvider>');
  return context;
}

export function useEditorScope(): EditorScope {
  return useEditorContext().scope;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorContext().store, selector);
}

export function useEditorStore(): EditorStore {
  return useEditorContext().store;
}

export function useCanvasView<T>(selector: (state: CanvasViewState) => T): T {
  return useStore(useEditorContext().view, selector);
}

export function useCanvasViewStore(): CanvasViewStore {
  return useEditorContext().view;
}
