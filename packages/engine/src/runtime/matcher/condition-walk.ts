import {
  type ConditionConfig,
  type ConditionTraceEntry,
  evaluateCondition,
  type ModuleCatalog,
  type ModuleKey,
} from '@crmflow/flow';
import { nextNodes, type WorkflowGraph } from '../workflow-graph.ts';

export type ConditionOutcome = { nodeId: string; matched: boolean; trace: ConditionTraceEntry[] };

export type ConditionEvaluator = (config: ConditionConfig) => {
  matched: boolean;
  trace: ConditionTraceEntry[];
};

/**
 * How a run's conditions read a record: as it is (`record`), with the change that started the
 * run (`before`, `changes`) for the `changed*` rules.
 */
export function conditionsOn(args: {
  record: Readonly<Record<string, unknown>>;
  before: Readonly<Record<string, unknown>> | null;
  changes: readonly string[];
  module: ModuleKey;
  catalog: ModuleCatalog;
  timeZone: string;
  now: Date;
}): ConditionEvaluator {
  const { record, before, changes, module, catalog, timeZone, now } = args;
  return (config) => evaluateCondition({ config, record, before, changes, catalog, module, now, timeZone });
}

/**
 * Where a walk from a node went: the conditions it evaluated, the actions it reached (where the
 * run goes next) and the nodes with a problem it reached (only a draft has any: the test panel
 * shows their error).
 */
export type ConditionWalk = { conditions: ConditionOutcome[]; actions: string[]; stopped: string[] };

/**
 * From the nodes after `from`, evaluates the conditions met on the way (following each one's
 * branch) until actions are reached. The actions are where the run goes next; an empty list means
 * the conditions led nowhere and nothing is to be done.
 */
export function walkConditions(args: {
  graph: WorkflowGraph;
  from: string;
  matched?: boolean;
  evaluate: ConditionEvaluator;
}): ConditionWalk {
  const { graph, evaluate } = args;
  const conditions: ConditionOutcome[] = [];
  const actions: string[] = [];
  const stopped: string[] = [];
  const seen = new Set<string>();
  const visit = (nodeId: string, matched: boolean | undefined) => {
    for (const next of nextNodes({ graph, nodeId, ...(matched === undefined ? {} : { matched }) })) {
      if (seen.has(next)) continue;
      seen.add(next);
      const node = graph.nodes.get(next);
      if (!node) {
        stopped.push(next);
        continue;
      }
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
  return { conditions, actions, stopped };
}
