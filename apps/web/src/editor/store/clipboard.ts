import type { EditorDoc, EditorEdge, EditorNode } from './editor-types.ts';
import { nextIds, toEditorNode } from './graph-convert.ts';

/** Copied nodes and the edges between them. The trigger is never copied: a flow has one. */
export interface Clipboard {
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** How many times it has been pasted, so each paste lands a step further from the original. */
  pastes: number;
}

const pasteOffset = 40;

export function copySelection(doc: EditorDoc): Clipboard | null {
  const nodes = doc.nodes.filter((node) => node.selected && node.type !== 'trigger');
  if (nodes.length === 0) return null;
  const ids = new Set(nodes.map((node) => node.id));
  const edges = doc.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return { nodes, edges, pastes: 0 };
}

/**
 * The document with the clipboard's nodes added under new ids, moved down and right, and selected
 * alone; edges between them are copied with the new ids. Configs are copied deeply, so editing
 * the copy never touches the original.
 */
export function pasteClipboard(args: { doc: EditorDoc; clipboard: Clipboard }): {
  doc: EditorDoc;
  next: Clipboard;
} {
  const { doc, clipboard } = args;
  const offset = pasteOffset * (clipboard.pastes + 1);
  const nodeIds = nextIds({
    prefix: 'n',
    taken: doc.nodes.map((node) => node.id),
    count: clipboard.nodes.length,
  });
  const renamed = new Map(
    clipboard.nodes.map((node, index) => [node.id, nodeIds[index] ?? `${node.id}-copy`]),
  );
  const pasted = clipboard.nodes.map((node) => ({
    ...toEditorNode({
      id: renamed.get(node.id) ?? node.id,
      type: node.data.nodeType,
      position: { x: node.position.x + offset, y: node.position.y + offset },
      config: structuredClone(node.data.config),
    }),
    selected: true,
  }));
  const edgeIds = nextIds({
    prefix: 'e',
    taken: doc.edges.map((edge) => edge.id),
    count: clipboard.edges.length,
  });
  const edges = clipboard.edges.map((edge, index) => ({
    ...edge,
    id: edgeIds[index] ?? `${edge.id}-copy`,
    source: renamed.get(edge.source) ?? edge.source,
    target: renamed.get(edge.target) ?? edge.target,
    selected: false,
  }));
  const existing = doc.nodes.map((node) => (node.selected ? { ...node, selected: false } : node));
  return {
    doc: { nodes: [...existing, ...pasted], edges: [...doc.edges, ...edges] },
    next: { ...clipboard, pastes: clipboard.pastes + 1 },
  };
}
