import type { FlowGraph, FlowNode } from '../graph/flow-graph.ts';
import { nodeDefinition } from './catalog.ts';
import type { AnyNodeDefinition } from './node-definition.ts';

/** Where the declarations come from: the catalogue, or a test's own. */
type Declarations = (type: string) => AnyNodeDefinition | undefined;

/**
 * A saved node with its config brought to its declaration's current version, one migration at a
 * time from the version it was saved at (no `version`: 1). A node already current, of a version
 * newer than this code knows, or of an unknown type is returned as it is: validation reports it.
 * A migrated node records the version it now has, so it is never migrated twice.
 */
export function migrateNode(node: FlowNode, declarations: Declarations = nodeDefinition): FlowNode {
  const definition = declarations(node.type);
  if (!definition) return node;
  let version = node.version ?? 1;
  if (version >= definition.version) return node;
  let config = node.config;
  while (version < definition.version) {
    const migration = definition.migrations?.[version];
    if (!migration) break;
    config = migration(config);
    version += 1;
  }
  return { ...node, config, version };
}

/**
 * A saved graph as today's declarations read it: every node migrated (`migrateNode`). The
 * server, the engine and the editor call this wherever they read a graph saved earlier, so
 * a declaration may change its config's shape without a database migration.
 */
export function migrateGraph(graph: FlowGraph, declarations: Declarations = nodeDefinition): FlowGraph {
  const nodes = graph.nodes.map((node) => migrateNode(node, declarations));
  return nodes.every((node, index) => node === graph.nodes[index]) ? graph : { ...graph, nodes };
}

/** The `version` a node of this type is saved with: only past 1, so graphs of today stay as they were. */
export function savedVersion(type: string): { version?: number } {
  const version = nodeDefinition(type)?.version ?? 1;
  return version > 1 ? { version } : {};
}
