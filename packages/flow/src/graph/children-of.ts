import type { EdgeLike } from './flow-graph.ts';

/**
 * Direct successors of a node, in edge order, each once. With `handle`, only the branch that
 * follows that outcome of a condition.
 */
export function childrenOf(args: { edges: readonly EdgeLike[]; nodeId: string; handle?: string }): string[] {
  const { edges, nodeId, handle } = args;
  const children = edges
    .filter((edge) => edge.source === nodeId && (handle === undefined || edge.sourceHandle === handle))
    .map((edge) => edge.target);
  return [...new Set(children)];
}
