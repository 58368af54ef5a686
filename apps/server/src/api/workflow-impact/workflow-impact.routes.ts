import { previewImpact, SimulationError } from '@crmflow/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { InvalidGraphError } from '../workflows/workflow-view.ts';
import { WorkflowParams } from '../workflows/workflows.routes.ts';

const ImpactAction = z.object({
  nodeId: z.string(),
  type: z.string(),
  status: z.enum(['matched', 'not_matched', 'would_run', 'skipped', 'error']),
  reason: z.string(),
  preview: z
    .unknown()
    .optional()
    .describe('What the action would do: the email and its recipients, the task, the values…'),
});

export const ImpactPreview = z
  .object({
    kind: z.enum(['event', 'schedule']),
    days: z.number().int(),
    from: z.string().describe('Start of the period: an instant (event) or a calendar date (care process)'),
    to: z.string(),
    scanned: z.number().int().describe('History rows the trigger could fire on, or due records'),
    runs: z.number().int().describe('Runs the flow would have started (event) or will start (care process)'),
    records: z.number().int().describe('Distinct records of those runs'),
    items: z
      .array(
        z.object({
          recordId: z.uuid(),
          title: z.string(),
          at: z.string(),
          actions: z
            .array(ImpactAction)
            .nullable()
            .describe('Each action’s effect; null past the first 20 runs'),
        }),
      )
      .describe('The latest 100 runs (event) or the first 100 (care process)'),
  })
  .describe('What the flow would do if activated: nothing is written or sent');

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
        body: z.object({ days: z.number().int().min(1).max(180).default(30) }).default({ days: 30 }),
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
