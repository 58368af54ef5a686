import { adjacency } from './adjacency.ts';
import type { EdgeLike, NodeLike } from './flow-graph.ts';

/**
 * One cycle of the graph as the node ids along it (first node not repeated), or `null`.
 * Returning the path, not a boolean, lets the canvas mark the nodes involved.
 */
export function findCycle(graph: {
  nodes: readonly NodeLike[];
  edges: readonly EdgeLike[];
}): string[] | null {
  const next = adjacency(graph.edges);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];

  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    path.push(id);
    for (const target of next.get(id) ?? []) {
      const seen = state.get(target);
      if (seen === 'open') return path.slice(path.indexOf(target));
      if (seen === undefined) {
        const cycle = visit(target);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };

  for (const node of graph.nodes) {
    if (state.has(node.id)) continue;
    const cycle = visit(node.id);
    if (cycle) return cycle;
  }
  return null;
}
