import { z } from 'zod';

/**
 * The workflow graph as stored in `workflow_versions.graph` and exchanged with other systems
 * (docs/graph-contract.md). This is a public contract: keys may be added, never change meaning.
 * `config` is checked per node type by the catalogue; see `typedFlowGraph` for the strict form.
 */
export const NodePosition = z.object({ x: z.number(), y: z.number() });
export type NodePosition = z.infer<typeof NodePosition>;

export const NodeId = z.string().min(1).max(100);

export const FlowNode = z.object({
  id: NodeId,
  type: z.string().min(1),
  position: NodePosition,
  config: z.record(z.string(), z.unknown()),
  /**
   * The version of its type's declaration the config was written for; absent means 1. Graphs
   * are migrated on read (`migrateGraph`), so this only ever grows.
   */
  version: z.number().int().min(1).optional(),
});
export type FlowNode = z.infer<typeof FlowNode>;

/** Only condition nodes branch; their out-edges say which outcome they follow. */
export const SourceHandle = z.enum(['true', 'false']);
export type SourceHandle = z.infer<typeof SourceHandle>;

export const FlowEdge = z.object({
  id: z.string().min(1).max(100),
  source: NodeId,
  target: NodeId,
  sourceHandle: SourceHandle.nullable().optional(),
});
export type FlowEdge = z.infer<typeof FlowEdge>;

export const FlowGraph = z.object({
  nodes: z.array(FlowNode),
  edges: z.array(FlowEdge),
});
export type FlowGraph = z.infer<typeof FlowGraph>;

/** The least the graph helpers need, so canvas edges and stored edges both fit. */
export interface EdgeLike {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

export interface NodeLike {
  id: string;
}
