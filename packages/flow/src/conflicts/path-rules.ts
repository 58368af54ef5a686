import {
  ConditionConfig,
  type ConditionItem,
  type ConditionRule,
  isConditionGroup,
} from '../condition/condition-config.ts';
import type { FlowGraph } from '../graph/flow-graph.ts';
import { isActionNodeType } from '../nodes/catalog.ts';

/** The rules that must all hold for a run to reach an action along one path, and the path. */
export type PathRules = { actionId: string; nodes: string[]; rules: ConditionRule[] };

const MAX_PATHS = 200;

/** Rules an item guarantees when it is met: its own rule, or every rule of an `and` group. */
function whenMet(items: readonly ConditionItem[], logic: 'and' | 'or'): ConditionRule[] {
  if (logic === 'or' && items.length !== 1) return [];
  return items.flatMap((item) => (isConditionGroup(item) ? whenMet(item.rules, item.logic) : [item]));
}

const negations: Partial<Record<ConditionRule['op'], ConditionRule['op']>> = {
  eq: 'ne',
  ne: 'eq',
  in: 'not_in',
  not_in: 'in',
  empty: 'not_empty',
  not_empty: 'empty',
};

/** What the `false` branch of a one-rule condition guarantees: the rule's opposite, when it has one. */
function whenNotMet(items: readonly ConditionItem[]): ConditionRule[] {
  const [only] = items;
  if (items.length !== 1 || !only || isConditionGroup(only)) return [];
  const op = negations[only.op];
  return op ? [{ ...only, op } as ConditionRule] : [];
}

function guaranteed(config: unknown, branch: 'true' | 'false'): ConditionRule[] {
  const parsed = ConditionConfig.safeParse(config);
  if (!parsed.success || parsed.data.mode === 'all') return [];
  return branch === 'true' ? whenMet(parsed.data.rules, parsed.data.logic) : whenNotMet(parsed.data.rules);
}

/**
 * Every path from the trigger to an action, with the condition rules it guarantees: all rules of
 * an `and` condition on its `true` branch, the opposite of a one-rule condition on its `false`
 * branch. Rules joined by `or` guarantee nothing on their own and are left out, so the rules of
 * a path are what must hold, never more. Stops at the first action of a path; capped in number.
 */
export function pathRules(graph: FlowGraph): PathRules[] {
  const trigger = graph.nodes.find((node) => node.type === 'trigger');
  if (!trigger) return [];
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const found: PathRules[] = [];
  const walk = (nodeId: string, nodes: string[], rules: ConditionRule[]) => {
    if (found.length >= MAX_PATHS) return;
    for (const edge of graph.edges.filter((item) => item.source === nodeId)) {
      const next = byId.get(edge.target);
      if (!next || nodes.includes(next.id)) continue;
      const current = byId.get(nodeId);
      const added =
        current?.type === 'condition' ? guaranteed(current.config, edge.sourceHandle ?? 'true') : [];
      const path = [...nodes, next.id];
      if (isActionNodeType(next.type))
        found.push({ actionId: next.id, nodes: path, rules: [...rules, ...added] });
      else walk(next.id, path, [...rules, ...added]);
    }
  };
  walk(trigger.id, [trigger.id], []);
  return found;
}
