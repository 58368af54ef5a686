import { CarePreview, CarePreviewQuery } from '@crmflow/contracts';
import { previewCareWorkflow } from '@crmflow/engine';
import { render, toInstant } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { invalidGraph } from '../workflows/graph-problems.ts';
import { validateWorkflowGraph } from '../workflows/graph-validation.ts';
import { storedGraph } from '../workflows/workflow-graph.ts';
import { findWorkflow } from '../workflows/workflow-store.ts';
import { InvalidGraphError } from '../workflows/workflow-view.ts';

export const careProcessesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/workflows/:id/preview',
    {
      schema: {
        summary: 'Preview a care process: records due today, this week, and the next seven runs',
        description:
          'Computed by the scheduler’s own selection and conditions, in the organization’s time zone. Event workflows have no preview (400).',
        tags: ['care-processes'],
        params: z.object({ id: z.uuid() }),
        querystring: CarePreviewQuery,
        response: {
          200: CarePreview,
          ...signedInErrors,
          404: errors[404],
          422: InvalidGraphError,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const orgId = auth.organization.id;
      const { row, version } = await findWorkflow({ db, orgId, id: request.params.id });
      if (row.kind !== 'schedule') {
        throw new AppError('invalid_input', {
          details: [
            {
              field: 'id',
              message: render(request.locale, 'request.preview_care_only'),
            },
          ],
        });
      }
      const { date } = request.query;
      // Noon of the day asked for: well inside it in any zone.
      const at = date ? toInstant(`${date}T12:00`, auth.organization.timeZone) : null;
      const now = at === null ? new Date() : new Date(at);
      const preview = await previewCareWorkflow({
        db,
        orgId,
        workflowId: row.id,
        module: row.module,
        graph: version.graph,
        now,
      });
      if (preview.ok) return preview.preview;
      const validation = await validateWorkflowGraph({
        db,
        orgId,
        module: row.module,
        kind: row.kind,
        graph: storedGraph(version.graph),
      });
      throw invalidGraph(validation.errors);
    },
  );
};
