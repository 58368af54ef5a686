import { ZnsParam } from '@crmflow/flow/messaging';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { NoContent } from '../responses.ts';
import {
  itemWriteErrors,
  readErrors,
  TemplateIdParams,
  TemplateName,
  Timestamps,
  templateScope,
  timestampsOf,
  writeErrors,
  writeRoles,
} from './template-common.ts';
import {
  createZnsTemplate,
  deleteZnsTemplate,
  findZnsTemplate,
  listZnsTemplates,
  updateZnsTemplate,
  type ZnsTemplateRow,
} from './zns-templates.service.ts';

const ZnsTemplateInput = z.object({
  name: TemplateName,
  providerTemplateId: z.string().trim().min(1).max(100).describe('The id Zalo approved the template under'),
  params: z
    .array(ZnsParam)
    .max(50)
    .describe('The template’s params: key, type (text, number, date, money) and approved maximum length'),
});

const ZnsTemplate = ZnsTemplateInput.extend({ id: z.uuid(), ...Timestamps }).describe(
  'A pre-approved Zalo ZNS template; flows map its params to fields',
);

const toView = (row: ZnsTemplateRow) => ({
  id: row.id,
  name: row.name,
  providerTemplateId: row.providerTemplateId,
  params: row.params,
  ...timestampsOf(row),
});

/** Two params with one key could never both be filled: refuse the second, by position. */
function assertDistinctKeys(params: ZnsParam[] | undefined, locale: Locale): void {
  const seen = new Set<string>();
  const details = (params ?? []).flatMap((param, index) => {
    if (!seen.has(param.key)) {
      seen.add(param.key);
      return [];
    }
    const message = locale === 'en' ? `The key ${param.key} is used twice` : `Khóa ${param.key} bị trùng`;
    return [{ field: `params.${index}.key`, message }];
  });
  if (details.length > 0) throw new AppError('invalid_input', { details });
}

const tags = ['message templates'];

export const znsTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const scopeOf = (request: FastifyRequest) => templateScope(app, request);

  app.get(
    '/zns-templates',
    {
      schema: {
        summary: 'Zalo ZNS templates of the organization',
        tags,
        response: { 200: z.object({ items: z.array(ZnsTemplate) }).describe('The templates'), ...readErrors },
      },
    },
    async (request) => {
      const rows = await listZnsTemplates(scopeOf(request));
      return { items: rows.map(toView) };
    },
  );

  app.get(
    '/zns-templates/:id',
    {
      schema: {
        summary: 'One ZNS template',
        tags,
        params: TemplateIdParams,
        response: { 200: ZnsTemplate, ...readErrors },
      },
    },
    async (request) => toView(await findZnsTemplate({ ...scopeOf(request), id: request.params.id })),
  );

  app.post(
    '/zns-templates',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Add an ZNS template (admin, manager)',
        description: 'Param keys must be distinct; flows are checked against the params when saved.',
        tags,
        body: ZnsTemplateInput,
        response: { 201: ZnsTemplate.describe('The new template'), ...writeErrors },
      },
    },
    async (request, reply) => {
      assertDistinctKeys(request.body.params, request.locale);
      return reply.code(201).send(toView(await createZnsTemplate(scopeOf(request), request.body)));
    },
  );

  app.patch(
    '/zns-templates/:id',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Change an ZNS template (admin, manager)',
        tags,
        params: TemplateIdParams,
        body: ZnsTemplateInput.partial(),
        response: { 200: ZnsTemplate.describe('The template after the change'), ...itemWriteErrors },
      },
    },
    async (request) => {
      assertDistinctKeys(request.body.params, request.locale);
      return toView(
        await updateZnsTemplate(scopeOf(request), { id: request.params.id, changes: request.body }),
      );
    },
  );

  app.delete(
    '/zns-templates/:id',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Delete an ZNS template (admin, manager)',
        tags,
        params: TemplateIdParams,
        response: { 204: NoContent, ...itemWriteErrors },
      },
    },
    async (request, reply) => {
      await deleteZnsTemplate({ ...scopeOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
};
