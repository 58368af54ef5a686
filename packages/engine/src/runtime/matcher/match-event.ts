import {
  evaluateCondition,
  evaluateTrigger,
  isScheduleTrigger,
  type ModuleCatalog,
  type TriggerConfig,
} from '@crmflow/flow';
import type { RecordChangedEvent } from '../../records/record-event.ts';
import type { WorkflowGraph } from '../workflow-graph.ts';
import { type ConditionOutcome, walkConditions } from './condition-walk.ts';
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

export function matchEvent(args: {
  event: RecordChangedEvent;
  workflowId: string;
  graph: WorkflowGraph;
  catalog: ModuleCatalog;
  timeZone: string;
  now: Date;
}): MatchDecision {
  const { event, graph, catalog, timeZone, now } = args;
  const changes = eventChanges(event, catalog);
  const trigger = evaluateTrigger({ config: graph.trigger.config, operation: event.operation, changes });
  if (!trigger.fires) return { kind: 'ignored' };
  const record = event.after ?? event.before ?? {};
  const walk = walkConditions({
    graph,
    from: graph.trigger.id,
    evaluate: (config) =>
      evaluateCondition({
        config,
        record,
        before: event.before,
        changes,
        catalog,
        module: event.module,
        now,
        timeZone,
      }),
  });
  if (walk.actions.length === 0) return { kind: 'unmatched', conditions: walk.conditions };
  const stop = loopStop({
    causation: event.causation,
    workflowId: args.workflowId,
    recordId: event.recordId,
  });
  if (stop) return { kind: 'drop', stop };
  return {
    kind: 'start',
    conditions: walk.conditions,
    actions: walk.actions,
    reason: trigger.reason,
  };
}
