import type { Tx } from '@crmflow/db';
import { NotifyConfig, render, text } from '@crmflow/flow';
import { engineTransaction } from '../runtime/engine-transaction.ts';
import { defineExecutor, type ExecutorResult, type RunContext } from './executor.ts';
import { mergeContext } from './merge-context.ts';
import { insertNotifications, insertStepNotifications, type StepNotification } from './notifications.ts';
import { directRecipients, resolveDirectRecipients, resolveUserRecipients } from './user-recipients.ts';

const nobody = text('step.notify_nobody');

/**
 * Many notify steps whose recipients are on their own record: recipients read in one query,
 * every notification inserted (and announced) in one statement of the caller's transaction.
 */
async function notifyMany(tx: Tx, items: readonly RunContext<NotifyConfig>[]): Promise<ExecutorResult[]> {
  const recipients = await resolveDirectRecipients(
    tx,
    items.map((ctx) => ({ scope: ctx, to: ctx.config.to })),
  );
  const messages: string[] = [];
  const rows: StepNotification[] = [];
  for (const [index, ctx] of items.entries()) {
    const merge = await mergeContext(ctx, [ctx.config.message]);
    const message = merge.render(ctx.config.message);
    messages.push(message);
    const link = `/records/${ctx.record.module}/${ctx.record.id}`;
    for (const recipient of recipients[index] ?? [])
      rows.push({
        orgId: ctx.org.id,
        runId: ctx.run.id,
        nodeId: ctx.node.id,
        userId: recipient.id,
        message,
        link,
      });
  }
  const boss = items[0]?.boss;
  const inserted = boss ? await insertStepNotifications(tx, rows, boss) : new Map<string, number>();
  return items.map((ctx, index) => {
    const to = recipients[index] ?? [];
    if (to.length === 0) return { status: 'succeeded', output: { sent: 0, note: nobody[ctx.org.locale] } };
    return {
      status: 'succeeded',
      output: {
        message: messages[index],
        recipients: to.map((r) => r.id),
        inserted: inserted.get(`${ctx.run.id}:${ctx.node.id}`) ?? 0,
      },
    };
  });
}

/**
 * Thông báo: an in-app notification per recipient (users and user fields, each once), the
 * message rendered with merge fields; announced for live delivery when its row is inserted.
 */
export const notifyExecutor = defineExecutor({
  schema: NotifyConfig,
  async run(ctx) {
    const recipients = await resolveUserRecipients(ctx, ctx.config.to);
    if (recipients.length === 0)
      return { status: 'succeeded', output: { sent: 0, note: nobody[ctx.org.locale] } };
    const merge = await mergeContext(ctx, [ctx.config.message]);
    const message = merge.render(ctx.config.message);
    const link = `/records/${ctx.record.module}/${ctx.record.id}`;
    const inserted = await engineTransaction(ctx.db, (tx) =>
      insertNotifications({
        db: tx,
        boss: ctx.boss,
        orgId: ctx.org.id,
        runId: ctx.run.id,
        nodeId: ctx.node.id,
        drafts: recipients.map((recipient) => ({ userId: recipient.id, message, link })),
      }),
    );
    return { status: 'succeeded', output: { message, recipients: recipients.map((r) => r.id), inserted } };
  },
  batch: { accepts: (config) => directRecipients(config.to), run: notifyMany },
  async preview(ctx) {
    const recipients = await resolveUserRecipients(ctx, ctx.config.to);
    const merge = await mergeContext(ctx, [ctx.config.message]);
    const message = merge.render(ctx.config.message);
    if (recipients.length === 0)
      return { status: 'skipped', reason: nobody[ctx.org.locale], preview: { message } };
    const names = recipients.map((r) => r.name).join(', ');
    return {
      status: 'would_run',
      reason: render(ctx.org.locale, 'step.would_notify', { names }),
      preview: { message, recipients: recipients.map((r) => ({ id: r.id, name: r.name })) },
    };
  },
});
