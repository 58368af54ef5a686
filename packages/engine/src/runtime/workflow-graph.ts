import {
  type ActionNodeType,
  ConditionConfig,
  childrenOf,
  type FlowEdge,
  FlowGraph,
  isActionNodeType,
  migrateGraph,
  TriggerConfig,
  topologicalOrder,
} from '@crmflow/flow';

/**
 * A stored graph as the runtime walks it: the trigger's and conditions' configs parsed, action
 * configs kept raw (each executor parses its own with its node type's schema), nodes in a fixed
 * topological order so a run always goes the same way.
 */
export type RuntimeNode =
  | { id: string; kind: 'condition'; config: ConditionConfig }
  | { id: string; kind: 'action'; type: ActionNodeType; config: unknown };

export type WorkflowGraph = {
  /** An event trigger, or a care process's date trigger (its runs' steps run here too). */
  trigger: { id: string; config: TriggerConfig };
  nodes: ReadonlyMap<string, RuntimeNode>;
  edges: readonly FlowEdge[];
  /** Position of each node in the topological order. */
  rank: ReadonlyMap<string, number>;
};

export type ParsedGraph = { ok: true; graph: WorkflowGraph } | { ok: false; error: string };

/**
 * Parses a stored version's graph for execution, its nodes first migrated to their declarations'
 * current versions (`migrateGraph`). Activation validates graphs, so a failure here means a
 * schema change that came without its migration.
 */
export function parseWorkflowGraph(raw: unknown): ParsedGraph {
  const parsed = FlowGraph.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'graph_invalid' };
  const { nodes: rawNodes, edges } = migrateGraph(parsed.data);
  const triggers = rawNodes.filter((node) => node.type === 'trigger');
  const [trigger] = triggers;
  if (!trigger || triggers.length > 1) return { ok: false, error: 'trigger_missing' };
  const triggerConfig = TriggerConfig.safeParse(trigger.config);
  if (!triggerConfig.success) return { ok: false, error: 'trigger_invalid' };
  const order = topologicalOrder({ nodes: rawNodes, edges });
  if (!order) return { ok: false, error: 'cycle' };
  const nodes = new Map<string, RuntimeNode>();
  for (const node of rawNodes) {
    if (node.type === 'trigger') continue;
    if (node.type === 'condition') {
      const config = ConditionConfig.safeParse(node.config);
      if (!config.success) return { ok: false, error: `condition_invalid:${node.id}` };
      nodes.set(node.id, { id: node.id, kind: 'condition', config: config.data });
    } else if (isActionNodeType(node.type)) {
      nodes.set(node.id, { id: node.id, kind: 'action', type: node.type, config: node.config });
    } else {
      return { ok: false, error: `node_type_unknown:${node.id}` };
    }
  }
  return {
    ok: true,
    graph: {
      trigger: { id: trigger.id, config: triggerConfig.data },
      nodes,
      edges,
      rank: new Map(order.map((id, index) => [id, index])),
    },
  };
}

/**
 * The nodes that follow `nodeId`, in topological order. After a condition only the branch of
 * its outcome is followed; an edge out of a condition without a handle counts as `true`.
 */
export function nextNodes(args: { graph: WorkflowGraph; nodeId: string; matched?: boolean }): string[] {
  const { graph, nodeId, matched } = args;
  const edges =
    matched === undefined
      ? graph.edges
      : graph.edges.filter(
          (edge) => edge.source !== nodeId || (edge.sourceHandle ?? 'true') === (matched ? 'true' : 'false'),
        );
  return childrenOf({ edges, nodeId })
    .filter((id) => graph.nodes.has(id))
    .sort((a, b) => (graph.rank.get(a) ?? 0) - (graph.rank.get(b) ?? 0));
}

/** The type a step row records for a node: its action type, `condition`, or `unknown`. */
export function nodeTypeOf(graph: WorkflowGraph, nodeId: string): string {
  const node = graph.nodes.get(nodeId);
  if (!node) return nodeId === graph.trigger.id ? 'trigger' : 'unknown';
  return node.kind === 'action' ? node.type : 'condition';
}
