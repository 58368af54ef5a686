import type { NodeCategory } from '@crmflow/flow';
import type { Edge, Node } from '@xyflow/react';

/** What a canvas node carries: the flow node's type (`send_email`) and its config as stored. */
export type StepData = {
  nodeType: string;
  config: Record<string, unknown>;
};

/**
 * A node on the canvas. Its React Flow `type` is the category, which decides the handles:
 * a trigger has no input, a condition has the two outputs `true` / `false`.
 */
export type EditorNode = Node<StepData, NodeCategory>;

export type EditorEdge = Edge<Record<string, never>, 'flow'>;

/** The part of the editor's state that undo and redo travel through. */
export interface EditorDoc {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

/** Where a new node goes on the canvas, and what it is. */
export interface NodeDraft {
  nodeType: string;
  config: Record<string, unknown>;
  position: { x: number; y: number };
}

/** The output of a node a new node is appended to: `null` for the single output of a non-condition. */
export type SourceHandle = 'true' | 'false' | null;
