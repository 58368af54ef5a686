import { HistoryPage, HistoryQuery } from '@crmflow/contracts';
import { ModuleKey } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { recordHistoryPage } from './record-history.service.ts';

/** Lịch sử thay đổi: who changed what on a record, and when. */
export const recordHistoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/records/:module/:id/history',
    {
      schema: {
        summary: 'A record’s change history, newest first',
        tags: ['records'],
        params: z.object({ module: ModuleKey, id: z.uuid() }),
        querystring: HistoryQuery,
        response: {
          200: HistoryPage,
          ...signedInErrors,
          404: errors[404],
        },
      },
    },
    (request) =>
      recordHistoryPage({
        db: app.database.db,
        orgId: authOf(request).organization.id,
        module: request.params.module,
        recordId: request.params.id,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
  );
};
