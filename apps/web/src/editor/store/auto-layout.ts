import dagre from '@dagrejs/dagre';
import type { EditorDoc } from './editor-types.ts';
import { sizeOf } from './placement.ts';

/**
 * Top-to-bottom positions for every node (dagre), from the sizes React Flow measured. A
 * condition's `Đúng` child is placed before its `Sai` child, so branches read left to right.
 */
export function layoutPositions(doc: EditorDoc): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 50, ranksep: 70, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) graph.setNode(node.id, sizeOf(node));
  for (const edge of doc.edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph, { constraints: branchOrder(doc) });

  const positions = new Map<string, { x: number; y: number }>();
  for (const node of doc.nodes) {
    const placed = graph.node(node.id);
    if (!placed) continue;
    const { width, height } = sizeOf(node);
    // dagre gives centres; React Flow positions are top-left corners.
    positions.set(node.id, { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) });
  }
  return positions;
}

/** Keeps each condition's first `true` child left of its first `false` child. */
function branchOrder(doc: EditorDoc): { left: string; right: string }[] {
  return doc.nodes.flatMap((node) => {
    if (node.type !== 'condition') return [];
    const first = (handle: string) =>
      doc.edges.find((edge) => edge.source === node.id && edge.sourceHandle === handle)?.target;
    const left = first('true');
    const right = first('false');
    return left && right && left !== right ? [{ left, right }] : [];
  });
}
