import { NotifyConfig } from '@crmflow/flow';
import { engineTransaction } from '../runtime/engine-transaction.ts';
import { defineExecutor } from './executor.ts';
import { mergeContext } from './merge-context.ts';
import { insertNotifications } from './notifications.ts';
import { resolveUserRecipients } from './user-recipients.ts';

const nobody = {
  vi: 'Không có người nhận đang hoạt động: không gửi thông báo nào.',
  en: 'No active recipient: no notification sent.',
};

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
        orgId: ctx.org.id,
        runId: ctx.run.id,
        nodeId: ctx.node.id,
        drafts: recipients.map((recipient) => ({ userId: recipient.id, message, link })),
      }),
    );
    return { status: 'succeeded', output: { message, recipients: recipients.map((r) => r.id), inserted } };
  },
  async preview(ctx) {
    const recipients = await resolveUserRecipients(ctx, ctx.config.to);
    const merge = await mergeContext(ctx, [ctx.config.message]);
    const message = merge.render(ctx.config.message);
    if (recipients.length === 0)
      return { status: 'skipped', reason: nobody[ctx.org.locale], preview: { message } };
    const names = recipients.map((r) => r.name).join(', ');
    return {
      status: 'would_run',
      reason: ctx.org.locale === 'en' ? `Would notify ${names}` : `Sẽ gửi thông báo tới ${names}`,
      preview: { message, recipients: recipients.map((r) => ({ id: r.id, name: r.name })) },
    };
  },
});
