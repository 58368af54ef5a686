import {
  type FlowEdge,
  type FlowGraph,
  migrateGraph,
  type NodeCategory,
  nodeDefinition,
  SourceHandle,
  savedVersion,
} from '@crmflow/flow';
import type { EditorDoc, EditorEdge, EditorNode } from './editor-types.ts';

/** The category of a node type; unknown types sit on the canvas as actions so they can be deleted. */
export function categoryOf(nodeType: string): NodeCategory {
  return nodeDefinition(nodeType)?.category ?? 'action';
}

/** The ids the node's title and summary carry, so its focusable wrapper is named by them. */
export const stepLabelIds = (id: string) => ({ title: `step-${id}-title`, summary: `step-${id}-summary` });

export function toEditorNode(node: FlowGraph['nodes'][number]): EditorNode {
  const labels = stepLabelIds(node.id);
  const category = categoryOf(node.type);
  return {
    id: node.id,
    type: category,
    position: { x: node.position.x, y: node.position.y },
    data: { nodeType: node.type, config: node.config },
    // The flow always keeps its one trigger; changing it means editing it.
    deletable: category !== 'trigger',
    domAttributes: { 'aria-labelledby': `${labels.title} ${labels.summary}` },
  };
}

export function toEditorEdge(edge: FlowEdge): EditorEdge {
  const handle = edge.sourceHandle ?? null;
  return {
    id: edge.id,
    type: 'flow',
    source: edge.source,
    target: edge.target,
    sourceHandle: handle,
  };
}

/** A saved graph on the canvas, its nodes migrated first: the forms edit today's configs only. */
export function toEditorDoc(saved: FlowGraph): EditorDoc {
  const graph = migrateGraph(saved);
  return { nodes: graph.nodes.map(toEditorNode), edges: graph.edges.map(toEditorEdge) };
}

/**
 * The stored form of what is on the canvas (docs/graph-contract.md): positions rounded, canvas-only state
 * dropped, each node marked with its declaration's version when past 1 (`savedVersion`).
 */
export function toFlowGraph(doc: EditorDoc): FlowGraph {
  return {
    nodes: doc.nodes.map((node) => ({
      id: node.id,
      type: node.data.nodeType,
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      config: node.data.config,
      ...savedVersion(node.data.nodeType),
    })),
    edges: doc.edges.map((edge) => {
      const handle = SourceHandle.safeParse(edge.sourceHandle);
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        ...(handle.success ? { sourceHandle: handle.data } : {}),
      };
    }),
  };
}

/** A fresh id with the prefix (`n`, `e`) not used yet: one above the highest number in use. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  let highest = 0;
  for (const id of taken) {
    const match = id.startsWith(prefix) ? /^\d+$/.exec(id.slice(prefix.length)) : null;
    if (match) highest = Math.max(highest, Number(match[0]));
  }
  return `${prefix}${highest + 1}`;
}

/** `count` fresh ids at once, for pasting many nodes. */
export function nextIds(args: { prefix: string; taken: Iterable<string>; count: number }): string[] {
  const first = Number(nextId(args.prefix, args.taken).slice(args.prefix.length));
  return Array.from({ length: args.count }, (_, index) => `${args.prefix}${first + index}`);
}
