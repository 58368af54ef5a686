import { type NodeHandle, Position } from '@xyflow/react';
import type { EditorNode } from '../store/editor-types.ts';
import { defaultNodeSize } from '../store/placement.ts';

/** The handles' box, as the stylesheet draws them (`.flow-step__handle`). */
const handleSize = 11;
/** Heights a node takes before it is measured: one line of summary, a condition's branch labels. */
const estimatedHeight = { trigger: 76, condition: 100, action: 94 } as const;

function handlesOf(node: EditorNode, width: number, height: number): NodeHandle[] {
  const at = (x: number, y: number) => ({
    x: x - handleSize / 2,
    y: y - handleSize / 2,
    width: handleSize,
    height: handleSize,
  });
  const target: NodeHandle[] =
    node.type === 'trigger'
      ? []
      : [{ id: null, type: 'target', position: Position.Top, ...at(width / 2, 0) }];
  const sources: NodeHandle[] =
    node.type === 'condition'
      ? [
          { id: 'true', type: 'source', position: Position.Bottom, ...at(width * 0.3, height) },
          { id: 'false', type: 'source', position: Position.Bottom, ...at(width * 0.7, height) },
        ]
      : [{ id: null, type: 'source', position: Position.Bottom, ...at(width / 2, height) }];
  return [...target, ...sources];
}

const prepared = new WeakMap<EditorNode, EditorNode>();

/**
 * A node as handed to React Flow: with its size and where its handles are, so React Flow can
 * place it and its edges without drawing it first. Without them it draws every node once to
 * measure it, even the hundreds out of view; with them only the nodes in view are drawn, and
 * each is measured when it comes into view. Cached per node object, so an unchanged node is the
 * same object for React Flow and is not re-read.
 */
export function flowNode(node: EditorNode): EditorNode {
  const known = prepared.get(node);
  if (known) return known;
  const width = node.measured?.width ?? defaultNodeSize.width;
  const height = node.measured?.height ?? estimatedHeight[node.type ?? 'action'];
  const ready = {
    ...node,
    initialWidth: width,
    initialHeight: height,
    handles: handlesOf(node, width, height),
  };
  prepared.set(node, ready);
  return ready;
}
