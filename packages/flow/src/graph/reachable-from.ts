import { adjacency } from './adjacency.ts';
import type { EdgeLike } from './flow-graph.ts';

/** Every node reachable from `start` along edges, `start` included. */
export function reachableFrom(args: { edges: readonly EdgeLike[]; start: string }): Set<string> {
  const next = adjacency(args.edges);
  const seen = new Set<string>([args.start]);
  const stack = [args.start];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    for (const target of next.get(current) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return seen;
}
