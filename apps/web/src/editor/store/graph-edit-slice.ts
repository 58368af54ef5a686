import type { Connection } from '@xyflow/react';
import { connectionRefusal } from './connection-rules.ts';
import type { EditHistory } from './edit-history.ts';
import type { EditorSlice } from './editor-store.ts';
import type { EditorEdge, EditorNode, NodeDraft, SourceHandle } from './editor-types.ts';
import { categoryOf, nextId, toEditorNode } from './graph-convert.ts';
import { appendPosition, shiftDownstream } from './placement.ts';

/** Building the flow: nodes dropped, appended, inserted, connected, configured and removed. */
export interface GraphEditSlice {
  connect(connection: Connection): boolean;
  /** Drops a node; `null` when refused (a second trigger). */
  addNode(draft: NodeDraft): string | null;
  /** A node after `sourceId`, joined from its output (`handle` for a condition's branch). */
  appendNode(args: {
    sourceId: string;
    handle: SourceHandle;
    draft: Omit<NodeDraft, 'position'>;
  }): string | null;
  /** A node in the middle of an edge: source → new → target. */
  insertNode(args: { edgeId: string; draft: Omit<NodeDraft, 'position'> }): string | null;
  updateConfig(args: { nodeId: string; config: Record<string, unknown> }): void;
  removeElements(args: { nodeIds: readonly string[]; edgeIds: readonly string[] }): void;
}

/** The handle an edge or a connection leaves from, as the document stores it. */
const branchOf = (handle: string | null | undefined): SourceHandle =>
  handle === 'true' || handle === 'false' ? handle : null;

const deselect = <T extends { selected?: boolean }>(items: readonly T[]) =>
  items.map((item) => (item.selected ? { ...item, selected: false } : item));

/** A new node, selected, under the first id no node has. */
const newNode = (draft: NodeDraft, taken: readonly EditorNode[]): EditorNode => ({
  ...toEditorNode({
    id: nextId(
      'n',
      taken.map((node) => node.id),
    ),
    type: draft.nodeType,
    position: draft.position,
    config: draft.config,
  }),
  selected: true,
});

const newEdge = (args: {
  source: string;
  target: string;
  handle: SourceHandle;
  taken: readonly EditorEdge[];
}): EditorEdge => ({
  id: nextId(
    'e',
    args.taken.map((edge) => edge.id),
  ),
  type: 'flow',
  source: args.source,
  target: args.target,
  sourceHandle: args.handle,
});

export const createGraphEditSlice =
  (history: EditHistory): EditorSlice<GraphEditSlice> =>
  (_set, get) => {
    /** A flow has one trigger: a second is refused wherever it would come from. */
    const refuses = (draft: { nodeType: string }) =>
      categoryOf(draft.nodeType) === 'trigger' && get().nodes.some((node) => node.type === 'trigger');

    return {
      connect(connection) {
        const { nodes, edges } = get();
        if (connectionRefusal({ doc: { nodes, edges }, connection })) return false;
        const edge = newEdge({
          source: connection.source,
          target: connection.target,
          handle: branchOf(connection.sourceHandle),
          taken: edges,
        });
        history.commit({ edges: [...edges, edge] });
        return true;
      },

      addNode(draft) {
        if (refuses(draft)) return null;
        const { nodes } = get();
        const node = newNode(draft, nodes);
        history.commit({ nodes: [...deselect(nodes), node] });
        return node.id;
      },

      appendNode({ sourceId, handle, draft }) {
        const { nodes, edges } = get();
        const source = nodes.find((node) => node.id === sourceId);
        if (!source || refuses(draft)) return null;
        const position = appendPosition({ doc: { nodes, edges }, source, handle });
        const node = newNode({ ...draft, position }, nodes);
        const edge = newEdge({ source: sourceId, target: node.id, handle, taken: edges });
        history.commit({ nodes: [...deselect(nodes), node], edges: [...edges, edge] });
        return node.id;
      },

      insertNode({ edgeId, draft }) {
        const { nodes, edges } = get();
        const edge = edges.find((candidate) => candidate.id === edgeId);
        const source = nodes.find((node) => node.id === edge?.source);
        const target = nodes.find((node) => node.id === edge?.target);
        if (!edge || !source || !target || categoryOf(draft.nodeType) === 'trigger') return null;
        const position = { x: target.position.x, y: target.position.y };
        const node = newNode({ ...draft, position }, nodes);
        const moved = shiftDownstream({ doc: { nodes, edges }, from: target.id });
        const rest = edges.filter((candidate) => candidate.id !== edgeId);
        const first = newEdge({
          source: source.id,
          target: node.id,
          handle: branchOf(edge.sourceHandle),
          taken: rest,
        });
        const second = newEdge({
          source: node.id,
          target: target.id,
          handle: node.type === 'condition' ? 'true' : null,
          taken: [...rest, first],
        });
        history.commit({ nodes: [...deselect(moved), node], edges: [...rest, first, second] });
        return node.id;
      },

      updateConfig({ nodeId, config }) {
        const nodes = get().nodes.map((node) =>
          node.id === nodeId ? { ...node, data: { ...node.data, config } } : node,
        );
        history.commit({ nodes }, `config:${nodeId}`);
      },

      removeElements({ nodeIds, edgeIds }) {
        const { nodes, edges } = get();
        const removable = new Set(
          nodes.filter((node) => nodeIds.includes(node.id) && node.type !== 'trigger').map((node) => node.id),
        );
        const kept = edges.filter(
          (edge) => !edgeIds.includes(edge.id) && !removable.has(edge.source) && !removable.has(edge.target),
        );
        if (removable.size === 0 && kept.length === edges.length) return;
        history.commit({ nodes: nodes.filter((node) => !removable.has(node.id)), edges: kept });
      },
    };
  };
