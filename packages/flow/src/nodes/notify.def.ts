import { z } from 'zod';
import { render, text } from '../messages/catalogue.ts';
import { requiredIssue } from './checks/field-checks.ts';
import { checkRecipients, recipientLabels } from './checks/recipient-checks.ts';
import { ActionName, Recipients } from './common-config.ts';
import { defineNode } from './node-definition.ts';
import { nameWidget } from './node-form.ts';
import { clip, recipientsText } from './summary-text.ts';

export const NotifyConfig = z.object({
  name: ActionName,
  /** User fields (`owner_id`, `account_id.owner_id`) and chosen users. */
  to: Recipients,
  message: z.string().max(2000).default(''),
});
export type NotifyConfig = z.infer<typeof NotifyConfig>;

export const notifyNode = defineNode({
  type: 'notify',
  category: 'action',
  labelVi: 'Thông báo',
  labelEn: 'In-app notification',
  descriptionVi: 'Gửi thông báo trong ứng dụng tới người dùng hoặc trường người dùng của bản ghi.',
  descriptionEn: 'Sends an in-app notification to users or to user fields of the record.',
  icon: 'bell',
  modules: 'all',
  kinds: ['event', 'schedule'],
  configSchema: NotifyConfig,
  version: 1,
  form: {
    widgets: [
      nameWidget,
      {
        widget: 'recipients',
        key: 'to',
        fieldTypes: ['user'],
        labels: { fields: 'form.notify.fields', users: 'form.notify.users' },
      },
      {
        widget: 'merge-text',
        key: 'message',
        label: 'form.notify.message',
        multiline: true,
        mergeHint: true,
      },
    ],
  },
  labels: {
    name: text('label.step_name'),
    ...recipientLabels,
    'to.fields': { ...text('label.notify.user_field'), pick: true },
    message: text('label.notify.message'),
  },
  defaults: (module): NotifyConfig => ({
    name: 'Thông báo',
    to: { fields: module.fields.some((field) => field.key === 'owner_id') ? ['owner_id'] : [], users: [] },
    message: '',
  }),
  summary({ config, module, catalog, locale, nameOf }) {
    const to = recipientsText({ to: config.to, module, catalog, locale, nameOf });
    return render(locale, 'summary.notify', { to, message: clip(config.message) });
  },
  mergeFieldTexts: (config) => [config.message],
  checkConfig({ config, module, catalog, context }) {
    const issues = checkRecipients({ to: config.to, module, catalog, fieldTypes: ['user'], context });
    if (config.message.trim() === '') {
      issues.push(requiredIssue(['message']));
    }
    return issues;
  },
});
