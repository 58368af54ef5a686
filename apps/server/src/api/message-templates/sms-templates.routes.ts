import { ModuleKey } from '@crmflow/flow';
import { smsSegments } from '@crmflow/flow/messaging';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent } from '../responses.ts';
import {
  createSmsTemplate,
  deleteSmsTemplate,
  findSmsTemplate,
  listSmsTemplates,
  type SmsTemplateRow,
  updateSmsTemplate,
} from './sms-templates.service.ts';
import {
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

const tags = ['message templates'];

export const smsTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const scopeOf = (request: FastifyRequest) => templateScope(app, request);

  app.get(
    '/sms-templates',
    {
      schema: {
        summary: 'SMS templates, optionally of one module',
        tags,
        querystring: ModuleQuery,
        response: { 200: z.object({ items: z.array(SmsTemplate) }).describe('The templates'), ...readErrors },
      },
    },
    async (request) => {
      const rows = await listSmsTemplates({ ...scopeOf(request), module: request.query.module });
      return { items: rows.map(toView) };
    },
  );

  app.get(
    '/sms-templates/:id',
    {
      schema: {
        summary: 'One SMS template',
        tags,
        params: TemplateIdParams,
        response: { 200: SmsTemplate, ...readErrors },
      },
    },
    async (request) => toView(await findSmsTemplate({ ...scopeOf(request), id: request.params.id })),
  );

  app.post(
    '/sms-templates',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Add an SMS template (admin, manager)',
        description: 'Merge fields must name fields of the module (or `#reference.field`): 400 otherwise.',
        tags,
        body: SmsTemplateInput,
        response: { 201: SmsTemplate.describe('The new template'), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toView(await createSmsTemplate(scopeOf(request), request.body))),
  );

  app.patch(
    '/sms-templates/:id',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Change an SMS template (admin, manager)',
        tags,
        params: TemplateIdParams,
        body: SmsTemplateInput.partial(),
        response: { 200: SmsTemplate.describe('The template after the change'), ...itemWriteErrors },
      },
    },
    async (request) =>
      toView(await updateSmsTemplate(scopeOf(request), { id: request.params.id, changes: request.body })),
  );

  app.delete(
    '/sms-templates/:id',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Delete an SMS template (admin, manager)',
        tags,
        params: TemplateIdParams,
        response: { 204: NoContent, ...itemWriteErrors },
      },
    },
    async (request, reply) => {
      await deleteSmsTemplate({ ...scopeOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
};
