import { ModuleKey } from '@crmflow/flow';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { NoContent } from '../responses.ts';
import { renderPrintTemplateFor } from './print-render.service.ts';
import {
  createPrintTemplate,
  deletePrintTemplate,
  findPrintTemplate,
  listPrintTemplates,
  type PrintTemplateRow,
  updatePrintTemplate,
} from './print-templates.service.ts';
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

const PrintTemplateInput = z.object({
  module: ModuleKey,
  name: TemplateName,
  body: HtmlBody.describe(
    'HTML with merge fields; a `<tr data-each="lines">` row repeats per order line with `#line.index`, `#line.product_id`, `#line.product_id.<field>`, `#line.quantity`, `#line.price`, `#line.amount`',
  ),
});

const PrintTemplate = PrintTemplateInput.extend({ id: z.uuid(), ...Timestamps }).describe('A print template');

const toView = (row: PrintTemplateRow) => ({
  id: row.id,
  module: ModuleKey.parse(row.module),
  name: row.name,
  body: row.body,
  ...timestampsOf(row),
});

const tags = ['message templates'];

export const printTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const scopeOf = (request: FastifyRequest) => templateScope(app, request);

  app.get(
    '/print-templates',
    {
      schema: {
        summary: 'print templates, optionally of one module',
        tags,
        querystring: ModuleQuery,
        response: {
          200: z.object({ items: z.array(PrintTemplate) }).describe('The templates'),
          ...readErrors,
        },
      },
    },
    async (request) => {
      const rows = await listPrintTemplates({ ...scopeOf(request), module: request.query.module });
      return { items: rows.map(toView) };
    },
  );

  app.get(
    '/print-templates/:id',
    {
      schema: {
        summary: 'One print template',
        tags,
        params: TemplateIdParams,
        response: { 200: PrintTemplate, ...readErrors },
      },
    },
    async (request) => toView(await findPrintTemplate({ ...scopeOf(request), id: request.params.id })),
  );

  app.post(
    '/print-templates',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Add an print template (admin, manager)',
        description: 'Merge fields must name fields of the module (or `#reference.field`): 400 otherwise.',
        tags,
        body: PrintTemplateInput,
        response: { 201: PrintTemplate.describe('The new template'), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(toView(await createPrintTemplate(scopeOf(request), request.body))),
  );

  app.patch(
    '/print-templates/:id',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Change an print template (admin, manager)',
        tags,
        params: TemplateIdParams,
        body: PrintTemplateInput.partial(),
        response: { 200: PrintTemplate.describe('The template after the change'), ...itemWriteErrors },
      },
    },
    async (request) =>
      toView(await updatePrintTemplate(scopeOf(request), { id: request.params.id, changes: request.body })),
  );

  app.delete(
    '/print-templates/:id',
    {
      onRequest: writeRoles,
      schema: {
        summary: 'Delete an print template (admin, manager)',
        tags,
        params: TemplateIdParams,
        response: { 204: NoContent, ...itemWriteErrors },
      },
    },
    async (request, reply) => {
      await deletePrintTemplate({ ...scopeOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );

  app.post(
    '/print-templates/:id/render',
    {
      schema: {
        summary: 'Render a print template for a record, as PDF or HTML (the preview)',
        description:
          'The file an email would attach: order lines expanded, merge fields filled and escaped, in the organization’s language. Answers with the file itself.',
        tags,
        params: TemplateIdParams,
        body: z.object({ recordId: z.uuid(), format: z.enum(['pdf', 'html']).default('pdf') }),
        response: {
          200: z.any().describe('The PDF (application/pdf) or the HTML page (text/html)'),
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const file = await renderPrintTemplateFor({
        db: app.database.db,
        organization: authOf(request).organization,
        templateId: request.params.id,
        recordId: request.body.recordId,
        format: request.body.format,
      });
      const ascii =
        file.filename
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .replace(/["\\]/g, '') || 'document';
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};
