import { z } from 'zod';
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
    return {
      fires: false,
      reason: 'a care process runs on dates, not on record events',
      reasonVi: 'quy trình chăm sóc chạy theo ngày, không theo thay đổi bản ghi',
      repeat: true,
    };
  }
  const { fires, en, vi } = decide({ config, operation: args.operation, changes: args.changes });
  return { fires, reason: en, reasonVi: vi, repeat: config.repeat };
}

function decide(args: {
  config: EventTriggerConfig;
  operation: RecordOperation;
  changes: readonly string[];
}): { fires: boolean; en: string; vi: string } {
  const { config, operation, changes } = args;
  if (!wants[config.on].includes(operation)) {
    return {
      fires: false,
      en: `waits for ${config.on}, got ${operation}`,
      vi: `chờ thao tác ${config.on}, nhận ${operation}`,
    };
  }
  if (operation !== 'update') {
    return {
      fires: true,
      en: `record ${operation}d`,
      vi: `bản ghi được ${operation === 'create' ? 'thêm' : 'xóa'}`,
    };
  }
  if (changes.length === 0)
    return { fires: false, en: 'the edit changed nothing', vi: 'lần sửa không thay đổi gì' };
  if (config.fields.length === 0) {
    return { fires: true, en: `changed ${changes.join(', ')}`, vi: `đã đổi ${changes.join(', ')}` };
  }
  const hit = config.fields.filter((field) => changes.includes(field));
  const missed = config.fields.filter((field) => !changes.includes(field));
  if (config.match === 'all' ? missed.length === 0 : hit.length > 0) {
    return { fires: true, en: `changed ${hit.join(', ')}`, vi: `đã đổi ${hit.join(', ')}` };
  }
  const watched = config.fields.join(', ');
  return config.match === 'all'
    ? { fires: false, en: `unchanged: ${missed.join(', ')}`, vi: `chưa đổi: ${missed.join(', ')}` }
    : { fires: false, en: `none of ${watched} changed`, vi: `không đổi trường nào trong ${watched}` };
}
