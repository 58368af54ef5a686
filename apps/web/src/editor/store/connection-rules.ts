import { wouldCreateCycle } from '@crmflow/flow';
import type { EditorDoc } from './editor-types.ts';

export interface ConnectionAttempt {
  source: string | null;
  target: string | null;
  sourceHandle?: string | null;
}

/** Why a connection is refused, or `null` when it may be drawn. Runs on every move of a drag. */
export type ConnectionRefusal =
  | 'self'
  | 'into_trigger'
  | 'cycle'
  | 'duplicate'
  | 'both_branches'
  | 'handle_required'
  | 'unknown_node';

export function connectionRefusal(args: {
  doc: EditorDoc;
  connection: ConnectionAttempt;
}): ConnectionRefusal | null {
  const { doc, connection } = args;
  const { source, target } = connection;
  if (!source || !target) return 'unknown_node';
  if (source === target) return 'self';
  const sourceNode = doc.nodes.find((node) => node.id === source);
  const targetNode = doc.nodes.find((node) => node.id === target);
  if (!sourceNode || !targetNode) return 'unknown_node';
  if (targetNode.type === 'trigger') return 'into_trigger';
  const handle = connection.sourceHandle ?? null;
  if (sourceNode.type === 'condition' && handle !== 'true' && handle !== 'false') return 'handle_required';
  const fromSource = doc.edges.filter((edge) => edge.source === source && edge.target === target);
  if (fromSource.some((edge) => (edge.sourceHandle ?? null) === handle)) return 'duplicate';
  // A node reached from both branches of one condition runs either way: the condition means nothing.
  if (fromSource.length > 0 && sourceNode.type === 'condition') return 'both_branches';
  if (wouldCreateCycle({ edges: doc.edges, connection: { source, target } })) return 'cycle';
  return null;
}
