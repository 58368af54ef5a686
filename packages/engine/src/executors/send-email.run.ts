import { text as messageText, render, SendEmailConfig } from '@crmflow/flow';
import type { OutboxRow } from '../outbox/deliver-once.ts';
import type { EmailAttachment, EmailProvider } from '../providers/provider-types.ts';
import { defineExecutor, type ExecutionScope, type RunContext } from './executor.ts';
import { type MergeSource, mergeText } from './messaging/merge-source.ts';
import {
  type OutgoingMessage,
  type Planned,
  previewPlanned,
  sendPlanned,
} from './messaging/message-delivery.ts';
import { printFileName, renderPrintDocument } from './messaging/print-render.ts';
import { type ResolvedRecipients, resolveRecipients } from './messaging/recipients.ts';
import {
  emailTemplateOf,
  mergeSourceOf,
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

/** What the step would send: texts rendered (values escaped in the HTML), recipients resolved. */
async function planEmail(scope: ExecutionScope, config: SendEmailConfig): Promise<Planned<EmailPlan>> {
  const source = await mergeSourceOf(scope, config.to.users);
  let subject = config.subject;
  let body = config.body;
  if (config.templateId) {
    const template = await emailTemplateOf({ scope, id: config.templateId });
    if (!template) {
      const text = templateMissing(messageText('step.template_email'), config.templateId);
      return { ok: false, code: 'template_missing', text };
    }
    subject = template.subject;
    body = template.body;
  }
  let attachment: EmailPlan['attachment'] = null;
  if (config.attachment) {
    const template = await printTemplateOf({ scope, id: config.attachment.printTemplateId });
    if (!template) {
      const what = messageText('step.template_print');
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
 * The files an outbox row keeps (names in `attachments`, bytes in `payload.attachmentData`), or
 * null when it keeps none or they do not read back whole.
 */
export function storedAttachments(row: Pick<OutboxRow, 'attachments' | 'payload'>): EmailAttachment[] | null {
  const data: unknown = row.payload.attachmentData;
  if (!Array.isArray(data) || data.length !== row.attachments.length || data.length === 0) return null;
  const files: EmailAttachment[] = [];
  for (const [index, described] of row.attachments.entries()) {
    const bytes: unknown = data[index];
    if (typeof bytes !== 'string') return null;
    files.push({
      filename: described.name,
      contentType: described.contentType,
      content: Buffer.from(bytes, 'base64'),
    });
  }
  return files;
}

/**
 * One email per address, the print attachment rendered once for all of them (and only when
 * someone gets it); the outbox row keeps the files too, and a resend of that row (a retried
 * step, a lapsed claim) sends the files it kept, byte for byte, whichever provider sends it.
 */
async function emailMessage(args: {
  scope: RunContext<SendEmailConfig>;
  plan: EmailPlan;
  provider: EmailProvider;
}): Promise<OutgoingMessage> {
  const { scope, plan, provider } = args;
  const attachments = plan.recipients.destinations.length === 0 ? [] : await renderAttachment(scope, plan);
  const files = attachments.map((a) => ({
    name: a.filename,
    contentType: a.contentType,
    size: a.content.length,
  }));
  return {
    delivery: ({ to, idempotencyKey }) => ({
      subject: plan.subject,
      body: plan.html,
      attachments: files,
      // The files themselves, so any process can serve them from the outbox later.
      payload: { attachmentData: attachments.map((a) => a.content.toString('base64')) },
      leaseMs: provider.leaseMs,
      send: (hooks, claimed) =>
        provider.send(
          {
            idempotencyKey,
            to: [to],
            subject: plan.subject,
            html: plan.html,
            attachments: storedAttachments(claimed) ?? attachments,
          },
          hooks,
        ),
    }),
    output: { subject: plan.subject, attachments: files },
  };
}

/**
 * Gửi Email thông báo: one email per recipient, each delivered at most once per (run, node,
 * address) through the outbox, so a retried or redelivered step never mails anyone twice.
 */
export const sendEmailExecutor = defineExecutor({
  schema: SendEmailConfig,
  run: (ctx) => sendPlanned(ctx, { channel: 'email', plan: planEmail, message: emailMessage }),
  async preview(ctx) {
    const locale = ctx.org.locale;
    const shown = await previewPlanned(ctx, { channel: 'email', plan: planEmail });
    if (!shown.ok) return shown.result;
    const { plan, provider, to, unreachable } = shown.planned;
    const preview = {
      provider,
      subject: plan.subject,
      html: plan.html,
      to,
      unreachable,
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
      const reason = render(locale, 'step.no_email_recipient');
      return { status: 'skipped', reason, preview };
    }
    const reason = render(locale, 'step.would_email', { subject: plan.subject, to: to.join(', ') });
    return { status: 'would_run', reason, preview };
  },
});
