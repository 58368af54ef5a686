import { text as messageText, render, SendSmsConfig } from '@crmflow/flow';
import { smsSegments } from '@crmflow/flow/messaging';
import type { SmsProvider } from '../providers/provider-types.ts';
import { defineExecutor, type ExecutionScope } from './executor.ts';
import { mergeText } from './messaging/merge-source.ts';
import {
  type OutgoingMessage,
  type Planned,
  previewPlanned,
  sendPlanned,
} from './messaging/message-delivery.ts';
import { type ResolvedRecipients, resolveRecipients } from './messaging/recipients.ts';
import { mergeSourceOf, smsTemplateOf, templateMissing } from './messaging/step-sources.ts';

type SmsPlan = { text: string; recipients: ResolvedRecipients; sms: ReturnType<typeof smsSegments> };

const emptyText = messageText('step.sms_empty');

/** The text (template or typed, merge fields filled), its billing, and the numbers it goes to. */
async function planSms(scope: ExecutionScope, config: SendSmsConfig): Promise<Planned<SmsPlan>> {
  const source = await mergeSourceOf(scope, config.to.users);
  let body = config.text;
  if (config.templateId) {
    const template = await smsTemplateOf({ scope, id: config.templateId });
    if (!template) {
      const text = templateMissing(messageText('step.template_sms'), config.templateId);
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

/** One SMS per number: the text, its billing kept on the outbox row and shown on the step. */
function smsMessage({ plan, provider }: { plan: SmsPlan; provider: SmsProvider }): OutgoingMessage {
  return {
    delivery: ({ to, idempotencyKey }) => ({
      body: plan.text,
      payload: billing(plan.sms),
      send: () => provider.send({ idempotencyKey, to, text: plan.text }),
    }),
    output: { text: plan.text, ...billing(plan.sms) },
  };
}

/**
 * Gửi SMS: one brandname SMS per mobile number (phone fields and users, normalised to +84),
 * each at most once per (run, node, number); numbers that cannot take an SMS are reported.
 */
export const sendSmsExecutor = defineExecutor({
  schema: SendSmsConfig,
  run: (ctx) => sendPlanned(ctx, { channel: 'sms', plan: planSms, message: smsMessage }),
  async preview(ctx) {
    const locale = ctx.org.locale;
    const shown = await previewPlanned(ctx, { channel: 'sms', plan: planSms });
    if (!shown.ok) return shown.result;
    const { plan, provider, to, unreachable } = shown.planned;
    const preview = { provider, text: plan.text, ...billing(plan.sms), to, unreachable };
    if (to.length === 0) {
      const reason = render(locale, 'step.no_mobile_to_text');
      return { status: 'skipped', reason, preview };
    }
    const count = `${plan.sms.segments} SMS`;
    const reason = render(locale, 'step.would_text', {
      to: to.join(', '),
      count,
      encoding: plan.sms.encoding,
    });
    return { status: 'would_run', reason, preview };
  },
});
