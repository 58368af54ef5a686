import { SmsTemplate, SmsTemplateInput, SmsTemplateList } from '@crmflow/contracts';
import { ModuleKey } from '@crmflow/flow';
import { smsSegments } from '@crmflow/flow/messaging';
import {
  createSmsTemplate,
  deleteSmsTemplate,
  findSmsTemplate,
  listSmsTemplates,
  type SmsTemplateRow,
  updateSmsTemplate,
} from './sms-templates.service.ts';
import { timestampsOf } from './template-common.ts';
import { templateRoutes } from './template-routes.ts';

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
  list: SmsTemplateList,
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
