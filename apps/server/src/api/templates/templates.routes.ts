import { ModuleKey, WorkflowKind } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { Workflow } from '../workflows/workflow-view.ts';
import { workflowWithValidation } from '../workflows/workflows.routes.ts';
import { GalleryTemplate, listTemplates, toGalleryTemplate, useTemplate } from './templates.service.ts';

/** The gallery of workflow templates, and making a workflow from one. */
export const templatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/templates',
    {
      schema: {
        summary: 'Workflow templates of the gallery (built in, and the organization’s own)',
        tags: ['templates'],
        querystring: z.object({ module: ModuleKey.optional(), kind: WorkflowKind.optional() }),
        response: {
          200: z.object({ items: z.array(GalleryTemplate) }).describe('The templates'),
          ...signedInErrors,
        },
      },
    },
    async (request) => {
      const rows = await listTemplates({ db, orgId: authOf(request).organization.id, ...request.query });
      return { items: rows.map(toGalleryTemplate) };
    },
  );

  app.post(
    '/templates/:id/use',
    {
      schema: {
        summary: 'Make an inactive workflow from a template',
        description:
          'Placeholders take the organization’s own print template, allocation rule or provider; one it lacks is left empty and reported in `validation`.',
        tags: ['templates'],
        params: z.object({ id: z.uuid() }),
        body: z.object({ name: z.string().trim().min(1).max(200).optional() }).default({}),
        response: { 201: Workflow.describe('The new workflow'), ...signedInErrors, 404: errors[404] },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const created = await useTemplate({
        db,
        auth,
        id: request.params.id,
        name: request.body.name,
        locale: request.locale,
      });
      return reply
        .code(201)
        .send(await workflowWithValidation({ db, orgId: auth.organization.id, found: created }));
    },
  );
};
