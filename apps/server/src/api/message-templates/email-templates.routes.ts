import { EmailTemplate, EmailTemplateInput, EmailTemplateList } from '@crmflow/contracts';
import { ModuleKey } from '@crmflow/flow';
import {
  createEmailTemplate,
  deleteEmailTemplate,
  type EmailTemplateRow,
  findEmailTemplate,
  listEmailTemplates,
  updateEmailTemplate,
} from './email-templates.service.ts';
import { timestampsOf } from './template-common.ts';
import { templateRoutes } from './template-routes.ts';

const toView = (row: EmailTemplateRow) => ({
  id: row.id,
  module: ModuleKey.parse(row.module),
  name: row.name,
  subject: row.subject,
  body: row.body,
  ...timestampsOf(row),
});

export const emailTemplatesRoutes = templateRoutes({
  path: '/email-templates',
  input: EmailTemplateInput,
  changes: EmailTemplateInput.partial(),
  template: EmailTemplate,
  list: EmailTemplateList,
  toView,
  listByModule: true,
  service: {
    list: listEmailTemplates,
    find: findEmailTemplate,
    create: createEmailTemplate,
    update: updateEmailTemplate,
    remove: deleteEmailTemplate,
  },
  texts: {
    list: 'Email templates, optionally of one module',
    one: 'One email template',
    create: 'Add an email template (admin, manager)',
    createDescription: 'Merge fields must name fields of the module (or `#reference.field`): 400 otherwise.',
    update: 'Change an email template (admin, manager)',
    remove: 'Delete an email template (admin, manager)',
  },
});
