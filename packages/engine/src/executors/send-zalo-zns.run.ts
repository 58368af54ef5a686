import { text as messageText, render, SendZaloZnsConfig, type ZnsParamMapping } from '@crmflow/flow';
import { checkZnsParams, type ZnsParam } from '@crmflow/flow/messaging';
import type { ZnsProvider } from '../providers/provider-types.ts';
import { defineExecutor, type ExecutionScope } from './executor.ts';
import { type MergeSource, mergeText } from './messaging/merge-source.ts';
import {
  type OutgoingMessage,
  type Planned,
  previewPlanned,
  sendPlanned,
} from './messaging/message-delivery.ts';
import { type ResolvedRecipients, resolveRecipients } from './messaging/recipients.ts';
import { mergeSourceOf, templateMissing, znsTemplateOf } from './messaging/step-sources.ts';

type ZnsPlan = {
  templateName: string;
  providerTemplateId: string;
  params: Record<string, string>;
  recipients: ResolvedRecipients;
};

function rawAt(source: MergeSource, path: string): unknown {
  const [head = '', tail] = path.split('.');
  return tail === undefined ? source.record[head] : source.related[head]?.[tail];
}

/**
 * A param's value as the check expects it: numbers and money as stored (the check makes them
 * plain digits), dates as `dd/MM/yyyy`, text as people read the field (labels, names, titles).
 */
function paramValue(args: {
  source: MergeSource;
  mapping: ZnsParamMapping;
  param: ZnsParam | undefined;
}): unknown {
  const { source, mapping, param } = args;
  if ('value' in mapping) return mergeText({ source, text: mapping.value, html: false });
  if (param?.type === 'number' || param?.type === 'money') return rawAt(source, mapping.field);
  const shown = mergeText({ source, text: `#${mapping.field}`, html: false });
  // A datetime reads `dd/MM/yyyy HH:mm`; a date param takes its day.
  return param?.type === 'date' ? shown.split(' ')[0] : shown;
}

async function planZns(scope: ExecutionScope, config: SendZaloZnsConfig): Promise<Planned<ZnsPlan>> {
  const template = await znsTemplateOf({ scope, id: config.templateId });
  if (!template) {
    const text = templateMissing(messageText('step.template_zns'), config.templateId);
    return { ok: false, code: 'template_missing', text };
  }
  const source = await mergeSourceOf(scope, config.to.users);
  const values = Object.fromEntries(
    config.params.map((mapping) => {
      const param = template.params.find((candidate) => candidate.key === mapping.param);
      return [mapping.param, paramValue({ source, mapping, param })];
    }),
  );
  const checked = checkZnsParams({ params: template.params, values });
  if (!checked.ok) {
    const join = (locale: 'vi' | 'en') => checked.problems.map((p) => p.message[locale]).join('; ');
    return {
      ok: false,
      code: 'zns_params_invalid',
      text: messageText('step.zns_params_invalid', { problems: { vi: join('vi'), en: join('en') } }),
    };
  }
  return {
    ok: true,
    plan: {
      templateName: template.name,
      providerTemplateId: template.providerTemplateId,
      params: checked.values,
      recipients: resolveRecipients({ source, channel: 'phone', to: config.to }),
    },
  };
}

/** The approved template and its params to each number; the outbox row keeps both. */
function znsMessage({ plan, provider }: { plan: ZnsPlan; provider: ZnsProvider }): OutgoingMessage {
  const { providerTemplateId: templateId, params } = plan;
  return {
    delivery: ({ to, idempotencyKey }) => ({
      subject: plan.templateName,
      body: JSON.stringify(params),
      payload: { templateId, params },
      send: () => provider.send({ idempotencyKey, to, templateId, params }),
    }),
    output: { templateName: plan.templateName, templateId, params },
  };
}

/**
 * Gửi Zalo ZNS: the approved template with its params filled from the record and checked
 * against their types and lengths, to each mobile number at most once per (run, node, number).
 */
export const sendZaloZnsExecutor = defineExecutor({
  schema: SendZaloZnsConfig,
  run: (ctx) => sendPlanned(ctx, { channel: 'zns', plan: planZns, message: znsMessage }),
  async preview(ctx) {
    const locale = ctx.org.locale;
    const shown = await previewPlanned(ctx, { channel: 'zns', plan: planZns });
    if (!shown.ok) return shown.result;
    const { plan, provider, to, unreachable } = shown.planned;
    const preview = {
      provider,
      template: { name: plan.templateName, providerTemplateId: plan.providerTemplateId },
      params: plan.params,
      to,
      unreachable,
    };
    if (to.length === 0) {
      const reason = render(locale, 'step.no_mobile');
      return { status: 'skipped', reason, preview };
    }
    const reason = render(locale, 'step.would_send_zns', { template: plan.templateName, to: to.join(', ') });
    return { status: 'would_run', reason, preview };
  },
});
