import { z } from 'zod';
import { FlowEdge, FlowNode } from '../graph/flow-graph.ts';
import { nodeDefinitions } from '../nodes/catalog.ts';

function typedNodeVariants() {
  const [first, ...rest] = nodeDefinitions.map((definition) =>
    FlowNode.extend({ type: z.literal(definition.type), config: definition.configSchema }).meta({
      title: definition.labelEn,
      description: `${definition.labelVi} — ${definition.descriptionEn}`,
    }),
  );
  if (!first) throw new Error('The node catalogue is empty');
  return [first, ...rest] as const;
}

/** A node whose config is checked against its type's schema: the strict form of `FlowNode`. */
export const TypedFlowNode = z.discriminatedUnion('type', typedNodeVariants());

/**
 * The graph with every node's config spelled out per type. Only shape: the rules that need
 * the module's fields (a field exists, a picklist value is allowed) are `validateGraph`'s.
 */
export const TypedFlowGraph = z.object({ nodes: z.array(TypedFlowNode), edges: z.array(FlowEdge) }).meta({
  title: 'crmflow workflow graph',
  description: 'Trigger → conditions → actions (docs/graph-contract.md).',
});

/**
 * JSON Schema (draft 2020-12) of the graph, served at `/api/schemas/graph.json` for systems that
 * import and export flows. It describes what may be sent, so keys with defaults are optional.
 */
export function graphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TypedFlowGraph, { io: 'input', target: 'draft-2020-12' });
}
