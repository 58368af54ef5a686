import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import type { ConfigIssue } from '../validate/validation-error.ts';
import { checkKnownId, requiredIssue } from './checks/field-checks.ts';
import { checkRecipients, recipientLabels } from './checks/recipient-checks.ts';
import { ActionName, EmailRecipients, EntityId, PrintAttachment } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';
import { clip, nameText, recipientsText } from './summary-text.ts';

/** The provider every organization has: the server's own relay, needing no setup. */
export const systemEmailProvider = 'system';

export const SendEmailConfig = z.object({
  name: ActionName,
  provider: z.string().max(200).default(systemEmailProvider),
  to: EmailRecipients,
  subject: z.string().max(500).default(''),
  body: z.string().max(100_000).default(''),
  /** An email template gives subject and body; the texts above are then ignored. */
  templateId: EntityId.nullable().default(null),
  attachment: PrintAttachment.nullable().default(null),
});
export type SendEmailConfig = z.infer<typeof SendEmailConfig>;

export const sendEmailNode = defineNode({
  type: 'send_email',
  category: 'action',
  labelVi: 'Gửi Email thông báo',
  labelEn: 'Send email',
  descriptionVi:
    'Gửi email tới trường email của bản ghi, người dùng hoặc địa chỉ nhập tay; có thể đính kèm tệp in.',
  descriptionEn: "Emails the record's email fields, users or typed addresses; may attach a print template.",
  icon: 'mail',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: SendEmailConfig,
  version: 1,
  form: {
    widgets: [
      nameWidget,
      {
        widget: 'provider',
        key: 'provider',
        kind: 'email',
        label: 'form.email.provider',
        systemLabel: 'form.email.system',
      },
      {
        widget: 'recipients',
        key: 'to',
        fieldTypes: ['email', 'user'],
        labels: { fields: 'form.email.fields', users: 'form.email.users', addresses: 'form.email.addresses' },
      },
      {
        widget: 'template',
        key: 'templateId',
        kind: 'email',
        label: 'form.email.template',
        emptyLabel: 'form.email.no_template',
      },
      {
        widget: 'merge-text',
        key: 'subject',
        label: 'form.email.subject',
        mergeHint: true,
        when: { templateId: null },
      },
      {
        widget: 'merge-text',
        key: 'body',
        label: 'form.email.body',
        multiline: true,
        when: { templateId: null },
      },
      { widget: 'attachment', key: 'attachment' },
    ],
  },
  labels: {
    name: text('label.step_name'),
    provider: { ...text('label.email.provider'), pick: true },
    ...recipientLabels,
    subject: text('label.email.subject'),
    body: text('label.email.body'),
    templateId: { ...text('label.email.template'), pick: true },
    attachment: { ...text('label.attachment'), pick: true },
    'attachment.printTemplateId': { ...text('label.attachment_template'), pick: true },
    'attachment.format': { ...text('label.attachment_format'), pick: true },
  },
  defaults: (module): SendEmailConfig => ({
    name: 'Gửi email thông báo',
    provider: systemEmailProvider,
    to: {
      fields: module.fields.filter((field) => field.type === 'email').map((field) => field.key),
      users: [],
      addresses: [],
    },
    subject: '',
    body: '',
    templateId: null,
    attachment: null,
  }),
  summary({ config, module, catalog, locale, nameOf }) {
    // The message first, its recipients last: a recipient field is often itself labelled "Email".
    const to = recipientsText({ to: config.to, module, catalog, locale, nameOf });
    const subject = clip(config.subject);
    const what = config.templateId
      ? render(locale, 'summary.email_template', { name: nameText(config.templateId, nameOf) })
      : subject
        ? render(locale, 'summary.email_subject', { subject })
        : render(locale, 'summary.email_no_subject');
    return render(locale, 'summary.send', { what, to });
  },
  mergeFieldTexts: (config) => [config.subject, config.body],
  checkConfig({ config, module, catalog, context }) {
    const issues: ConfigIssue[] = [
      ...checkRecipients({ to: config.to, module, catalog, fieldTypes: ['email', 'user'], context }),
    ];
    if (config.provider === '') issues.push(requiredIssue(['provider']));
    else if (config.provider !== systemEmailProvider) {
      issues.push(
        ...checkKnownId({
          known: context.emailProviders,
          id: config.provider,
          path: ['provider'],
          code: 'provider_unknown',
        }),
      );
    }
    if (config.templateId) {
      issues.push(
        ...checkKnownId({
          known: context.emailTemplateIds,
          id: config.templateId,
          path: ['templateId'],
          code: 'template_unknown',
        }),
      );
    } else {
      if (config.subject.trim() === '') issues.push(requiredIssue(['subject']));
      if (config.body.trim() === '') issues.push(requiredIssue(['body']));
    }
    if (config.attachment) {
      issues.push(
        ...checkKnownId({
          known: context.printTemplateIds,
          id: config.attachment.printTemplateId,
          path: ['attachment', 'printTemplateId'],
          code: 'template_unknown',
        }),
      );
    }
    return issues;
  },
});
