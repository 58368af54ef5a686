import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import type { ConfigIssue } from '../validate/validation-error.ts';
import { checkKnownId, requiredIssue } from './checks/field-checks.ts';
import { checkChosenProvider } from './checks/provider-checks.ts';
import { checkRecipients, recipientLabels } from './checks/recipient-checks.ts';
import { ActionName, EntityId, Recipients } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';
import { clip, nameText, recipientsText } from './summary-text.ts';

export const SendSmsConfig = z.object({
  name: ActionName,
  /** The SMS brandname provider set up by an admin. */
  provider: z.string().max(200).default(''),
  /** Phone fields (`phone`, `contact_id.phone`) and users (their mobile number). */
  to: Recipients,
  templateId: EntityId.nullable().default(null),
  /** The message when no SMS template is chosen. */
  text: z.string().max(1600).default(''),
});
export type SendSmsConfig = z.infer<typeof SendSmsConfig>;

export const sendSmsNode = defineNode({
  type: 'send_sms',
  category: 'action',
  labelVi: 'Gửi SMS',
  labelEn: 'Send SMS',
  descriptionVi: 'Gửi tin nhắn SMS Brandname tới số điện thoại của bản ghi hoặc người dùng.',
  descriptionEn: 'Sends a brandname SMS to phone numbers of the record or to users.',
  icon: 'message-square',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: SendSmsConfig,
  version: 1,
  form: {
    widgets: [
      nameWidget,
      { widget: 'provider', key: 'provider', kind: 'sms', label: 'form.sms.provider' },
      {
        widget: 'recipients',
        key: 'to',
        fieldTypes: ['phone', 'user'],
        labels: { fields: 'form.sms.fields', users: 'form.sms.users' },
      },
      {
        widget: 'template',
        key: 'templateId',
        kind: 'sms',
        label: 'form.sms.template',
        emptyLabel: 'form.sms.no_template',
      },
      {
        widget: 'merge-text',
        key: 'text',
        label: 'form.sms.text',
        multiline: true,
        mergeHint: true,
        when: { templateId: null },
      },
    ],
  },
  labels: {
    name: text('label.step_name'),
    provider: { ...text('label.sms.provider'), pick: true },
    ...recipientLabels,
    'to.fields': { ...text('label.recipient_phone_field'), pick: true },
    templateId: { ...text('label.sms.template'), pick: true },
    text: text('label.sms.text'),
  },
  defaults: (module): SendSmsConfig => ({
    name: 'Gửi SMS',
    provider: '',
    to: {
      fields: module.fields.filter((field) => field.type === 'phone').map((field) => field.key),
      users: [],
    },
    templateId: null,
    text: '',
  }),
  summary({ config, module, catalog, locale, nameOf }) {
    // The message first, its recipients last, as the email step reads.
    const to = recipientsText({ to: config.to, module, catalog, locale, nameOf });
    const text = clip(config.text);
    const what = config.templateId
      ? render(locale, 'summary.sms_template', { name: nameText(config.templateId, nameOf) })
      : text
        ? `SMS "${text}"`
        : render(locale, 'summary.sms_no_text');
    return render(locale, 'summary.send', { what, to });
  },
  mergeFieldTexts: (config) => [config.text],
  checkConfig({ config, module, catalog, context }) {
    const issues: ConfigIssue[] = [
      ...checkRecipients({ to: config.to, module, catalog, fieldTypes: ['phone', 'user'], context }),
    ];
    issues.push(
      ...checkChosenProvider({
        ref: config.provider,
        known: context.smsProviders,
        path: ['provider'],
      }),
    );
    if (config.templateId) {
      issues.push(
        ...checkKnownId({
          known: context.smsTemplateIds,
          id: config.templateId,
          path: ['templateId'],
          code: 'template_unknown',
        }),
      );
    } else if (config.text.trim() === '') {
      issues.push(requiredIssue(['text']));
    }
    return issues;
  },
});
