import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import { isPrivateAddress } from '../messaging/private-address.ts';
import type { ConfigIssue, ValidationContext } from '../validate/validation-error.ts';
import { checkKnownId, requiredIssue } from './checks/field-checks.ts';
import { noProviderIssue } from './checks/provider-checks.ts';
import { ActionName } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';

/**
 * A signed HTTP POST of the record to another system. `secretRef` names a secret kept by the
 * server (never the secret itself, which must not reach the browser).
 */
export const WebhookConfig = z.object({
  name: ActionName,
  url: z.string().max(2000),
  secretRef: z.string().max(200).optional(),
  timeoutMs: z.number().int().min(1000).max(30_000).default(10_000),
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;

/**
 * Hosts that are plainly not public. Names that resolve to private addresses are refused by the
 * engine when it connects; this only catches what can be seen when the flow is saved.
 */
function isPlainlyPrivate(hostname: string): boolean {
  // A trailing dot names the same host (`localhost.`); /etc/hosts spells IPv6 loopback by name.
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) return true;
  if (host === 'ip6-localhost' || host === 'ip6-loopback' || host === 'localhost6') return true;
  return /^[\d.]+$/.test(host) || host.includes(':') ? isPrivateAddress(host) : false;
}

function checkUrl(url: string, allowPrivate: boolean): ConfigIssue[] {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    return [
      {
        path: ['url'],
        code: 'value_invalid',
        message: text('config.url_invalid', { url }),
      },
    ];
  }
  if (!allowPrivate && isPlainlyPrivate(parsed.hostname)) {
    return [
      {
        path: ['url'],
        code: 'value_invalid',
        message: text('config.url_private', { host: parsed.hostname }),
      },
    ];
  }
  return [];
}

/**
 * The endpoint the step signs with (the one it names, else the default) must exist, and the step
 * needs a URL: its own, or the endpoint's. Endpoints are checked only when the list is known.
 */
function checkWebhook(config: WebhookConfig, context: ValidationContext): ConfigIssue[] {
  const endpoints = context.webhookEndpoints;
  const ref = config.secretRef ?? '';
  const endpoint = endpoints?.find((item) => (ref === '' ? item.isDefault : item.id === ref));
  const issues: ConfigIssue[] = [];
  if (endpoints && !endpoint) {
    issues.push(
      ...(ref === ''
        ? [noProviderIssue(['secretRef'])]
        : checkKnownId({ known: [], id: ref, path: ['secretRef'], code: 'provider_unknown' })),
    );
  }
  const url = config.url.trim();
  if (url === '') {
    if (!endpoint?.url) issues.push(requiredIssue(['url']));
    return issues;
  }
  return [...issues, ...checkUrl(url, context.allowPrivateWebhooks ?? false)];
}

export const webhookNode = defineNode({
  type: 'webhook',
  category: 'action',
  labelVi: 'Webhook',
  labelEn: 'Webhook',
  descriptionVi: 'Gửi dữ liệu bản ghi tới hệ thống khác qua HTTP POST có chữ ký.',
  descriptionEn: 'Posts the record to another system over HTTP, signed.',
  icon: 'webhook',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: WebhookConfig,
  version: 1,
  form: {
    widgets: [
      nameWidget,
      {
        widget: 'text',
        key: 'url',
        inputType: 'url',
        placeholder: 'https://',
        label: 'form.webhook.url',
        hint: 'form.webhook.url_hint',
      },
      {
        widget: 'provider',
        key: 'secretRef',
        kind: 'webhook',
        label: 'form.webhook.endpoint',
        defaultLabel: 'form.webhook.default_endpoint',
      },
      { widget: 'number', key: 'timeoutMs', label: 'form.webhook.timeout', min: 1000, max: 30_000 },
    ],
  },
  labels: {
    name: text('label.step_name'),
    url: text('label.webhook.url'),
    secretRef: { ...text('label.webhook.endpoint'), pick: true },
    timeoutMs: text('label.webhook.timeout'),
  },
  defaults: (): WebhookConfig => ({ name: 'Webhook', url: '', timeoutMs: 10_000 }),
  summary: ({ config, locale }) =>
    config.url ? `POST ${config.url}` : render(locale, 'summary.webhook_endpoint'),
  mergeFieldTexts: () => [],
  checkConfig: ({ config, context }) => checkWebhook(config, context),
});
