import { FlowConflictList } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { WorkflowParams } from '../workflows/workflows.routes.ts';
import { workflowConflicts } from './workflow-conflicts.service.ts';

/** Xung đột giữa các quy trình (`GET /api/workflows/:id/conflicts`). */
export const workflowConflictsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/workflows/:id/conflicts',
    {
      schema: {
        summary: 'Conflicts of a workflow with the organization’s active workflows (warnings)',
        description:
          'Two flows writing the same field on one change (and which wins by priority order), a loop across flows with its chain of steps, and a flow whose conditions can never hold.',
        tags: ['workflows'],
        params: WorkflowParams,
        response: {
          200: FlowConflictList,
          ...signedInErrors,
          404: errors[404],
        },
      },
    },
    async (request) => ({
      items: await workflowConflicts({
        db: app.database.db,
        orgId: authOf(request).organization.id,
        id: request.params.id,
      }),
    }),
  );
};
