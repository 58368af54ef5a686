import { ImpactBody, ImpactPreview } from '@crmflow/contracts';
import { previewImpact, SimulationError } from '@crmflow/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error.ts';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { InvalidGraphError } from '../workflows/workflow-view.ts';
import { WorkflowParams } from '../workflows/workflows.routes.ts';

/** "Nếu kích hoạt…": the impact of a workflow's current version before it is switched on. */
export const workflowImpactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/workflows/:id/impact',
    {
      schema: {
        summary:
          'Impact preview: what the workflow would have done over the last days (care process: will do)',
        description:
          'An event workflow replays the module’s record history of the last `days` days through its trigger and conditions; a care process looks at the next `days` days from today’s data. Nothing is written or sent.',
        tags: ['workflows'],
        params: WorkflowParams,
        body: ImpactBody,
        response: { 200: ImpactPreview, ...signedInErrors, 404: errors[404], 422: InvalidGraphError },
      },
    },
    async (request) => {
      try {
        return await previewImpact({
          db: app.database.db,
          orgId: authOf(request).organization.id,
          workflowId: request.params.id,
          days: request.body.days,
        });
      } catch (error) {
        if (error instanceof SimulationError)
          throw new AppError(error.code === 'graph_invalid' ? 'invalid_graph' : 'workflow_not_found');
        throw error;
      }
    },
  );
};
