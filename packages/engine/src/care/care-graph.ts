import {
  type ConditionConfig,
  type ConditionTraceEntry,
  isScheduleTrigger,
  type ScheduleTriggerConfig,
} from '@crmflow/flow';
import { type ConditionOutcome, walkConditions } from '../runtime/matcher/condition-walk.ts';
import { parseWorkflowGraph, type WorkflowGraph } from '../runtime/workflow-graph.ts';

/** A care process's stored graph as the runtime walks it, its trigger known to be a date trigger. */
export type CareGraph = WorkflowGraph & { trigger: { id: string; config: ScheduleTriggerConfig } };

export type ParsedCareGraph = { ok: true; graph: CareGraph } | { ok: false; error: string };

/** Parses a stored version of a care process; activation validated it, so failures are rare. */
export function parseCareGraph(raw: unknown): ParsedCareGraph {
  const parsed = parseWorkflowGraph(raw);
  if (!parsed.ok) return parsed;
  const { trigger } = parsed.graph;
  if (!isScheduleTrigger(trigger.config)) return { ok: false, error: 'trigger_not_schedule' };
  return { ok: true, graph: { ...parsed.graph, trigger: { id: trigger.id, config: trigger.config } } };
}

/** Whether criteria stand between the trigger and the actions (else every due record runs). */
export function hasConditions(graph: CareGraph): boolean {
  return [...graph.nodes.values()].some((node) => node.kind === 'condition' && node.config.mode !== 'all');
}

/**
 * From the trigger, the conditions met on the way (each followed on the branch of its outcome)
 * and the first actions reached: the runtime's own walk, so a care run goes exactly where a
 * record event would. No actions: the record does not run.
 */
export function walkCareGraph(args: {
  graph: CareGraph;
  evaluate: (config: ConditionConfig) => { matched: boolean; trace: ConditionTraceEntry[] };
}): { conditions: ConditionOutcome[]; actions: string[] } {
  return walkConditions({ graph: args.graph, from: args.graph.trigger.id, evaluate: args.evaluate });
}
