import { z } from 'zod';
import { text } from '../messages/catalogue.ts';
import type { Text } from '../messages/locale.ts';
import { type EventTriggerConfig, isScheduleTrigger, type TriggerConfig } from '../nodes/trigger.def.ts';

/** What happened to the record: the three operations a workflow can start on. */
export const RecordOperation = z.enum(['create', 'update', 'delete']);
export type RecordOperation = z.infer<typeof RecordOperation>;

export interface TriggerOutcome {
  fires: boolean;
  /** Why, in words, for run logs and the test panel. */
  reason: string;
  reasonVi: string;
  /**
   * false: fire only on the first edit that passes trigger and condition. Kept by the caller's
   * `workflow_fired` ledger, not here, so this function stays pure.
   */
  repeat: boolean;
}

const wants: Record<EventTriggerConfig['on'], readonly RecordOperation[]> = {
  create: ['create'],
  create_or_update: ['create', 'update'],
  update: ['update'],
  delete: ['delete'],
};

/**
 * Whether a record event starts the workflow (docs/semantics.md, Event triggers). Watched fields apply to edits only:
 * with `match: 'all'` every one of them must have changed in this save, with `any` at least one.
 * An edit that changed nothing at all never fires.
 */
export function evaluateTrigger(args: {
  config: TriggerConfig;
  operation: RecordOperation;
  changes: readonly string[];
}): TriggerOutcome {
  const { config } = args;
  if (isScheduleTrigger(config)) {
    return outcome({ fires: false, reason: text('trigger.schedule_not_event'), repeat: true });
  }
  const decision = decide({ config, operation: args.operation, changes: args.changes });
  return outcome({ ...decision, repeat: config.repeat });
}

function outcome(args: { fires: boolean; reason: Text; repeat: boolean }): TriggerOutcome {
  return { fires: args.fires, reason: args.reason.en, reasonVi: args.reason.vi, repeat: args.repeat };
}

function decide(args: {
  config: EventTriggerConfig;
  operation: RecordOperation;
  changes: readonly string[];
}): { fires: boolean; reason: Text } {
  const { config, operation, changes } = args;
  if (!wants[config.on].includes(operation)) {
    return { fires: false, reason: text('trigger.wrong_operation', { wanted: config.on, got: operation }) };
  }
  if (operation !== 'update') {
    return { fires: true, reason: text(operation === 'create' ? 'trigger.created' : 'trigger.deleted') };
  }
  if (changes.length === 0) return { fires: false, reason: text('trigger.nothing_changed') };
  if (config.fields.length === 0) {
    return { fires: true, reason: text('trigger.changed', { fields: changes.join(', ') }) };
  }
  const hit = config.fields.filter((field) => changes.includes(field));
  const missed = config.fields.filter((field) => !changes.includes(field));
  if (config.match === 'all' ? missed.length === 0 : hit.length > 0) {
    return { fires: true, reason: text('trigger.changed', { fields: hit.join(', ') }) };
  }
  const watched = config.fields.join(', ');
  return config.match === 'all'
    ? { fires: false, reason: text('trigger.unchanged', { fields: missed.join(', ') }) }
    : { fires: false, reason: text('trigger.none_changed', { fields: watched }) };
}
