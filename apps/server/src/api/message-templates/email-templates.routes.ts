import { ModuleKey } from '@crmflow/flow';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent } from '../responses.ts';
import {
  createEmailTemplate,
  deleteEmailTemplate,
  type EmailTemplateRow,
  findEmailTemplate,
  listEmailTemplates,
  updateEmailTemplate,
} from './email-templates.service.ts';
import {
  HtmlBody,
  itemWriteErrors,
  ModuleQuery,
  readErrors,
  TemplateIdParams,
  TemplateName,
  Timestamps,
  templateScope,
  timestampsOf,
  writeErrors,
  writeRoles,
} from './template-common.ts';

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

const tags = ['message templates'];

export const emailTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const scopeOf = (request: FastifyRequest) => templateScope(app, request);

  app.get(
    '/email-templates',
    {
      schema: {
        summary: 'Email templates, optionally of one module',
        tags,
        querystring: ModuleQuery,
        response: {
          200: z.object({ items: z.array(EmailTemplate) }).describe('The templates'),
          ...readErrors,
        },
      },
    },
    async (request) => {
      const rows = await listEmailTemplates({ ...scopeOf(request), module: request.query.module });
      return { items: rows.map(toView) };
    },
  );

  app.get(
    '/email-templates/:id',
    {
      schema: {
        summary: 'One email template',
        tags,
        params: TemplateIdParams,
        response: { 200: EmailTemplate, ...readErrors },
      },
    },
    async (request) => toView(await findEmailTemplate({ ...scopeOf(request), id: request.params.id })),
  );

  app.post(
    '/email-templates',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Add an email template (admin, manager)',
        description: 'Merge fields must name fields of the module (or `#reference.field`): 400 otherwise.',
        tags,
        body: EmailTemplateInput,
        response: { 201: EmailTemplate.describe('The new template'), ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await createEmailTemplate(scopeOf(request), request.body);
      return reply.code(201).send(toView(row));
    },
  );

  app.patch(
    '/email-templates/:id',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Change an email template (admin, manager)',
        tags,
        params: TemplateIdParams,
        body: EmailTemplateInput.partial(),
        response: { 200: EmailTemplate.describe('The template after the change'), ...itemWriteErrors },
      },
    },
    async (request) =>
      toView(await updateEmailTemplate(scopeOf(request), { id: request.params.id, changes: request.body })),
  );

  app.delete(
    '/email-templates/:id',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Delete an email template (admin, manager)',
        tags,
        params: TemplateIdParams,
        response: { 204: NoContent, ...itemWriteErrors },
      },
    },
    async (request, reply) => {
      await deleteEmailTemplate({ ...scopeOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
};
