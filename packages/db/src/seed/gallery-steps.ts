import type { FlowNode } from '@crmflow/flow';
import { type Bilingual, placed } from './gallery-graph.ts';

/**
 * The step shapes the built-in templates share, so each template reads as its steps. Every
 * builder places its node on a row (and a column) of the canvas, like `placed`.
 */

type Where = { row: number; column?: number };
type Operation = 'create' | 'update' | 'create_or_update';
type Rule = { field: string; op: string; value?: unknown };

/** Khi nào, on a record change: the operation, the watched fields, any of them. */
export function onChange(on: Operation, fields: string[] = [], options: { repeat?: boolean } = {}) {
  return placed('trigger', 'trigger', 0, { on, fields, match: 'any', repeat: options.repeat ?? true });
}

/** Khi nào, for a care process: a date field of the record, on its day. */
export function onDate(
  dateField: string,
  options: { recurrence?: 'yearly' | 'once'; offsetDays?: number; runAt?: string } = {},
) {
  const { recurrence = 'yearly', offsetDays = 0, runAt = '08:00' } = options;
  return placed('trigger', 'trigger', 0, { dateField, recurrence, offsetDays, window: 'day', runAt });
}

/** A condition where every rule must hold. */
export function allOf(id: string, row: number, rules: Rule[]): FlowNode {
  return placed(id, 'condition', row, { mode: 'criteria', logic: 'and', rules });
}

export const changedTo = (field: string, value: unknown): Rule => ({ field, op: 'changed_to', value });
export const equals = (field: string, value: unknown): Rule => ({ field, op: 'eq', value });
export const filled = (field: string): Rule => ({ field, op: 'not_empty' });

const at = (id: string, type: string, where: Where, config: Record<string, unknown>) =>
  placed(id, type, where.row, config, where.column);

/** A task for the record's owner. */
export function ownerTask(
  id: string,
  where: Where,
  task: {
    name: Bilingual;
    title: Bilingual;
    description: Bilingual;
    dueInDays: number;
    taskType: 'call' | 'care' | 'email';
    priority: 'normal' | 'high';
  },
): FlowNode {
  return at(id, 'create_task', where, {
    ...task,
    assignee: { field: 'owner_id' },
    related: [],
    attachment: null,
  });
}

/** An in-app notification to the record's owner. */
export function notifyOwner(id: string, row: number, notice: { name: Bilingual; message: Bilingual }) {
  return placed(id, 'notify', row, { ...notice, to: { fields: ['owner_id'], users: [] } });
}

/** An SMS written in the template, sent through the organization's SMS provider. */
export function sms(id: string, row: number, message: { name: Bilingual; to: string; text: Bilingual }) {
  return placed(id, 'send_sms', row, {
    name: message.name,
    provider: '{{provider:sms}}',
    to: { fields: [message.to], users: [] },
    templateId: null,
    text: message.text,
  });
}

/** An email written in the template, sent as the system, with a print template as PDF if asked. */
export function email(
  id: string,
  where: Where,
  message: { name: Bilingual; to: string; subject: Bilingual; body: Bilingual; attachPrint?: string },
): FlowNode {
  return at(id, 'send_email', where, {
    name: message.name,
    provider: 'system',
    to: { fields: [message.to], users: [], addresses: [] },
    subject: message.subject,
    body: message.body,
    templateId: null,
    attachment: message.attachPrint
      ? { printTemplateId: `{{printTemplate:${message.attachPrint}}}`, format: 'pdf' }
      : null,
  });
}
