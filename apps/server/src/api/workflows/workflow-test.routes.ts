import { TestRunBody, TestRunResult } from '@crmflow/contracts';
import { SimulationError, type SimulationErrorCode, simulateRun } from '@crmflow/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../../errors/app-error.ts';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { resolveRefs } from '../runs/run-refs.ts';
import { InvalidGraphError } from './workflow-view.ts';
import { WorkflowParams } from './workflows.routes.ts';

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
        body: TestRunBody,
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
