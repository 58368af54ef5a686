import { FlowGraph } from '../graph/flow-graph.ts';
import { text } from '../messages/catalogue.ts';
import type { Text } from '../messages/locale.ts';
import type { ModuleCatalog, ModuleKey } from '../metadata/field-meta.ts';
import { nodeDefinition } from '../nodes/catalog.ts';
import type { WorkflowKind } from '../nodes/node-definition.ts';
import { checkNodes } from './check-nodes.ts';
import { checkStructure, flowError, stepError } from './check-structure.ts';
import { stepName } from './node-title.ts';
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
 * The one check a graph passes before it is saved: its shape, then each node against its type
 * and the module's fields. Every error belongs to a node or an edge, for the canvas to mark, and
 * is a sentence in Vietnamese and English naming the step by its name and the setting by its
 * label, for the API to return in the reader's language.
 */
export function validateGraph(args: ValidateGraphArgs): ValidationResult {
  const parsed = parseWithIssues(FlowGraph, args.graph);
  if (!parsed.ok) {
    const errors = parsed.issues.map((issue): ValidationError => {
      const node = nodeAt(args.graph, issue.path);
      const path = issue.path.join('.');
      if (!node) return { ...flowError('graph_invalid', text('validation.graph_unreadable')), path };
      const problem = text('validation.step_unreadable');
      return stepError({ nodeId: node.id, step: rawStepName(node), code: 'graph_invalid', problem, path });
    });
    return { ok: false, errors };
  }
  const graph = parsed.data;
  const module = args.catalog[args.module];
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const titleOf = (nodeId: string): Text => {
    const node = byId.get(nodeId);
    return node ? stepName({ node, definition: nodeDefinition(node.type) }) : text('word.missing_step');
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

/** The node a shape error sits in, when the raw input has one with an id there. */
function nodeAt(graph: unknown, path: (string | number)[]): { id: string; raw: object } | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  if (typeof graph !== 'object' || graph === null || !('nodes' in graph) || !Array.isArray(graph.nodes))
    return undefined;
  const node: unknown = graph.nodes[path[1]];
  if (typeof node !== 'object' || node === null || !('id' in node)) return undefined;
  return typeof node.id === 'string' ? { id: node.id, raw: node } : undefined;
}

/** A damaged node's name, as far as it can be read. */
function rawStepName(node: { raw: object }): Text {
  const type = 'type' in node.raw && typeof node.raw.type === 'string' ? node.raw.type : '';
  const config =
    'config' in node.raw && typeof node.raw.config === 'object' && node.raw.config !== null
      ? node.raw.config
      : {};
  return stepName({ node: { type, config: { ...config } }, definition: nodeDefinition(type) });
}
