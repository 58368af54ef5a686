import { EmailPreview, EmailPreviewBody, PrintPreviewBody } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { readErrors } from '../message-templates/template-common.ts';
import { errors } from '../responses.ts';
import { previewEmail, previewPrint } from './template-preview.service.ts';

const tags = ['message templates'];
const previewErrors = { ...readErrors, 400: errors[400] } as const;

/** Drafts tried on a record before they are saved: what the template pages show beside the editor. */
export const templatePreviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/email-templates/preview',
    {
      schema: {
        summary: 'Fill an email draft for a record: the subject and HTML body the recipient would get',
        tags,
        body: EmailPreviewBody,
        response: { 200: EmailPreview, ...previewErrors },
      },
    },
    async (request) =>
      previewEmail({
        db: app.database.db,
        organization: authOf(request).organization,
        locale: request.locale,
        ...request.body,
      }),
  );

  app.post(
    '/print-templates/preview',
    {
      schema: {
        summary: 'Render a print template draft for a record, as PDF or HTML',
        description: 'The file an email or a task would carry, from a draft that need not be saved yet.',
        tags,
        body: PrintPreviewBody,
        response: {
          200: z.any().describe('The PDF (application/pdf) or the HTML page (text/html)'),
          ...previewErrors,
        },
      },
    },
    async (request, reply) => {
      const file = await previewPrint({
        db: app.database.db,
        organization: authOf(request).organization,
        locale: request.locale,
        ...request.body,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', 'inline')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
};
