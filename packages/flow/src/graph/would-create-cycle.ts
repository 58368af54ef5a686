import type { EdgeLike } from './flow-graph.ts';
import { reachableFrom } from './reachable-from.ts';

/**
 * Whether adding `connection` would close a loop: true when the target already leads back to
 * the source. Meant for the canvas's `isValidConnection`, so it runs on every drag move.
 */
export function wouldCreateCycle(args: {
  edges: readonly EdgeLike[];
  connection: { source: string; target: string };
}): boolean {
  const { source, target } = args.connection;
  if (source === target) return true;
  return reachableFrom({ edges: args.edges, start: target }).has(source);
}
