import { SendSmsConfig } from '@crmflow/flow';
import { type Message, smsSegments } from '@crmflow/flow/messaging';
import { deliverOnce } from '../outbox/deliver-once.ts';
import { defineExecutor, type ExecutionScope } from './executor.ts';
import { reportOf, setupFailure, stepResultOf, unreachableReports } from './messaging/delivery-outcome.ts';
import { mergeText } from './messaging/merge-source.ts';
import { chooseProvider } from './messaging/message-provider.ts';
import { messagingSettings } from './messaging/messaging-settings.ts';
import { previewProvider } from './messaging/provider-preview.ts';
import { type ResolvedRecipients, resolveRecipients } from './messaging/recipients.ts';
import { mergeSourceOf, messageKey, smsTemplateOf, templateMissing } from './messaging/step-sources.ts';

type SmsPlan = { text: string; recipients: ResolvedRecipients; sms: ReturnType<typeof smsSegments> };

type Planned = { ok: true; plan: SmsPlan } | { ok: false; code: string; text: Message };

const emptyText: Message = {
  vi: 'Nội dung SMS trống sau khi trộn trường: không gửi.',
  en: 'The SMS is empty once its merge fields are filled: not sent.',
};

/** The text (template or typed, merge fields filled), its billing, and the numbers it goes to. */
async function planSms(scope: ExecutionScope, config: SendSmsConfig): Promise<Planned> {
  const source = await mergeSourceOf(scope, config.to.users);
  let body = config.text;
  if (config.templateId) {
    const template = await smsTemplateOf({ scope, id: config.templateId });
    if (!template) {
      const text = templateMissing({ vi: 'mẫu SMS', en: 'SMS template' }, config.templateId);
      return { ok: false, code: 'template_missing', text };
    }
    body = template.body;
  }
  const text = mergeText({ source, text: body, html: false }).normalize('NFC').trim();
  if (text === '') return { ok: false, code: 'message_empty', text: emptyText };
  return {
    ok: true,
    plan: {
      text,
      sms: smsSegments(text),
      recipients: resolveRecipients({ source, channel: 'phone', to: config.to }),
    },
  };
}

const billing = (sms: SmsPlan['sms']) => ({
  length: sms.length,
  segments: sms.segments,
  encoding: sms.encoding,
});

/**
 * Gửi SMS: one brandname SMS per mobile number (phone fields and users, normalised to +84),
 * each at most once per (run, node, number); numbers that cannot take an SMS are reported.
 */
export const sendSmsExecutor = defineExecutor({
  schema: SendSmsConfig,
  async run(ctx) {
    const planned = await planSms(ctx, ctx.config);
    if (!planned.ok) return setupFailure({ scope: ctx, code: planned.code, text: planned.text });
    const { plan } = planned;
    const settings = messagingSettings();
    const chosen = await chooseProvider({
      db: ctx.db,
      orgId: ctx.org.id,
      kind: 'sms',
      ref: ctx.config.provider,
      secretKey: settings.secretKey,
      env: settings.env,
    });
    if (!chosen.ok) return setupFailure({ scope: ctx, code: chosen.code, text: chosen.message });
    if (chosen.handle.kind !== 'sms') throw new Error(`Provider ${chosen.providerId} is not an SMS provider`);
    const { provider } = chosen.handle;
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
        channel: 'sms',
        providerId: chosen.providerId,
        recipient: destination.to,
        body: plan.text,
        payload: billing(plan.sms),
        runId: ctx.run.id,
        nodeId: ctx.node.id,
        send: () => provider.send({ idempotencyKey, to: destination.to, text: plan.text }),
      });
      reports.push(reportOf(destination, delivered));
    }
    return stepResultOf({
      scope: ctx,
      reports: [...reports, ...unreachableReports(plan.recipients.unreachable, ctx.org.locale)],
      output: {
        provider: { id: chosen.providerId, adapter: chosen.handle.adapter },
        text: plan.text,
        ...billing(plan.sms),
      },
    });
  },
  async preview(ctx) {
    const locale = ctx.org.locale;
    const planned = await planSms(ctx, ctx.config);
    if (!planned.ok) return { status: 'error', reason: planned.text[locale] };
    const { plan } = planned;
    const chosen = await previewProvider({ scope: ctx, kind: 'sms', ref: ctx.config.provider });
    if (!chosen.ok) return { status: 'error', reason: chosen.reason };
    const to = plan.recipients.destinations.map((d) => d.to);
    const preview = {
      provider: chosen.provider,
      text: plan.text,
      ...billing(plan.sms),
      to,
      unreachable: unreachableReports(plan.recipients.unreachable, locale),
    };
    if (to.length === 0) {
      const reason = locale === 'en' ? 'No valid mobile number to text' : 'Không có số di động hợp lệ để gửi';
      return { status: 'skipped', reason, preview };
    }
    const count = `${plan.sms.segments} SMS`;
    const reason =
      locale === 'en'
        ? `Would text ${to.join(', ')} (${count} each, ${plan.sms.encoding})`
        : `Sẽ gửi SMS tới ${to.join(', ')} (mỗi số ${count}, ${plan.sms.encoding})`;
    return { status: 'would_run', reason, preview };
  },
});
