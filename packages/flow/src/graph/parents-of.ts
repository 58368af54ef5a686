import type { EdgeLike } from './flow-graph.ts';

/** Direct predecessors of a node, in edge order, each once. */
export function parentsOf(args: { edges: readonly EdgeLike[]; nodeId: string }): string[] {
  const parents = args.edges.filter((edge) => edge.target === args.nodeId).map((edge) => edge.source);
  return [...new Set(parents)];
}
