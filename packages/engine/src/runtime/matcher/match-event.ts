import {
  evaluateTrigger,
  isScheduleTrigger,
  type ModuleCatalog,
  type ModuleKey,
  type RecordOperation,
  type TriggerConfig,
  type TriggerOutcome,
} from '@crmflow/flow';
import type { RecordChangedEvent } from '../../records/record-event.ts';
import type { WorkflowGraph } from '../workflow-graph.ts';
import { type ConditionOutcome, type ConditionWalk, conditionsOn, walkConditions } from './condition-walk.ts';
import { type LoopStop, loopStop } from './loop-guard.ts';

/**
 * What one record event means for one workflow:
 * - `ignored`: the trigger does not fire;
 * - `unmatched`: it fires but the conditions lead to no action;
 * - `start`: a run should start with these condition outcomes and first actions
 *   (unless the workflow fires once per record and already fired for this one);
 * - `drop`: it would start, but the loop guard stops it.
 */
export type MatchDecision =
  | { kind: 'ignored' }
  | { kind: 'unmatched'; conditions: ConditionOutcome[] }
  | { kind: 'start'; conditions: ConditionOutcome[]; actions: string[]; reason: string }
  | { kind: 'drop'; stop: LoopStop };

/**
 * Whether a workflow starts at most once per record (`repeat: false`, an event trigger's
 * first-time-only switch): the one place the flag is read, by the matcher, the test panel and the
 * impact preview alike. A care process's date trigger has no such switch.
 */
export function firesOncePerRecord(trigger: TriggerConfig): boolean {
  return !isScheduleTrigger(trigger) && !trigger.repeat;
}

/**
 * The fields an event changed, as triggers and `changed*` rules see them: an edit's computed
 * changes, and every field of the module for a create or a delete (docs/semantics.md, Event triggers).
 */
export function eventChanges(event: RecordChangedEvent, catalog: ModuleCatalog): string[] {
  if (event.operation === 'update') return event.changed;
  return catalog[event.module].fields.map((field) => field.key);
}

/** A record change as a trigger and its conditions read it. */
export type TriggerChange = {
  operation: RecordOperation;
  /** The fields it changed (`eventChanges`). */
  changes: readonly string[];
  /** The record as the change left it (as it was, for a delete). */
  record: Readonly<Record<string, unknown>>;
  before: Readonly<Record<string, unknown>> | null;
  module: ModuleKey;
};

/**
 * Whether a change fires the workflow's trigger and, when it does, the walk from the trigger:
 * the conditions met on the way and the first actions. What a record event (`matchEvent`) and
 * the test panel share.
 */
export function matchTrigger(args: {
  graph: WorkflowGraph;
  change: TriggerChange;
  catalog: ModuleCatalog;
  timeZone: string;
  now: Date;
}): { trigger: TriggerOutcome; walk: ConditionWalk | null } {
  const { graph, change } = args;
  const trigger = evaluateTrigger({
    config: graph.trigger.config,
    operation: change.operation,
    changes: change.changes,
  });
  if (!trigger.fires) return { trigger, walk: null };
  const evaluate = conditionsOn({ ...change, catalog: args.catalog, timeZone: args.timeZone, now: args.now });
  return { trigger, walk: walkConditions({ graph, from: graph.trigger.id, evaluate }) };
}

export function matchEvent(args: {
  event: RecordChangedEvent;
  workflowId: string;
  graph: WorkflowGraph;
  catalog: ModuleCatalog;
  timeZone: string;
  now: Date;
}): MatchDecision {
  const { event, catalog } = args;
  const { walk, trigger } = matchTrigger({
    graph: args.graph,
    change: {
      operation: event.operation,
      changes: eventChanges(event, catalog),
      record: event.after ?? event.before ?? {},
      before: event.before,
      module: event.module,
    },
    catalog,
    timeZone: args.timeZone,
    now: args.now,
  });
  if (!walk) return { kind: 'ignored' };
  if (walk.actions.length === 0) return { kind: 'unmatched', conditions: walk.conditions };
  const stop = loopStop({
    causation: event.causation,
    workflowId: args.workflowId,
    recordId: event.recordId,
  });
  if (stop) return { kind: 'drop', stop };
  // The run's cause keeps the English words, as the trigger step has always shown them.
  return { kind: 'start', conditions: walk.conditions, actions: walk.actions, reason: trigger.reason.en };
}
