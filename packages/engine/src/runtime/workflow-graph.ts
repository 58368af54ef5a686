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

/**
 * A node the runtime cannot run: its config does not read, or its type is unknown. The runtime
 * refuses a graph with any (activation validates graphs, so it has none); the test panel walks a
 * draft and stops with the node's error where the walk reaches it.
 */
export type NodeProblem = 'trigger_invalid' | 'condition_invalid' | 'node_type_unknown';

export type WorkflowGraph = {
  /** An event trigger, or a care process's date trigger (its runs' steps run here too). */
  trigger: { id: string; config: TriggerConfig };
  nodes: ReadonlyMap<string, RuntimeNode>;
  /** The nodes left out of `nodes`, by id: empty in a graph the runtime runs. */
  problems: ReadonlyMap<string, NodeProblem>;
  edges: readonly FlowEdge[];
  /** Position of each node (the trigger and nodes with problems too) in the topological order. */
  rank: ReadonlyMap<string, number>;
};

/** A stored graph read as far as it goes; its trigger's config is null when it does not read. */
export type GraphDraft = Omit<WorkflowGraph, 'trigger'> & {
  trigger: { id: string; config: TriggerConfig | null };
};

export type ParsedGraph = { ok: true; graph: WorkflowGraph } | { ok: false; error: string };

export type GraphReading = { ok: true; draft: GraphDraft } | { ok: false; error: string };

/**
 * Reads a stored version's graph, its nodes first migrated to their declarations' current
 * versions (`migrateGraph`). Only a graph that cannot be walked at all fails: not a graph, not
 * exactly one trigger, a cycle. A node that cannot run is kept in `problems`.
 */
export function readWorkflowGraph(raw: unknown): GraphReading {
  const parsed = FlowGraph.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'graph_invalid' };
  const { nodes: rawNodes, edges } = migrateGraph(parsed.data);
  const triggers = rawNodes.filter((node) => node.type === 'trigger');
  const [trigger] = triggers;
  if (!trigger || triggers.length > 1) return { ok: false, error: 'trigger_missing' };
  const order = topologicalOrder({ nodes: rawNodes, edges });
  if (!order) return { ok: false, error: 'cycle' };
  const nodes = new Map<string, RuntimeNode>();
  const problems = new Map<string, NodeProblem>();
  const triggerConfig = TriggerConfig.safeParse(trigger.config);
  if (!triggerConfig.success) problems.set(trigger.id, 'trigger_invalid');
  for (const node of rawNodes) {
    if (node.type === 'trigger') continue;
    if (node.type === 'condition') {
      const config = ConditionConfig.safeParse(node.config);
      if (config.success) nodes.set(node.id, { id: node.id, kind: 'condition', config: config.data });
      else problems.set(node.id, 'condition_invalid');
    } else if (isActionNodeType(node.type)) {
      nodes.set(node.id, { id: node.id, kind: 'action', type: node.type, config: node.config });
    } else {
      problems.set(node.id, 'node_type_unknown');
    }
  }
  return {
    ok: true,
    draft: {
      trigger: { id: trigger.id, config: triggerConfig.success ? triggerConfig.data : null },
      nodes,
      problems,
      edges,
      rank: new Map(order.map((id, index) => [id, index])),
    },
  };
}

/**
 * Parses a stored version's graph for execution: `readWorkflowGraph`, refusing a graph with any
 * node it cannot run. Activation validates graphs, so a failure here means a schema change that
 * came without its migration.
 */
export function parseWorkflowGraph(raw: unknown): ParsedGraph {
  const read = readWorkflowGraph(raw);
  if (!read.ok) return read;
  const { draft } = read;
  const [problem] = draft.problems;
  if (problem) {
    const [nodeId, code] = problem;
    return { ok: false, error: code === 'trigger_invalid' ? code : `${code}:${nodeId}` };
  }
  const config = draft.trigger.config;
  if (!config) return { ok: false, error: 'trigger_invalid' };
  return { ok: true, graph: { ...draft, trigger: { id: draft.trigger.id, config } } };
}

/**
 * The nodes that follow `nodeId`, in topological order. After a condition only the branch of
 * its outcome is followed; an edge out of a condition without a handle counts as `true`. A node
 * with a problem is among them: the walk stops there.
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
    .filter((id) => graph.nodes.has(id) || graph.problems.has(id))
    .sort((a, b) => (graph.rank.get(a) ?? 0) - (graph.rank.get(b) ?? 0));
}

/** The type a step row records for a node: its action type, `condition`, or `unknown`. */
export function nodeTypeOf(graph: WorkflowGraph, nodeId: string): string {
  const node = graph.nodes.get(nodeId);
  if (!node) return nodeId === graph.trigger.id ? 'trigger' : 'unknown';
  return node.kind === 'action' ? node.type : 'condition';
}
