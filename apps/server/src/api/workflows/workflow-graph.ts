import {
  FlowGraph,
  type ModuleMeta,
  migrateGraph,
  savedVersion,
  triggerNode,
  validateGraph,
  type WorkflowKind,
} from '@crmflow/flow';
import { invalidGraph } from './graph-problems.ts';
import { standardCatalog } from './module-catalog.ts';

/**
 * The graph a new workflow starts with: one trigger node holding the catalogue's defaults for
 * the module and kind (for a care process, the module's first date field).
 */
export function defaultGraph(args: { module: ModuleMeta; kind: WorkflowKind }): FlowGraph {
  const config = triggerNode.defaults(args.module, args.kind);
  return {
    nodes: [{ id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config, ...savedVersion('trigger') }],
    edges: [],
  };
}

/**
 * A graph as sent by a client, its nodes migrated to their declarations' current versions (a
 * file exported before a change). Only a graph that cannot even be read is refused (422 with the
 * validator's details); an incomplete one is kept as a draft and its problems reported.
 */
export function parseGraph(args: {
  graph: unknown;
  module: ModuleMeta['key'];
  kind: WorkflowKind;
}): FlowGraph {
  const parsed = FlowGraph.safeParse(args.graph);
  if (parsed.success) return migrateGraph(parsed.data);
  const { errors } = validateGraph({ ...args, catalog: standardCatalog() });
  throw invalidGraph(errors);
}

/** JSON with keys sorted, so two graphs that differ only in key order compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical(Reflect.get(value, key))]),
  );
}

/** Whether saving `next` over `current` changes the graph, which is what makes a new version. */
export function sameGraph(current: unknown, next: unknown): boolean {
  return JSON.stringify(canonical(current)) === JSON.stringify(canonical(next));
}

/**
 * A stored graph as today's declarations read it (`migrateGraph`): every saved version was parsed
 * before it was written, so this only fails on a bug.
 */
export function storedGraph(graph: unknown): FlowGraph {
  return migrateGraph(FlowGraph.parse(graph));
}
