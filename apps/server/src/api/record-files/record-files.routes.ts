import { ModuleKey } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { contentDisposition } from '../outbox/outbox.service.ts';
import { findRecord } from '../records/records.service.ts';
import { errors, signedInErrors } from '../responses.ts';
import { findRecordFile } from './record-files.service.ts';

/** The files kept with a record, downloadable by anyone of its organization who can read it. */
export const recordFilesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/records/:module/:id/files/:fileId',
    {
      schema: {
        summary: 'Download a file kept with a record (e.g. the PDF a workflow attached to a task)',
        tags: ['records'],
        params: z.object({ module: ModuleKey, id: z.uuid(), fileId: z.uuid() }),
        response: {
          200: z.any().describe('The file, with its content type'),
          ...signedInErrors,
          404: errors[404],
        },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const orgId = authOf(request).organization.id;
      const { module, id, fileId } = request.params;
      await findRecord({ db, orgId, module, id });
      const file = await findRecordFile({ db, orgId, recordId: id, id: fileId });
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
};
