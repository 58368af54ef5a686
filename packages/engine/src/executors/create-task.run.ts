import { recordFiles, users } from '@crmflow/db';
import {
  addDays,
  CreateTaskConfig,
  type Locale,
  render,
  type TaskWorkAppSync,
  text,
  todayIn,
} from '@crmflow/flow';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { createRecord } from '../records/record-store.ts';
import { engineTransaction } from '../runtime/engine-transaction.ts';
import {
  defineExecutor,
  type ExecutionScope,
  type ExecutorResult,
  type RunContext,
  stepFailure,
} from './executor.ts';
import { mergeContext } from './merge-context.ts';
import { setupFailure, stepResultOf } from './messaging/delivery-outcome.ts';
import { renderPrintDocument } from './messaging/print-render.ts';
import { mergeSourceOf, printTemplateOf, templateMissing } from './messaging/step-sources.ts';
import { insertNotifications } from './notifications.ts';
import { applyOnce } from './run-effects.ts';
import { syncTaskToWorkApp } from './work-app-sync.ts';
import { recordWriteFailure, workflowWrite } from './workflow-write.ts';

const TaskEffect = z.object({ taskId: z.string() });

type TaskFile = { name: string; contentType: string; content: Buffer };

/**
 * The print template the step attaches, filled for the run's record, or why it cannot be: the
 * template was deleted after the flow was saved.
 */
async function renderTaskFile(
  ctx: RunContext<CreateTaskConfig>,
): Promise<{ ok: true; file: TaskFile | null } | { ok: false; id: string }> {
  const attachment = ctx.config.attachment;
  if (!attachment) return { ok: true, file: null };
  const template = await printTemplateOf({ scope: ctx, id: attachment.printTemplateId });
  if (!template) return { ok: false, id: attachment.printTemplateId };
  const source = await mergeSourceOf(ctx);
  const document = await renderPrintDocument({
    db: ctx.db,
    orgId: ctx.org.id,
    source,
    template,
    format: attachment.format,
  });
  return {
    ok: true,
    file: { name: document.filename, contentType: document.contentType, content: document.content },
  };
}

type TaskPlan = {
  data: Record<string, unknown>;
  assigneeId: string | null;
  related: string[];
  title: string;
};

const userId = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * The task record to create: rendered texts, due date in the org's zone, links to the record.
 * Texts, the assignee field and the links read the run's snapshot, as messages do.
 */
async function planTask(scope: ExecutionScope, config: CreateTaskConfig): Promise<TaskPlan> {
  const { record, org, now, snapshot } = scope;
  const merge = await mergeContext(scope, [config.title, config.description]);
  const title = merge.render(config.title).slice(0, 1_000);
  const assigneeId =
    'user' in config.assignee ? config.assignee.user : userId(snapshot[config.assignee.field]);
  const data: Record<string, unknown> = {
    title,
    description: merge.render(config.description).slice(0, 20_000),
    status: 'open',
    due_date: addDays(todayIn(org.timeZone, now), config.dueInDays),
    task_type: config.taskType,
    priority: config.priority,
  };
  if (assigneeId) data.owner_id = assigneeId;
  if (record.module === 'opportunity') data.opportunity_id = record.id;
  else if (userId(snapshot.opportunity_id)) data.opportunity_id = snapshot.opportunity_id;
  if (record.module === 'account') data.account_id = record.id;
  else if (userId(snapshot.account_id)) data.account_id = snapshot.account_id;
  const related = [...new Set(config.related)].filter((id) => id !== assigneeId);
  return { data, assigneeId, related, title };
}

const assignedText = (locale: Locale, title: string) => render(locale, 'step.task_assigned', { title });
const relatedText = (locale: Locale, title: string) => render(locale, 'step.task_related', { title });

/** Notifies the assignee and the related users who are active, each in their own language. */
async function notifyPeople(
  ctx: RunContext<CreateTaskConfig>,
  plan: TaskPlan,
  taskId: string,
): Promise<number> {
  const ids = [...(plan.assigneeId ? [plan.assigneeId] : []), ...plan.related];
  if (ids.length === 0) return 0;
  const people = await ctx.db
    .select({ id: users.id, locale: users.locale, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, ctx.org.id), inArray(users.id, ids)));
  const link = `/records/task/${taskId}`;
  const drafts = people
    .filter((person) => person.active)
    .map((person) => {
      const locale: Locale =
        person.locale === 'en' || person.locale === 'vi' ? person.locale : ctx.org.locale;
      const message =
        person.id === plan.assigneeId ? assignedText(locale, plan.title) : relatedText(locale, plan.title);
      return { userId: person.id, message, link };
    });
  return engineTransaction(ctx.db, (tx) =>
    insertNotifications({
      db: tx,
      boss: ctx.boss,
      orgId: ctx.org.id,
      runId: ctx.run.id,
      nodeId: ctx.node.id,
      drafts,
    }),
  );
}

/** The step's result once the task is also sent to the work app (a failure there may be retried). */
async function workAppResult(args: {
  ctx: RunContext<CreateTaskConfig>;
  sync: TaskWorkAppSync;
  plan: TaskPlan;
  taskId: string;
  output: Record<string, unknown>;
}): Promise<ExecutorResult> {
  const { ctx, plan } = args;
  const synced = await syncTaskToWorkApp({
    scope: ctx,
    sync: args.sync,
    task: {
      id: args.taskId,
      title: plan.title,
      description: String(plan.data.description ?? ''),
      dueDate: typeof plan.data.due_date === 'string' ? plan.data.due_date : null,
      assigneeId: plan.assigneeId,
    },
  });
  if (!synced.ok) return setupFailure({ scope: ctx, code: synced.code, text: synced.message });
  return stepResultOf({
    scope: ctx,
    channel: 'workapp',
    reports: [synced.report],
    output: { ...args.output, workApp: synced.link },
  });
}

/**
 * Giao nhiệm vụ: a record of the `task` module, created through the record store (so workflows
 * on tasks fire for it too), at most once per (run, node), then notifications to the assignee
 * and the related users.
 */
export const createTaskExecutor = defineExecutor({
  schema: CreateTaskConfig,
  async run(ctx) {
    const plan = await planTask(ctx, ctx.config);
    const rendered = await renderTaskFile(ctx);
    if (!rendered.ok) {
      const what = text('step.template_print');
      return stepFailure({ scope: ctx, code: 'template_missing', text: templateMissing(what, rendered.id) });
    }
    const file = rendered.file;
    let taskId: string;
    try {
      const effect = await applyOnce({
        db: ctx.db,
        effect: { orgId: ctx.org.id, runId: ctx.run.id, nodeId: ctx.node.id, key: 'task' },
        result: TaskEffect,
        apply: async (tx) => {
          const row = await createRecord({
            ...workflowWrite(ctx, { module: 'task', db: tx }),
            data: plan.data,
          });
          if (file) {
            await tx.insert(recordFiles).values({
              orgId: ctx.org.id,
              recordId: row.id,
              name: file.name,
              contentType: file.contentType,
              size: file.content.length,
              content: file.content,
            });
          }
          return { taskId: row.id };
        },
      });
      taskId = effect.result.taskId;
    } catch (error) {
      return recordWriteFailure(ctx, error);
    }
    const notified = await notifyPeople(ctx, plan, taskId);
    const output = {
      taskId,
      title: plan.title,
      assigneeId: plan.assigneeId,
      related: plan.related,
      notified,
      attachments: file
        ? [{ name: file.name, contentType: file.contentType, size: file.content.length }]
        : [],
    };
    if (!ctx.config.workApp) return { status: 'succeeded', output };
    return workAppResult({ ctx, sync: ctx.config.workApp, plan, taskId, output });
  },
  async preview(ctx) {
    const plan = await planTask(ctx, ctx.config);
    const ids = [...(plan.assigneeId ? [plan.assigneeId] : []), ...plan.related];
    const people =
      ids.length === 0
        ? []
        : await ctx.db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(and(eq(users.orgId, ctx.org.id), inArray(users.id, ids)));
    const name = (id: string | null) => people.find((person) => person.id === id)?.name ?? id;
    return {
      status: 'would_run',
      reason: render(ctx.org.locale, 'step.would_create_task', { title: plan.title }),
      preview: {
        title: plan.title,
        description: plan.data.description,
        dueDate: plan.data.due_date,
        taskType: plan.data.task_type,
        priority: plan.data.priority,
        assignee: plan.assigneeId ? { id: plan.assigneeId, name: name(plan.assigneeId) } : null,
        related: plan.related.map((id) => ({ id, name: name(id) })),
      },
    };
  },
});
