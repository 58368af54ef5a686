import { type ValidationContext, validateGraph } from '@crmflow/flow';
import { useEffect } from 'react';
import { groupErrorsByNode, mergeErrorMaps } from '../canvas/canvas-view.ts';
import { useCanvasViewStore, useEditorScope, useEditorStore } from '../EditorProvider.tsx';
import type { EditorNode } from '../store/editor-types.ts';
import { toFlowGraph } from '../store/graph-convert.ts';

const debounceMs = 250;

/** Whether two node lists differ in more than positions, sizes and selection. */
function contentChanged(before: readonly EditorNode[], after: readonly EditorNode[]): boolean {
  if (before.length !== after.length) return true;
  return after.some((node, index) => node.data !== before[index]?.data || node.id !== before[index]?.id);
}

/**
 * Runs `validateGraph` — the server's own check — a moment after each edit, with the module
 * catalogue and what the organization has, and puts the problems on the canvas. Moving or
 * selecting nodes changes nothing the validator looks at, so it does not run for that.
 */
export function useLiveValidation(context: ValidationContext): void {
  const store = useEditorStore();
  const view = useCanvasViewStore();
  const { module, catalog, kind } = useEditorScope();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const result = validateGraph({
        graph: toFlowGraph(store.getState()),
        module: module.key,
        kind,
        catalog,
        context,
      });
      const previous = view.getState().errorsByNode;
      view.setState({
        errors: result.errors,
        errorsByNode: mergeErrorMaps({ previous, next: groupErrorsByNode(result.errors) }),
      });
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(run, debounceMs);
    };
    // Not at once: the canvas draws first, and the organization's lists arriving one after
    // another (users, templates, providers) make one check, not one each.
    schedule();
    const unsubscribe = store.subscribe((state, before) => {
      if (state.edges !== before.edges || contentChanged(before.nodes, state.nodes)) schedule();
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, view, module, catalog, kind, context]);
}
