import { ModuleKey } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { recordHistoryPage } from './record-history.service.ts';

const HistoryEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  operation: z.enum(['create', 'update', 'delete']),
  source: z.enum(['ui', 'api', 'import', 'workflow']).describe('Through which door the change came'),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('The user; null for a workflow'),
  run: z
    .object({ id: z.string(), workflowId: z.string().nullable(), workflowName: z.string().nullable() })
    .nullable()
    .describe('The workflow run that made the change'),
  changes: z
    .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
    .describe('Each changed field with its old and new value'),
});

/** Lịch sử thay đổi: who changed what on a record, and when. */
export const recordHistoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/records/:module/:id/history',
    {
      schema: {
        summary: 'A record’s change history, newest first',
        tags: ['records'],
        params: z.object({ module: ModuleKey, id: z.uuid() }),
        querystring: z.object({
          page: z.coerce.number().int().min(1).max(1_000_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z
            .object({
              items: z.array(HistoryEntry),
              total: z.number().int(),
              page: z.number().int(),
              pageSize: z.number().int(),
            })
            .describe('One page of the history'),
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
