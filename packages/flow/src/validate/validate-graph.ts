import { FlowGraph } from '../graph/flow-graph.ts';
import type { ModuleCatalog, ModuleKey } from '../metadata/field-meta.ts';
import { nodeDefinition } from '../nodes/catalog.ts';
import type { WorkflowKind } from '../nodes/node-definition.ts';
import { checkNodes } from './check-nodes.ts';
import { checkStructure } from './check-structure.ts';
import { nodeTitle } from './node-title.ts';
import type { ValidationContext, ValidationError, ValidationResult } from './validation-error.ts';
import { parseWithIssues } from './zod-issues.ts';

export interface ValidateGraphArgs {
  /** Anything: the graph is parsed here, so API bodies and imports can be passed as they come. */
  graph: unknown;
  module: ModuleKey;
  kind: WorkflowKind;
  catalog: ModuleCatalog;
  context?: ValidationContext;
}

/**
 * The one check a graph passes before it is saved (DESIGN §4): its shape, then each node
 * against its type and the module's fields. Every error names the node or edge it belongs to,
 * in Vietnamese and English, so the canvas can mark it and the API can return it as a 422.
 */
export function validateGraph(args: ValidateGraphArgs): ValidationResult {
  const parsed = parseWithIssues(FlowGraph, args.graph);
  if (!parsed.ok) {
    const errors = parsed.issues.map((issue): ValidationError => {
      const nodeId = nodeIdAt(args.graph, issue.path);
      return {
        ...(nodeId ? { nodeId } : {}),
        path: issue.path.join('.'),
        code: 'graph_invalid',
        message: issue.message,
        messageEn: issue.messageEn,
      };
    });
    return { ok: false, errors };
  }
  const graph = parsed.data;
  const module = args.catalog[args.module];
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const titleOf = (nodeId: string) => {
    const node = byId.get(nodeId);
    if (!node) return { vi: nodeId, en: nodeId };
    const definition = nodeDefinition(node.type);
    return {
      vi: nodeTitle({ node, definition, locale: 'vi' }),
      en: nodeTitle({ node, definition, locale: 'en' }),
    };
  };
  const errors = [
    ...checkStructure({ graph, titleOf }),
    ...checkNodes({
      nodes: graph.nodes,
      module,
      catalog: args.catalog,
      kind: args.kind,
      context: args.context ?? {},
      titleOf,
    }),
  ];
  return { ok: errors.length === 0, errors };
}

/** The id of the node a shape error sits in, when the raw input has one there. */
function nodeIdAt(graph: unknown, path: (string | number)[]): string | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  if (typeof graph !== 'object' || graph === null || !('nodes' in graph) || !Array.isArray(graph.nodes))
    return undefined;
  const node: unknown = graph.nodes[path[1]];
  if (typeof node !== 'object' || node === null || !('id' in node)) return undefined;
  return typeof node.id === 'string' ? node.id : undefined;
}
