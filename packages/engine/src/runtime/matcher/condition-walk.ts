import type { ConditionConfig, ConditionTraceEntry } from '@crmflow/flow';
import { nextNodes, type WorkflowGraph } from '../workflow-graph.ts';

export type ConditionOutcome = { nodeId: string; matched: boolean; trace: ConditionTraceEntry[] };

/**
 * From the nodes after `from`, evaluates the conditions met on the way (following each one's
 * branch) until actions are reached. The actions are where the run goes next; an empty list means
 * the conditions led nowhere and nothing is to be done.
 */
export function walkConditions(args: {
  graph: WorkflowGraph;
  from: string;
  matched?: boolean;
  evaluate: (config: ConditionConfig) => { matched: boolean; trace: ConditionTraceEntry[] };
}): { conditions: ConditionOutcome[]; actions: string[] } {
  const { graph, evaluate } = args;
  const conditions: ConditionOutcome[] = [];
  const actions: string[] = [];
  const seen = new Set<string>();
  const visit = (nodeId: string, matched: boolean | undefined) => {
    for (const next of nextNodes({ graph, nodeId, ...(matched === undefined ? {} : { matched }) })) {
      if (seen.has(next)) continue;
      seen.add(next);
      const node = graph.nodes.get(next);
      if (!node) continue;
      if (node.kind === 'action') {
        actions.push(next);
        continue;
      }
      const outcome = evaluate(node.config);
      conditions.push({ nodeId: next, matched: outcome.matched, trace: outcome.trace });
      visit(next, outcome.matched);
    }
  };
  visit(args.from, args.matched);
  actions.sort((a, b) => (graph.rank.get(a) ?? 0) - (graph.rank.get(b) ?? 0));
  return { conditions, actions };
}
