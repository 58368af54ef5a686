import { ModuleKey } from '@crmflow/flow';
import { smsSegments } from '@crmflow/flow/messaging';
import { z } from 'zod';
import {
  createSmsTemplate,
  deleteSmsTemplate,
  findSmsTemplate,
  listSmsTemplates,
  type SmsTemplateRow,
  updateSmsTemplate,
} from './sms-templates.service.ts';
import { TemplateName, Timestamps, timestampsOf } from './template-common.ts';
import { templateRoutes } from './template-routes.ts';

const SmsTemplateInput = z.object({
  module: ModuleKey,
  name: TemplateName,
  body: z.string().trim().min(1).max(1600).describe('The message; merge fields `#field` allowed'),
});

const SmsTemplate = SmsTemplateInput.extend({
  id: z.uuid(),
  length: z.number().int().describe('Septets (GSM-7) or UTF-16 units (UCS-2) of the text as written'),
  segments: z.number().int().describe('How many SMS the text as written is billed as'),
  encoding: z
    .enum(['GSM-7', 'UCS-2'])
    .describe('UCS-2 as soon as one character is not GSM-7 (Vietnamese accents)'),
  ...Timestamps,
}).describe('An SMS template; the counts are for the text before merge fields are filled');

function toView(row: SmsTemplateRow) {
  const { length, segments, encoding } = smsSegments(row.body);
  return {
    id: row.id,
    module: ModuleKey.parse(row.module),
    name: row.name,
    body: row.body,
    length,
    segments,
    encoding,
    ...timestampsOf(row),
  };
}

export const smsTemplatesRoutes = templateRoutes({
  path: '/sms-templates',
  input: SmsTemplateInput,
  changes: SmsTemplateInput.partial(),
  template: SmsTemplate,
  toView,
  listByModule: true,
  service: {
    list: listSmsTemplates,
    find: findSmsTemplate,
    create: createSmsTemplate,
    update: updateSmsTemplate,
    remove: deleteSmsTemplate,
  },
  texts: {
    list: 'SMS templates, optionally of one module',
    one: 'One SMS template',
    create: 'Add an SMS template (admin, manager)',
    createDescription: 'Merge fields must name fields of the module (or `#reference.field`): 400 otherwise.',
    update: 'Change an SMS template (admin, manager)',
    remove: 'Delete an SMS template (admin, manager)',
  },
});
