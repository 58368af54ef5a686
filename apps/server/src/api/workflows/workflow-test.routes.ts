import { SimulationError, type SimulationErrorCode, simulateRun } from '@crmflow/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../errors/app-error.ts';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { RunRefs, resolveRefs } from '../runs/run-refs.ts';
import { InvalidGraphError } from './workflow-view.ts';
import { WorkflowParams } from './workflows.routes.ts';

const SimulatedNode = z.object({
  status: z.enum(['matched', 'not_matched', 'would_run', 'skipped', 'error']),
  reason: z.string(),
  preview: z.unknown().optional().describe('What the action would do: the email, the task, the new values…'),
});

export const TestRunResult = z
  .object({
    matched: z.boolean().describe('The trigger fires and the conditions lead to at least one action'),
    path: z.array(z.string()).describe('The nodes the run would go through, in order'),
    nodes: z.record(z.string(), SimulatedNode),
    refs: RunRefs,
  })
  .describe('A simulated run: nothing is written or sent');

const refusals: Record<SimulationErrorCode, ErrorCode> = {
  workflow_not_found: 'workflow_not_found',
  version_not_found: 'not_found',
  record_not_found: 'record_not_found',
  graph_invalid: 'invalid_graph',
};

/** Chạy thử: how the workflow would treat one real record, without writing or sending anything. */
export const workflowTestRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/workflows/:id/test',
    {
      schema: {
        summary: 'Test a workflow on a record: a simulation, nothing is written or sent',
        description:
          'Reasons and previews are in the caller’s language; `refs` names the users, records and providers the previews mention by id.',
        tags: ['workflows'],
        params: WorkflowParams,
        body: z.object({
          recordId: z.uuid().describe('A record of the workflow’s module'),
          versionId: z.uuid().optional().describe('A saved version to test instead of the current one'),
        }),
        response: { 200: TestRunResult, ...signedInErrors, 404: errors[404], 422: InvalidGraphError },
      },
    },
    async (request) => {
      const orgId = authOf(request).organization.id;
      try {
        const result = await simulateRun({
          db,
          orgId,
          workflowId: request.params.id,
          recordId: request.body.recordId,
          locale: request.locale,
          ...(request.body.versionId ? { versionId: request.body.versionId } : {}),
        });
        const values = Object.values(result.nodes).map((node) => node.preview);
        return { ...result, refs: await resolveRefs({ db, orgId, values }) };
      } catch (error) {
        if (error instanceof SimulationError) throw new AppError(refusals[error.code]);
        throw error;
      }
    },
  );
};
