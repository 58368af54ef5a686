import { z } from 'zod';
import { text } from '../messages/catalogue.ts';
import type { Text } from '../messages/locale.ts';
import { type EventTriggerConfig, isScheduleTrigger, type TriggerConfig } from '../nodes/trigger.def.ts';

/** What happened to the record: the three operations a workflow can start on. */
export const RecordOperation = z.enum(['create', 'update', 'delete']);
export type RecordOperation = z.infer<typeof RecordOperation>;

/**
 * Whether the trigger fires, and why in words (run logs, the test panel), rendered in the
 * reader's language by the caller. Whether it fires only once per record is not decided here:
 * the engine reads `repeat` in one place and keeps the `workflow_fired` ledger.
 */
export interface TriggerOutcome {
  fires: boolean;
  reason: Text;
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
  if (isScheduleTrigger(config)) return { fires: false, reason: text('trigger.schedule_not_event') };
  return decide({ config, operation: args.operation, changes: args.changes });
}

function decide(args: {
  config: EventTriggerConfig;
  operation: RecordOperation;
  changes: readonly string[];
}): TriggerOutcome {
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
