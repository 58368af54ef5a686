import type { EdgeLike, NodeLike } from './flow-graph.ts';

/**
 * Node ids so that every edge goes forwards, or `null` when the graph has a cycle. Ties keep
 * the order of `nodes`, so the same graph always runs its steps in the same order. Edges to
 * unknown nodes are ignored: the validator reports them separately.
 */
export function topologicalOrder(graph: {
  nodes: readonly NodeLike[];
  edges: readonly EdgeLike[];
}): string[] | null {
  const ids = graph.nodes.map((node) => node.id);
  const known = new Set(ids);
  const indegree = new Map(ids.map((id) => [id, 0]));
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of graph.edges) {
    if (!known.has(edge.source) || !known.has(edge.target)) continue;
    next.get(edge.source)?.push(edge.target);
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
  }
  const order: string[] = [];
  const position = new Map(ids.map((id, index) => [id, index]));
  const ready = ids.filter((id) => indegree.get(id) === 0);
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift();
    if (id === undefined) break;
    order.push(id);
    for (const target of next.get(id) ?? []) {
      const remaining = (indegree.get(target) ?? 0) - 1;
      indegree.set(target, remaining);
      if (remaining === 0) ready.push(target);
    }
  }
  return order.length === ids.length ? order : null;
}
