import { SendEmailConfig } from '@crmflow/flow';
import type { Message } from '@crmflow/flow/messaging';
import { deliverOnce } from '../outbox/deliver-once.ts';
import type { EmailAttachment } from '../providers/provider-types.ts';
import { defineExecutor, type ExecutionScope, type RunContext } from './executor.ts';
import { reportOf, setupFailure, stepResultOf, unreachableReports } from './messaging/delivery-outcome.ts';
import { type MergeSource, mergeText } from './messaging/merge-source.ts';
import { chooseProvider, SYSTEM_EMAIL_PROVIDER } from './messaging/message-provider.ts';
import { messagingSettings } from './messaging/messaging-settings.ts';
import { printFileName, renderPrintDocument } from './messaging/print-render.ts';
import { previewProvider } from './messaging/provider-preview.ts';
import { type ResolvedRecipients, resolveRecipients } from './messaging/recipients.ts';
import {
  emailTemplateOf,
  mergeSourceOf,
  messageKey,
  printTemplateOf,
  templateMissing,
} from './messaging/step-sources.ts';

type PrintTemplateRow = NonNullable<Awaited<ReturnType<typeof printTemplateOf>>>;

type EmailPlan = {
  source: MergeSource;
  subject: string;
  html: string;
  recipients: ResolvedRecipients;
  attachment: { template: PrintTemplateRow; format: 'pdf' | 'original' } | null;
};

type Planned = { ok: true; plan: EmailPlan } | { ok: false; code: string; text: Message };

const attachmentRefused: Message = {
  vi: 'Chỉ Email hệ thống mới đính kèm được tệp in.',
  en: 'Only the system email provider can attach a print template.',
};

/** What the step would send: texts rendered (values escaped in the HTML), recipients resolved. */
async function planEmail(scope: ExecutionScope, config: SendEmailConfig): Promise<Planned> {
  const source = await mergeSourceOf(scope, config.to.users);
  let subject = config.subject;
  let body = config.body;
  if (config.templateId) {
    const template = await emailTemplateOf({ scope, id: config.templateId });
    if (!template) {
      const text = templateMissing({ vi: 'mẫu email', en: 'email template' }, config.templateId);
      return { ok: false, code: 'template_missing', text };
    }
    subject = template.subject;
    body = template.body;
  }
  let attachment: EmailPlan['attachment'] = null;
  if (config.attachment) {
    if (config.provider !== SYSTEM_EMAIL_PROVIDER)
      return { ok: false, code: 'attachment_not_supported', text: attachmentRefused };
    const template = await printTemplateOf({ scope, id: config.attachment.printTemplateId });
    if (!template) {
      const what = { vi: 'mẫu in', en: 'print template' };
      return {
        ok: false,
        code: 'template_missing',
        text: templateMissing(what, config.attachment.printTemplateId),
      };
    }
    attachment = { template, format: config.attachment.format };
  }
  return {
    ok: true,
    plan: {
      source,
      // A header is one line, whatever the field values held.
      subject: mergeText({ source, text: subject, html: false }).replace(/\s+/g, ' ').trim(),
      html: mergeText({ source, text: body, html: true }),
      recipients: resolveRecipients({ source, channel: 'email', to: config.to }),
      attachment,
    },
  };
}

async function renderAttachment(
  ctx: RunContext<SendEmailConfig>,
  plan: EmailPlan,
): Promise<EmailAttachment[]> {
  if (!plan.attachment) return [];
  const { template, format } = plan.attachment;
  return [
    await renderPrintDocument({ db: ctx.db, orgId: ctx.org.id, source: plan.source, template, format }),
  ];
}

/**
 * Gửi Email thông báo: one email per recipient, each delivered at most once per (run, node,
 * address) through the outbox, so a retried or redelivered step never mails anyone twice.
 */
export const sendEmailExecutor = defineExecutor({
  schema: SendEmailConfig,
  async run(ctx) {
    const planned = await planEmail(ctx, ctx.config);
    if (!planned.ok) return setupFailure({ scope: ctx, code: planned.code, text: planned.text });
    const { plan } = planned;
    const settings = messagingSettings();
    const chosen = await chooseProvider({
      db: ctx.db,
      orgId: ctx.org.id,
      kind: 'email',
      ref: ctx.config.provider,
      secretKey: settings.secretKey,
      env: settings.env,
    });
    if (!chosen.ok) return setupFailure({ scope: ctx, code: chosen.code, text: chosen.message });
    if (chosen.handle.kind !== 'email')
      throw new Error(`Provider ${chosen.providerId} is not an email provider`);
    const { provider } = chosen.handle;
    const attachments = plan.recipients.destinations.length === 0 ? [] : await renderAttachment(ctx, plan);
    const reports = [];
    for (const destination of plan.recipients.destinations) {
      const idempotencyKey = messageKey({
        runId: ctx.run.id,
        nodeId: ctx.node.id,
        recipient: destination.to,
      });
      const delivered = await deliverOnce({
        db: ctx.db,
        orgId: ctx.org.id,
        idempotencyKey,
        channel: 'email',
        providerId: chosen.providerId,
        recipient: destination.to,
        subject: plan.subject,
        body: plan.html,
        attachments: attachments.map((a) => ({
          name: a.filename,
          contentType: a.contentType,
          size: a.content.length,
        })),
        // The files themselves, so any process can serve them from the outbox later.
        payload: { attachmentData: attachments.map((a) => a.content.toString('base64')) },
        runId: ctx.run.id,
        nodeId: ctx.node.id,
        leaseMs: provider.leaseMs,
        send: (hooks) =>
          provider.send(
            {
              idempotencyKey,
              to: [destination.to],
              subject: plan.subject,
              html: plan.html,
              attachments,
            },
            hooks,
          ),
      });
      reports.push(reportOf(destination, delivered));
    }
    return stepResultOf({
      scope: ctx,
      reports: [...reports, ...unreachableReports(plan.recipients.unreachable, ctx.org.locale)],
      output: {
        provider: { id: chosen.providerId, adapter: chosen.handle.adapter },
        subject: plan.subject,
        attachments: attachments.map((a) => ({
          name: a.filename,
          contentType: a.contentType,
          size: a.content.length,
        })),
      },
    });
  },
  async preview(ctx) {
    const locale = ctx.org.locale;
    const planned = await planEmail(ctx, ctx.config);
    if (!planned.ok) return { status: 'error', reason: planned.text[locale] };
    const { plan } = planned;
    const chosen = await previewProvider({ scope: ctx, kind: 'email', ref: ctx.config.provider });
    if (!chosen.ok) return { status: 'error', reason: chosen.reason };
    const to = plan.recipients.destinations.map((d) => d.to);
    const preview = {
      provider: chosen.provider,
      subject: plan.subject,
      html: plan.html,
      to,
      unreachable: unreachableReports(plan.recipients.unreachable, locale),
      attachment: plan.attachment && {
        name: printFileName({
          templateName: plan.attachment.template.name,
          recordTitle: mergeText({
            source: plan.source,
            text: `#${plan.source.module.titleField}`,
            html: false,
          }),
          format: plan.attachment.format,
        }),
        format: plan.attachment.format,
      },
    };
    if (to.length === 0) {
      const reason =
        locale === 'en' ? 'No recipient with an email address' : 'Không có người nhận có địa chỉ email';
      return { status: 'skipped', reason, preview };
    }
    const reason =
      locale === 'en'
        ? `Would email "${plan.subject}" to ${to.join(', ')}`
        : `Sẽ gửi email "${plan.subject}" tới ${to.join(', ')}`;
    return { status: 'would_run', reason, preview };
  },
});
