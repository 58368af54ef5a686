import { ModuleKey } from '@crmflow/flow';
import { z } from 'zod';
import {
  createEmailTemplate,
  deleteEmailTemplate,
  type EmailTemplateRow,
  findEmailTemplate,
  listEmailTemplates,
  updateEmailTemplate,
} from './email-templates.service.ts';
import { HtmlBody, TemplateName, Timestamps, timestampsOf } from './template-common.ts';
import { templateRoutes } from './template-routes.ts';

const EmailTemplateInput = z.object({
  module: ModuleKey,
  name: TemplateName,
  subject: z.string().trim().min(1).max(500).describe('Plain text; merge fields `#field` allowed'),
  body: HtmlBody.describe('HTML; merge fields allowed, their values are escaped when sent'),
});

const EmailTemplate = EmailTemplateInput.extend({ id: z.uuid(), ...Timestamps }).describe(
  'An email template',
);

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
