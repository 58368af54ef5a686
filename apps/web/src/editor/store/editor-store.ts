import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { type TemporalState, temporal } from 'zundo';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Clipboard, copySelection, pasteClipboard } from './clipboard.ts';
import { connectionRefusal } from './connection-rules.ts';
import type { EditorDoc, EditorEdge, EditorNode, NodeDraft, SourceHandle } from './editor-types.ts';
import { categoryOf, nextId, toEditorNode } from './graph-convert.ts';
import { appendPosition, shiftDownstream } from './placement.ts';

export interface EditorState extends EditorDoc {
  clipboard: Clipboard | null;
  /** React Flow's own changes: selection, sizes and moves. Removals go through `removeElements`. */
  applyNodeChanges(changes: NodeChange<EditorNode>[]): void;
  applyEdgeChanges(changes: EdgeChange<EditorEdge>[]): void;
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
  beginDrag(): void;
  endDrag(): void;
  setPositions(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  selectOnly(nodeIds: readonly string[]): void;
  copy(): boolean;
  paste(): boolean;
  /** Replaces the whole graph as one undoable step (an import). */
  replaceDoc(doc: EditorDoc): void;
  /** Loads a graph afresh: no undo history before it. */
  reset(doc: EditorDoc): void;
  undo(): void;
  redo(): void;
}

/** Edits typed into one node within this long are one undo step, not one per keystroke. */
const coalesceMs = 1000;

/**
 * The editor's document with undo/redo (zundo). History is recorded only on discrete events —
 * an edit, a connection, a deletion, the end of a drag, a config change — never on selection,
 * measuring or the frames of a drag: everything else updates the state silently.
 */
export function createEditorStore(initial: EditorDoc = { nodes: [], edges: [] }) {
  let dragOrigin: EditorDoc | null = null;
  // Attached once the store exists; actions only run after that.
  let history: StoreApi<TemporalState<EditorDoc>> | undefined;
  const historyOf = () => {
    if (!history) throw new Error('The editor store is still being created');
    return history.getState();
  };
  let lastCommit: { key: string; at: number } | null = null;

  const store = createStore<EditorState>()(
    temporal(
      (set, get) => {
        const docOf = (state: EditorState): EditorDoc => ({ nodes: state.nodes, edges: state.edges });
        const tracked = (next: Partial<EditorDoc>) => {
          const tracking = historyOf();
          tracking.resume();
          set(next);
          tracking.pause();
        };
        const commit = (next: Partial<EditorDoc>, key?: string) => {
          const now = Date.now();
          const coalesce = key !== undefined && lastCommit?.key === key && now - lastCommit.at < coalesceMs;
          if (coalesce) set(next);
          else tracked(next);
          lastCommit = key === undefined ? null : { key, at: now };
        };
        /** Records `before` as the step to undo to, when the state has already moved on from it. */
        const recordSince = (before: EditorDoc) => {
          const after = docOf(get());
          set(before);
          commit(after);
        };
        const hasTrigger = () => get().nodes.some((node) => node.type === 'trigger');
        const refuses = (draft: { nodeType: string }) =>
          categoryOf(draft.nodeType) === 'trigger' && hasTrigger();
        const deselected = () =>
          get().nodes.map((node) => (node.selected ? { ...node, selected: false } : node));
        const newNode = (draft: NodeDraft): EditorNode => ({
          ...toEditorNode({
            id: nextId(
              'n',
              get().nodes.map((node) => node.id),
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
          taken: EditorEdge[];
        }) => ({
          id: nextId(
            'e',
            args.taken.map((edge) => edge.id),
          ),
          type: 'flow' as const,
          source: args.source,
          target: args.target,
          sourceHandle: args.handle,
        });

        return {
          ...initial,
          clipboard: null,

          applyNodeChanges(changes) {
            const kept = changes.filter((change) => change.type !== 'remove');
            if (kept.length === 0) return;
            const keyboardMove =
              dragOrigin === null &&
              kept.some((change) => change.type === 'position' && change.dragging === false);
            const nodes = applyNodeChanges(kept, get().nodes);
            if (keyboardMove) commit({ nodes }, 'keyboard-move');
            else set({ nodes });
          },

          applyEdgeChanges(changes) {
            const kept = changes.filter((change) => change.type === 'select');
            if (kept.length > 0) set({ edges: applyEdgeChanges(kept, get().edges) });
          },

          connect(connection) {
            const state = get();
            if (connectionRefusal({ doc: docOf(state), connection })) return false;
            const handle =
              connection.sourceHandle === 'true' || connection.sourceHandle === 'false'
                ? connection.sourceHandle
                : null;
            const edge = newEdge({
              source: connection.source,
              target: connection.target,
              handle,
              taken: state.edges,
            });
            commit({ edges: [...state.edges, edge] });
            return true;
          },

          addNode(draft) {
            if (refuses(draft)) return null;
            const node = newNode(draft);
            commit({ nodes: [...deselected(), node] });
            return node.id;
          },

          appendNode({ sourceId, handle, draft }) {
            const state = get();
            const source = state.nodes.find((node) => node.id === sourceId);
            if (!source || refuses(draft)) return null;
            const position = appendPosition({ doc: docOf(state), source, handle });
            const node = newNode({ ...draft, position });
            const edge = newEdge({ source: sourceId, target: node.id, handle, taken: state.edges });
            commit({ nodes: [...deselected(), node], edges: [...state.edges, edge] });
            return node.id;
          },

          insertNode({ edgeId, draft }) {
            const state = get();
            const edge = state.edges.find((candidate) => candidate.id === edgeId);
            const source = state.nodes.find((node) => node.id === edge?.source);
            const target = state.nodes.find((node) => node.id === edge?.target);
            if (!edge || !source || !target || categoryOf(draft.nodeType) === 'trigger') return null;
            const position = { x: target.position.x, y: target.position.y };
            const node = newNode({ ...draft, position });
            const moved = shiftDownstream({ doc: docOf(state), from: target.id });
            const handle: SourceHandle =
              edge.sourceHandle === 'true' || edge.sourceHandle === 'false' ? edge.sourceHandle : null;
            const rest = state.edges.filter((candidate) => candidate.id !== edgeId);
            const first = newEdge({ source: source.id, target: node.id, handle, taken: rest });
            const second = newEdge({
              source: node.id,
              target: target.id,
              handle: node.type === 'condition' ? 'true' : null,
              taken: [...rest, first],
            });
            const nodes = moved.map((candidate) =>
              candidate.selected ? { ...candidate, selected: false } : candidate,
            );
            commit({ nodes: [...nodes, node], edges: [...rest, first, second] });
            return node.id;
          },

          updateConfig({ nodeId, config }) {
            const nodes = get().nodes.map((node) =>
              node.id === nodeId ? { ...node, data: { ...node.data, config } } : node,
            );
            commit({ nodes }, `config:${nodeId}`);
          },

          removeElements({ nodeIds, edgeIds }) {
            const state = get();
            const removable = new Set(
              state.nodes
                .filter((node) => nodeIds.includes(node.id) && node.type !== 'trigger')
                .map((node) => node.id),
            );
            const edges = state.edges.filter(
              (edge) =>
                !edgeIds.includes(edge.id) && !removable.has(edge.source) && !removable.has(edge.target),
            );
            if (removable.size === 0 && edges.length === state.edges.length) return;
            commit({ nodes: state.nodes.filter((node) => !removable.has(node.id)), edges });
          },

          beginDrag() {
            dragOrigin = docOf(get());
          },

          endDrag() {
            const origin = dragOrigin;
            dragOrigin = null;
            if (!origin) return;
            const before = new Map(origin.nodes.map((node) => [node.id, node.position]));
            const moved = get().nodes.some((node) => {
              const was = before.get(node.id);
              return !was || was.x !== node.position.x || was.y !== node.position.y;
            });
            if (moved) recordSince(origin);
          },

          setPositions(positions) {
            const nodes = get().nodes.map((node) => {
              const position = positions.get(node.id);
              return position ? { ...node, position } : node;
            });
            commit({ nodes });
          },

          selectOnly(nodeIds) {
            const wanted = new Set(nodeIds);
            const nodes = get().nodes.map((node) =>
              Boolean(node.selected) === wanted.has(node.id)
                ? node
                : { ...node, selected: wanted.has(node.id) },
            );
            const edges = get().edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge));
            set({ nodes, edges });
          },

          copy() {
            const clipboard = copySelection(docOf(get()));
            if (!clipboard) return false;
            set({ clipboard });
            return true;
          },

          paste() {
            const { clipboard } = get();
            if (!clipboard) return false;
            const { doc, next } = pasteClipboard({ doc: docOf(get()), clipboard });
            commit(doc);
            set({ clipboard: next });
            return true;
          },

          replaceDoc(doc) {
            commit(doc);
          },

          undo() {
            lastCommit = null;
            historyOf().undo();
          },

          redo() {
            lastCommit = null;
            historyOf().redo();
          },

          reset(doc) {
            dragOrigin = null;
            lastCommit = null;
            set(doc);
            historyOf().clear();
          },
        };
      },
      { partialize: (state): EditorDoc => ({ nodes: state.nodes, edges: state.edges }), limit: 200 },
    ),
  );
  history = store.temporal;
  store.temporal.getState().pause();
  return store;
}

export type EditorStore = ReturnType<typeof createEditorStore>;
