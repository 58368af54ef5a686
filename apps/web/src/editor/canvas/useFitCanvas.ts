import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStore } from '../EditorProvider.tsx';
import { fittedViewport } from './initial-viewport.ts';

/** Fits the view to some nodes (all when none are named), drawn or not; see `fittedViewport`. */
export function useFitCanvas(): (options?: { nodeIds?: readonly string[]; maxZoom?: number }) => void {
  const store = useEditorStore();
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  return useCallback(
    (options = {}) => {
      const { width, height } = flow.getState();
      const all = store.getState().nodes;
      const nodes = options.nodeIds ? all.filter((node) => options.nodeIds?.includes(node.id)) : all;
      if (nodes.length === 0) return;
      void setViewport(
        fittedViewport({ nodes, width, height, ...(options.maxZoom ? { maxZoom: options.maxZoom } : {}) }),
        {
          duration: 250,
        },
      );
    },
    [store, flow, setViewport],
  );
}
