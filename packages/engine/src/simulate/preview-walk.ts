import { render } from '@crmflow/flow';
import type { ExecutionScope, PreviewResult } from '../executors/executor.ts';
import { executors } from '../executors/registry.ts';
import {
  type ConditionEvaluator,
  type ConditionOutcome,
  type ConditionWalk,
  walkConditions,
} from '../runtime/matcher/condition-walk.ts';
import type { RuntimeNode, WorkflowGraph } from '../runtime/workflow-graph.ts';

export type ActionNode = Extract<RuntimeNode, { kind: 'action' }>;

/** A preview writes and sends nothing, so it has nothing to log. */
const quietLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** An action's preview on the walk: its type, and what its executor says it would do. */
export type PreviewedAction = { nodeId: string; type: ActionNode['type'] } & PreviewResult;

export type PreviewedWalk = {
  /** Each condition reached, with its outcome. */
  conditions: ReadonlyMap<string, ConditionOutcome>;
  /** Each action reached, in the order a run takes them. */
  actions: readonly PreviewedAction[];
  /** The nodes with a problem the walk reached (a draft's): the run stops there. */
  stopped: ReadonlySet<string>;
};

/**
 * A run's way through the graph with its effects replaced by previews, the runtime's own walk:
 * from the first actions the trigger's walk reached (`matchTrigger`), each action is previewed in
 * topological order, and the run goes on past the ones that would run through the conditions
 * after them (`walkConditions`, each condition followed on the branch of its outcome), as a run
 * queues the next steps of a step that succeeded. Nothing is written or sent.
 */
export async function previewWalk(args: {
  graph: WorkflowGraph;
  start: ConditionWalk;
  evaluate: ConditionEvaluator;
  /** Where every action's preview runs: the record, the texts' snapshot, the organization. */
  scope: Omit<ExecutionScope, 'node' | 'logger'>;
}): Promise<PreviewedWalk> {
  const { graph, evaluate } = args;
  const conditions = new Map<string, ConditionOutcome>();
  const stopped = new Set<string>();
  const actions: PreviewedAction[] = [];
  const queue = new Set<string>();
  const reach = (walk: ConditionWalk) => {
    for (const outcome of walk.conditions) conditions.set(outcome.nodeId, outcome);
    for (const nodeId of walk.stopped) stopped.add(nodeId);
    for (const nodeId of walk.actions) if (!actions.some((done) => done.nodeId === nodeId)) queue.add(nodeId);
  };
  reach(args.start);
  for (let nodeId = firstInOrder(graph, queue); nodeId !== null; nodeId = firstInOrder(graph, queue)) {
    queue.delete(nodeId);
    const node = graph.nodes.get(nodeId);
    if (node?.kind !== 'action') continue;
    const scope: ExecutionScope = {
      ...args.scope,
      node: { id: node.id, type: node.type },
      logger: quietLogger,
    };
    const result = recordsProposal({ node, actions, scope }) ?? (await previewAction(node, scope));
    actions.push({ nodeId, type: node.type, ...result });
    if (result.status === 'would_run') reach(walkConditions({ graph, from: nodeId, evaluate }));
  }
  return { conditions, actions, stopped };
}

/** The queued node first in topological order: every node before it on the run is settled. */
function firstInOrder(graph: WorkflowGraph, queue: ReadonlySet<string>): string | null {
  let first: string | null = null;
  for (const nodeId of queue) {
    if (first === null || (graph.rank.get(nodeId) ?? 0) < (graph.rank.get(first) ?? 0)) first = nodeId;
  }
  return first;
}

async function previewAction(node: ActionNode, scope: ExecutionScope): Promise<PreviewResult> {
  try {
    return await executors[node.type].previewNode(scope, node.config);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 'error', reason: render(scope.org.locale, 'simulation.preview_failed', { detail }) };
  }
}

/**
 * Nothing is written in a preview, so recording revenue after a step that would propose it
 * finds no proposal in the database; what the run would do is record that proposal.
 */
function recordsProposal(args: {
  node: ActionNode;
  actions: readonly PreviewedAction[];
  scope: ExecutionScope;
}): PreviewResult | null {
  if (args.node.type !== 'record_revenue') return null;
  const proposal = args.actions.find(
    (step) => step.type === 'propose_revenue' && step.status === 'would_run',
  );
  if (!proposal || proposal.status === 'error') return null;
  const amount = Reflect.get(Object(proposal.preview), 'amount');
  return {
    status: 'would_run',
    reason: render(args.scope.org.locale, 'simulation.records_proposed', { amount: String(amount ?? '') }),
    preview: { kind: 'recorded', amount },
  };
}
