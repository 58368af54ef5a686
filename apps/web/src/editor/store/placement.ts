import { reachableFrom } from '@crmflow/flow';
import type { EditorDoc, EditorNode, SourceHandle } from './editor-types.ts';

/** Sizes used before React Flow has measured a node (and by the layout as a fallback). */
export const defaultNodeSize = { width: 280, height: 84 };
const rowGap = 70;
const branchOffset = 170;
const siblingGap = 310;

export function sizeOf(node: EditorNode): { width: number; height: number } {
  return {
    width: node.measured?.width ?? node.width ?? defaultNodeSize.width,
    height: node.measured?.height ?? node.height ?? defaultNodeSize.height,
  };
}

/**
 * Where a node appended after `source` goes: one row below it, a condition's `Đúng` branch to
 * the left and `Sai` to the right, and beside the children the output already has.
 */
export function appendPosition(args: { doc: EditorDoc; source: EditorNode; handle: SourceHandle }): {
  x: number;
  y: number;
} {
  const { doc, source, handle } = args;
  const siblings = doc.edges.filter(
    (edge) => edge.source === source.id && (edge.sourceHandle ?? null) === handle,
  ).length;
  const branch = handle === 'true' ? -branchOffset : handle === 'false' ? branchOffset : 0;
  return {
    x: source.position.x + branch + siblings * siblingGap,
    y: source.position.y + sizeOf(source).height + rowGap,
  };
}

/** Moves `from` and everything after it down one row, to make room for a node inserted above it. */
export function shiftDownstream(args: { doc: EditorDoc; from: string }): EditorNode[] {
  const { doc, from } = args;
  const moving = reachableFrom({ edges: doc.edges, start: from });
  const shiftBy = defaultNodeSize.height + rowGap;
  return doc.nodes.map((node) =>
    moving.has(node.id) ? { ...node, position: { x: node.position.x, y: node.position.y + shiftBy } } : node,
  );
}

/**
 * The first place at or below `wanted` where a new node covers no other: a step added from the
 * palette lands in the middle of the view, and must not hide the one already there.
 */
export function freePosition(args: { doc: EditorDoc; wanted: { x: number; y: number } }): {
  x: number;
  y: number;
} {
  const { width, height } = defaultNodeSize;
  const overlaps = (y: number) =>
    args.doc.nodes.some((node) => {
      const size = sizeOf(node);
      return (
        args.wanted.x < node.position.x + size.width &&
        node.position.x < args.wanted.x + width &&
        y < node.position.y + size.height &&
        node.position.y < y + height
      );
    });
  let y = args.wanted.y;
  for (let tries = 0; tries < 100 && overlaps(y); tries += 1) y += height / 2;
  return { x: args.wanted.x, y };
}
