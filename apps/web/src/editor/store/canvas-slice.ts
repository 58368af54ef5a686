import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { EditHistory } from './edit-history.ts';
import type { EditorSlice } from './editor-store.ts';
import type { EditorEdge, EditorNode } from './editor-types.ts';

/** What the canvas does to the document by hand: selection, sizes, moves and drags. */
export interface CanvasSlice {
  /** React Flow's own changes: selection, sizes and moves. Removals go through `removeElements`. */
  applyNodeChanges(changes: NodeChange<EditorNode>[]): void;
  applyEdgeChanges(changes: EdgeChange<EditorEdge>[]): void;
  beginDrag(): void;
  endDrag(): void;
  setPositions(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  selectOnly(nodeIds: readonly string[]): void;
}

/** Whether any node stands elsewhere than in `origin` (or is new since). */
const movedSince = (origin: readonly EditorNode[], nodes: readonly EditorNode[]) => {
  const before = new Map(origin.map((node) => [node.id, node.position]));
  return nodes.some((node) => {
    const was = before.get(node.id);
    return !was || was.x !== node.position.x || was.y !== node.position.y;
  });
};

export const createCanvasSlice =
  (history: EditHistory): EditorSlice<CanvasSlice> =>
  (set, get) => ({
    applyNodeChanges(changes) {
      const kept = changes.filter((change) => change.type !== 'remove');
      if (kept.length === 0) return;
      // A move that ends outside a drag comes from the arrow keys: one step per node and second.
      const keyboardMove =
        !history.dragging && kept.some((change) => change.type === 'position' && change.dragging === false);
      const nodes = applyNodeChanges(kept, get().nodes);
      if (keyboardMove) history.commit({ nodes }, 'keyboard-move');
      else set({ nodes });
    },

    applyEdgeChanges(changes) {
      const kept = changes.filter((change) => change.type === 'select');
      if (kept.length > 0) set({ edges: applyEdgeChanges(kept, get().edges) });
    },

    beginDrag() {
      const { nodes, edges } = get();
      history.beginDrag({ nodes, edges });
    },

    endDrag() {
      const origin = history.endDrag();
      if (origin && movedSince(origin.nodes, get().nodes)) history.recordSince(origin);
    },

    setPositions(positions) {
      const nodes = get().nodes.map((node) => {
        const position = positions.get(node.id);
        return position ? { ...node, position } : node;
      });
      history.commit({ nodes });
    },

    selectOnly(nodeIds) {
      const wanted = new Set(nodeIds);
      const nodes = get().nodes.map((node) =>
        Boolean(node.selected) === wanted.has(node.id) ? node : { ...node, selected: wanted.has(node.id) },
      );
      const edges = get().edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge));
      set({ nodes, edges });
    },
  });
