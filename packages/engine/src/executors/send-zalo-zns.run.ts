import { SendZaloZnsConfig, type ZnsParamMapping } from '@crmflow/flow';
import { checkZnsParams, type Message, type ZnsParam } from '@crmflow/flow/messaging';
import { deliverOnce } from '../outbox/deliver-once.ts';
import { defineExecutor, type ExecutionScope } from './executor.ts';
import { reportOf, setupFailure, stepResultOf, unreachableReports } from './messaging/delivery-outcome.ts';
import { type MergeSource, mergeText } from './messaging/merge-source.ts';
import { chooseProvider } from './messaging/message-provider.ts';
import { messagingSettings } from './messaging/messaging-settings.ts';
import { previewProvider } from './messaging/provider-preview.ts';
import { type ResolvedRecipients, resolveRecipients } from './messaging/recipients.ts';
import { mergeSourceOf, messageKey, templateMissing, znsTemplateOf } from './messaging/step-sources.ts';

type ZnsPlan = {
  templateName: string;
  providerTemplateId: string;
  params: Record<string, string>;
  recipients: ResolvedRecipients;
};

type Planned = { ok: true; plan: ZnsPlan } | { ok: false; code: string; text: Message };

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

async function planZns(scope: ExecutionScope, config: SendZaloZnsConfig): Promise<Planned> {
  const template = await znsTemplateOf({ scope, id: config.templateId });
  if (!template) {
    const text = templateMissing({ vi: 'mẫu ZNS', en: 'ZNS template' }, config.templateId);
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
      text: {
        vi: `Tham số ZNS không hợp lệ với bản ghi này: ${join('vi')}`,
        en: `The ZNS params do not fit this record: ${join('en')}`,
      },
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

/**
 * Gửi Zalo ZNS: the approved template with its params filled from the record and checked
 * against their types and lengths, to each mobile number at most once per (run, node, number).
 */
export const sendZaloZnsExecutor = defineExecutor({
  schema: SendZaloZnsConfig,
  async run(ctx) {
    const planned = await planZns(ctx, ctx.config);
    if (!planned.ok) return setupFailure({ scope: ctx, code: planned.code, text: planned.text });
    const { plan } = planned;
    const settings = messagingSettings();
    const chosen = await chooseProvider({
      db: ctx.db,
      orgId: ctx.org.id,
      kind: 'zns',
      ref: ctx.config.provider,
      secretKey: settings.secretKey,
      env: settings.env,
    });
    if (!chosen.ok) return setupFailure({ scope: ctx, code: chosen.code, text: chosen.message });
    if (chosen.handle.kind !== 'zns') throw new Error(`Provider ${chosen.providerId} is not a ZNS provider`);
    const { provider } = chosen.handle;
    const reports = [];
    for (const destination of plan.recipients.destinations) {
      const idempotencyKey = messageKey({
        runId: ctx.run.id,
        nodeId: ctx.node.id,
        recipient: destination.to,
      });
      const message = {
        idempotencyKey,
        to: destination.to,
        templateId: plan.providerTemplateId,
        params: plan.params,
      };
      const delivered = await deliverOnce({
        db: ctx.db,
        orgId: ctx.org.id,
        idempotencyKey,
        channel: 'zns',
        providerId: chosen.providerId,
        recipient: destination.to,
        subject: plan.templateName,
        body: JSON.stringify(plan.params),
        payload: { templateId: plan.providerTemplateId, params: plan.params },
        runId: ctx.run.id,
        nodeId: ctx.node.id,
        send: () => provider.send(message),
      });
      reports.push(reportOf(destination, delivered));
    }
    return stepResultOf({
      scope: ctx,
      reports: [...reports, ...unreachableReports(plan.recipients.unreachable, ctx.org.locale)],
      output: {
        provider: { id: chosen.providerId, adapter: chosen.handle.adapter },
        templateId: plan.providerTemplateId,
        params: plan.params,
      },
    });
  },
  async preview(ctx) {
    const locale = ctx.org.locale;
    const planned = await planZns(ctx, ctx.config);
    if (!planned.ok) return { status: 'error', reason: planned.text[locale] };
    const { plan } = planned;
    const chosen = await previewProvider({ scope: ctx, kind: 'zns', ref: ctx.config.provider });
    if (!chosen.ok) return { status: 'error', reason: chosen.reason };
    const to = plan.recipients.destinations.map((d) => d.to);
    const preview = {
      provider: chosen.provider,
      template: { name: plan.templateName, providerTemplateId: plan.providerTemplateId },
      params: plan.params,
      to,
      unreachable: unreachableReports(plan.recipients.unreachable, locale),
    };
    if (to.length === 0) {
      const reason = locale === 'en' ? 'No valid mobile number' : 'Không có số di động hợp lệ';
      return { status: 'skipped', reason, preview };
    }
    const reason =
      locale === 'en'
        ? `Would send ZNS "${plan.templateName}" to ${to.join(', ')}`
        : `Sẽ gửi ZNS "${plan.templateName}" tới ${to.join(', ')}`;
    return { status: 'would_run', reason, preview };
  },
});
