import { useReactFlow } from '@xyflow/react';
import { useEditorScope, useEditorStore } from '../EditorProvider.tsx';
import { nodeDraft } from '../store/node-draft.ts';
import { defaultNodeSize, freePosition } from '../store/placement.ts';

/**
 * A palette item clicked (or chosen with Enter): appended after the one selected step, on a
 * condition's `Đúng` branch; with no single step selected, dropped in the middle of the view,
 * below any step already there.
 */
export function useAddFromPalette(): (nodeType: string) => void {
  const store = useEditorStore();
  const scope = useEditorScope();
  const { screenToFlowPosition } = useReactFlow();
  return (nodeType) => {
    const draft = nodeDraft({ nodeType, scope });
    const selected = store.getState().nodes.filter((node) => node.selected);
    const [only] = selected;
    if (selected.length === 1 && only && draft.nodeType !== 'trigger') {
      const handle = only.type === 'condition' ? 'true' : null;
      store.getState().appendNode({ sourceId: only.id, handle, draft });
      return;
    }
    const canvas = document.querySelector('.editor-canvas')?.getBoundingClientRect();
    const centre = canvas
      ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
      : { x: 0, y: 0 };
    // A second trigger is refused by the store; the palette shows it disabled anyway.
    const wanted = { x: centre.x - defaultNodeSize.width / 2, y: centre.y - defaultNodeSize.height / 2 };
    store.getState().addNode({ ...draft, position: freePosition({ doc: store.getState(), wanted }) });
  };
}
