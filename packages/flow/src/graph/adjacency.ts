import type { EdgeLike } from './flow-graph.ts';

/** Successor lists keyed by node id; shared by the traversals so each builds it once. */
export function adjacency(edges: readonly EdgeLike[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const targets = next.get(edge.source);
    if (targets) targets.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  return next;
}
