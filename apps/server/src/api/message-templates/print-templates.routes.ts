import { PrintRenderBody, PrintTemplate, PrintTemplateInput, PrintTemplateList } from '@crmflow/contracts';
import { ModuleKey } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { renderPrintTemplateFor } from './print-render.service.ts';
import {
  createPrintTemplate,
  deletePrintTemplate,
  findPrintTemplate,
  listPrintTemplates,
  type PrintTemplateRow,
  updatePrintTemplate,
} from './print-templates.service.ts';
import { readErrors, TemplateIdParams, timestampsOf } from './template-common.ts';
import { templateRoutes } from './template-routes.ts';

const toView = (row: PrintTemplateRow) => ({
  id: row.id,
  module: ModuleKey.parse(row.module),
  name: row.name,
  body: row.body,
  ...timestampsOf(row),
});

const printTemplateCrudRoutes = templateRoutes({
  path: '/print-templates',
  input: PrintTemplateInput,
  changes: PrintTemplateInput.partial(),
  template: PrintTemplate,
  list: PrintTemplateList,
  toView,
  listByModule: true,
  service: {
    list: listPrintTemplates,
    find: findPrintTemplate,
    create: createPrintTemplate,
    update: updatePrintTemplate,
    remove: deletePrintTemplate,
  },
  texts: {
    list: 'print templates, optionally of one module',
    one: 'One print template',
    create: 'Add an print template (admin, manager)',
    createDescription: 'Merge fields must name fields of the module (or `#reference.field`): 400 otherwise.',
    update: 'Change an print template (admin, manager)',
    remove: 'Delete an print template (admin, manager)',
  },
});

const tags = ['message templates'];

export const printTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(printTemplateCrudRoutes);

  app.post(
    '/print-templates/:id/render',
    {
      schema: {
        summary: 'Render a print template for a record, as PDF or HTML (the preview)',
        description:
          'The file an email would attach: order lines expanded, merge fields filled and escaped, in the organization’s language. Answers with the file itself.',
        tags,
        params: TemplateIdParams,
        body: PrintRenderBody,
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
