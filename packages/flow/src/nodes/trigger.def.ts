import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import { fieldLabelByKey, fieldsOfType } from '../metadata/field-lookup.ts';
import { checkFieldRef, checkFieldRefs } from './checks/field-checks.ts';
import { FieldKey } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { daysText } from './summary-text.ts';

/** Quy trình làm việc: fires when a record is added, edited or deleted (docs/semantics.md, Event triggers). */
export const EventTriggerConfig = z.object({
  on: z.enum(['create', 'create_or_update', 'update', 'delete']),
  /** For edits: only when these fields changed, all of them or any one (`match`). */
  fields: z.array(FieldKey).default([]),
  match: z.enum(['all', 'any']).default('any'),
  /** false: only the first edit that satisfies trigger and condition fires, per record. */
  repeat: z.boolean().default(true),
});
export type EventTriggerConfig = z.infer<typeof EventTriggerConfig>;

/** Quy trình chăm sóc: fires on a date of the record, checked daily at `runAt` local time. */
export const ScheduleTriggerConfig = z.object({
  dateField: FieldKey,
  recurrence: z.enum(['yearly', 'once']).default('yearly'),
  /** Days from the date to the run: -3 runs three days before. */
  offsetDays: z.number().int().min(-366).max(366).default(0),
  window: z.enum(['day', 'week']).default('day'),
  runAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm')
    .default('08:00'),
});
export type ScheduleTriggerConfig = z.infer<typeof ScheduleTriggerConfig>;

export const TriggerConfig = z.union([EventTriggerConfig, ScheduleTriggerConfig]);
export type TriggerConfig = z.infer<typeof TriggerConfig>;

export function isScheduleTrigger(config: TriggerConfig): config is ScheduleTriggerConfig {
  return 'dateField' in config;
}

/** The operations whose edits are watched: only these use `fields`, `match` and `repeat`. */
export function watchesEdits(on: EventTriggerConfig['on']): boolean {
  return on === 'update' || on === 'create_or_update';
}

/**
 * The event trigger with only the settings its operation uses: switched from "edit" to "create",
 * it no longer keeps the watched fields, the all/any choice and the first-time-only flag the form
 * hides (they return to their defaults); `match` only counts with two watched fields or more.
 */
export function eventTriggerInUse(config: EventTriggerConfig): EventTriggerConfig {
  if (!watchesEdits(config.on)) return { on: config.on, fields: [], match: 'any', repeat: true };
  return { ...config, match: config.fields.length > 1 ? config.match : 'any' };
}

const onText = {
  create: 'summary.trigger_create',
  create_or_update: 'summary.trigger_create_or_update',
  update: 'summary.trigger_update',
  delete: 'summary.trigger_delete',
} as const;

export const triggerNode = defineNode({
  type: 'trigger',
  category: 'trigger',
  labelVi: 'Khi nào',
  labelEn: 'When',
  descriptionVi:
    'Thời điểm bắt đầu quy trình: khi bản ghi được thêm, sửa, xóa hoặc đến một ngày của bản ghi.',
  descriptionEn:
    'When the flow starts: a record is added, edited or deleted, or one of its dates comes round.',
  icon: 'zap',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: TriggerConfig,
  version: 1,
  // Hand-written: its settings differ between the two kinds of flow and follow one another (the
  // fields to watch only on edits, the timing of a care process around a date).
  form: { custom: 'trigger' },
  labels: {
    on: { ...text('label.trigger.on'), pick: true },
    fields: { ...text('label.trigger.fields'), pick: true },
    match: { ...text('label.trigger.match'), pick: true },
    repeat: { ...text('label.trigger.repeat'), pick: true },
    dateField: { ...text('label.trigger.date_field'), pick: true },
    recurrence: { ...text('label.trigger.recurrence'), pick: true },
    offsetDays: text('label.offset_days'),
    window: { ...text('label.trigger.window'), pick: true },
    runAt: text('label.trigger.run_at'),
  },
  defaults(module, kind): TriggerConfig {
    if (kind === 'schedule') {
      const dateField = fieldsOfType(module, ['date'])[0]?.key ?? '';
      return { dateField, recurrence: 'yearly', offsetDays: 0, window: 'day', runAt: '08:00' };
    }
    return { on: 'create_or_update', fields: [], match: 'any', repeat: true };
  },
  summary({ config, module, locale }) {
    if (isScheduleTrigger(config)) {
      const date = fieldLabelByKey({ module, key: config.dateField, locale });
      const parts = [
        render(locale, config.recurrence === 'yearly' ? 'summary.schedule_yearly' : 'summary.schedule_on', {
          date,
        }),
      ];
      const days = daysText(Math.abs(config.offsetDays), locale);
      if (config.offsetDays < 0) parts.push(render(locale, 'summary.schedule_before', { days }));
      if (config.offsetDays > 0) parts.push(render(locale, 'summary.schedule_after', { days }));
      if (config.window === 'week') parts.push(render(locale, 'summary.schedule_week'));
      parts.push(render(locale, 'summary.schedule_at', { time: config.runAt }));
      return parts.join(', ');
    }
    let trigger = render(locale, onText[config.on]);
    if (watchesEdits(config.on) && config.fields.length > 0) {
      const fields = config.fields.map((key) => fieldLabelByKey({ module, key, locale })).join(', ');
      const code = config.match === 'all' ? 'summary.trigger_all_changed' : 'summary.trigger_any_changed';
      trigger = render(locale, code, { trigger, fields });
    }
    if (!config.repeat && config.on !== 'create' && config.on !== 'delete') {
      trigger = render(locale, 'summary.trigger_first_time', { trigger });
    }
    return trigger;
  },
  mergeFieldTexts: () => [],
  checkConfig({ config, module, kind }) {
    const schedule = isScheduleTrigger(config);
    if (schedule !== (kind === 'schedule')) {
      return [
        {
          path: [],
          code: 'trigger_kind_mismatch',
          message: text(schedule ? 'validation.trigger_kind_event' : 'validation.trigger_kind_schedule'),
        },
      ];
    }
    if (schedule) {
      return checkFieldRef({ module, key: config.dateField, path: ['dateField'], types: ['date'] }).issues;
    }
    return checkFieldRefs({ module, keys: config.fields, path: ['fields'] });
  },
});
