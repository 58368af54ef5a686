import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import { fieldLabelByKey, findField } from '../metadata/field-lookup.ts';
import type { ConfigIssue, ValidationContext } from '../validate/validation-error.ts';
import { checkFieldRef, checkKnownId, checkKnownIds, requiredIssue } from './checks/field-checks.ts';
import { checkChosenProvider } from './checks/provider-checks.ts';
import { checkValueForField } from './checks/value-checks.ts';
import { ActionName, EntityId, FieldKey, PrintAttachment } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { clip, daysText, nameText } from './summary-text.ts';

/** Who does the task: the user in a user field of the record, or a chosen user. */
export const TaskAssignee = z.union([z.object({ field: FieldKey }), z.object({ user: EntityId })]);
export type TaskAssignee = z.infer<typeof TaskAssignee>;

/**
 * "Đồng bộ sang ứng dụng công việc": the task is also created in the external work app, in a
 * project (and group) of it. `providerId` empty means the organization's default work app.
 */
export const TaskWorkAppSync = z.object({
  providerId: z.string().max(200).default(''),
  projectId: z.string().max(200),
  groupId: z.string().max(200).default(''),
});
export type TaskWorkAppSync = z.infer<typeof TaskWorkAppSync>;

/** Creates a record of the `task` module; `taskType` and `priority` are values of its picklists. */
export const CreateTaskConfig = z.object({
  name: ActionName.optional(),
  title: z.string().max(500),
  description: z.string().max(20_000).default(''),
  /** Due this many days after the action runs. */
  dueInDays: z.number().int().min(0).max(3650).default(1),
  taskType: z.string().max(100).default('call'),
  priority: z.string().max(100).default('normal'),
  assignee: TaskAssignee,
  /** Users who follow the task and are notified with the assignee. */
  related: z.array(EntityId).default([]),
  attachment: PrintAttachment.nullable().default(null),
  workApp: TaskWorkAppSync.nullable().default(null),
});
export type CreateTaskConfig = z.infer<typeof CreateTaskConfig>;

export const createTaskNode = defineNode({
  type: 'create_task',
  category: 'action',
  labelVi: 'Giao nhiệm vụ',
  labelEn: 'Assign task',
  descriptionVi: 'Tạo nhiệm vụ cho người thực hiện, báo cho người thực hiện và người liên quan.',
  descriptionEn: 'Creates a task for an assignee and notifies the assignee and related users.',
  icon: 'check-square',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: CreateTaskConfig,
  version: 1,
  form: {
    widgets: [
      { widget: 'merge-text', key: 'title', label: 'form.task.title', mergeHint: true },
      { widget: 'merge-text', key: 'description', label: 'form.task.description', multiline: true },
      { widget: 'number', key: 'dueInDays', label: 'form.task.due', min: 0, max: 3650 },
      {
        widget: 'row',
        widgets: [
          {
            widget: 'picklist',
            key: 'taskType',
            label: 'form.task.type',
            module: 'task',
            field: 'task_type',
          },
          {
            widget: 'picklist',
            key: 'priority',
            label: 'form.task.priority',
            module: 'task',
            field: 'priority',
          },
        ],
      },
      {
        widget: 'one-of',
        key: 'assignee',
        label: 'form.task.assignee',
        options: [
          {
            key: 'field',
            label: 'form.task.assignee_field',
            input: 'field',
            types: ['user'],
            start: 'owner_id',
          },
          { key: 'user', label: 'form.task.assignee_user', input: 'user' },
        ],
      },
      { widget: 'users', key: 'related', label: 'form.task.related' },
      { widget: 'attachment', key: 'attachment' },
      { widget: 'work-app-sync', key: 'workApp' },
    ],
  },
  labels: {
    name: text('label.step_name'),
    title: text('label.task.title'),
    description: text('label.task.description'),
    dueInDays: text('label.task.due'),
    taskType: { ...text('label.task.type'), pick: true },
    priority: { ...text('label.task.priority'), pick: true },
    assignee: { ...text('label.task.assignee'), pick: true },
    'assignee.field': { ...text('label.task.assignee_field'), pick: true },
    'assignee.user': { ...text('label.task.assignee'), pick: true },
    related: { ...text('label.task.related'), pick: true },
    attachment: { ...text('label.attachment'), pick: true },
    'attachment.printTemplateId': { ...text('label.attachment_template'), pick: true },
    'attachment.format': { ...text('label.attachment_format'), pick: true },
    workApp: { ...text('label.task.work_app_sync'), pick: true },
    'workApp.providerId': { ...text('label.task.work_app'), pick: true },
    'workApp.projectId': { ...text('label.task.project'), pick: true },
    'workApp.groupId': { ...text('label.task.group'), pick: true },
  },
  defaults: (): CreateTaskConfig => ({
    title: '',
    description: '',
    dueInDays: 1,
    taskType: 'call',
    priority: 'normal',
    assignee: { field: 'owner_id' },
    related: [],
    attachment: null,
    workApp: null,
  }),
  summary({ config, module, locale, nameOf }) {
    const who =
      'field' in config.assignee
        ? fieldLabelByKey({ module, key: config.assignee.field, locale })
        : nameText(config.assignee.user, nameOf);
    const title = clip(config.title, 50);
    const due = daysText(config.dueInDays, locale);
    return render(locale, 'summary.create_task', { title, who, due });
  },
  mergeFieldTexts: (config) => [config.title, config.description],
  checkConfig({ config, module, catalog, context }) {
    const issues: ConfigIssue[] = [];
    if (config.title.trim() === '') issues.push(requiredIssue(['title']));
    if ('field' in config.assignee) {
      const path = ['assignee', 'field'];
      issues.push(...checkFieldRef({ module, key: config.assignee.field, path, types: ['user'] }).issues);
    } else {
      issues.push(
        ...checkKnownId({
          known: context.userIds,
          id: config.assignee.user,
          path: ['assignee', 'user'],
          code: 'user_unknown',
        }),
      );
    }
    issues.push(
      ...checkKnownIds({
        known: context.userIds,
        ids: config.related,
        path: ['related'],
        code: 'user_unknown',
      }),
    );
    for (const [key, fieldKey] of [
      ['taskType', 'task_type'],
      ['priority', 'priority'],
    ] as const) {
      const field = findField(catalog.task, fieldKey);
      if (field) issues.push(...checkValueForField({ field, value: config[key], path: [key] }));
    }
    if (config.attachment) {
      const path = ['attachment', 'printTemplateId'];
      const id = config.attachment.printTemplateId;
      issues.push(
        ...checkKnownId({
          known: context.printTemplateIds,
          id,
          path,
          code: 'template_unknown',
        }),
      );
    }
    if (config.workApp) issues.push(...checkWorkApp(config.workApp, context));
    return issues;
  },
});

function checkWorkApp(sync: TaskWorkAppSync, context: ValidationContext): ConfigIssue[] {
  const known = context.workAppProviders;
  const issues: ConfigIssue[] = [];
  if (sync.providerId !== '' || known?.length === 0) {
    issues.push(
      ...checkChosenProvider({
        ref: sync.providerId,
        known,
        path: ['workApp', 'providerId'],
      }),
    );
  }
  if (sync.projectId.trim() === '') issues.push(requiredIssue(['workApp', 'projectId']));
  return issues;
}
