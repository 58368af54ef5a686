import {
  OrderedWorkflows,
  Workflow,
  WorkflowOrder,
  WorkflowVersion,
  WorkflowVersionList,
} from '@crmflow/contracts';
import { workflows, workflowVersions } from '@crmflow/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { activateWorkflow, deactivateWorkflow, reorderWorkflows } from './workflow-activation.service.ts';
import { storedGraph } from './workflow-graph.ts';
import { workflowStats } from './workflow-stats.ts';
import { findWorkflow } from './workflow-store.ts';
import { InvalidGraphError, toWorkflowView } from './workflow-view.ts';
import { WorkflowParams, workflowWithValidation } from './workflows.routes.ts';

const found = { ...signedInErrors, 404: errors[404] } as const;
const managers = requireRole('admin', 'manager');

/** Switching workflows on and off and ordering them (managers), and their version history. */
export const workflowLifecycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/workflows/:id/activate',
    {
      onRequest: managers,
      schema: {
        summary: 'Activate a workflow (manager, admin)',
        description:
          'Refused with 422 `invalid_graph` (details per node) when the graph breaks a rule, and with 409 `active_limit` when the module already has 10 active workflows of the kind.',
        tags: ['workflows'],
        params: WorkflowParams,
        response: { 200: Workflow, ...found, 403: errors[403], 409: errors[409], 422: InvalidGraphError },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const active = await activateWorkflow({ db, auth, id: request.params.id });
      return workflowWithValidation({
        db,
        orgId: auth.organization.id,
        found: active,
        locale: request.locale,
      });
    },
  );

  app.post(
    '/workflows/:id/deactivate',
    {
      onRequest: managers,
      schema: {
        summary: 'Deactivate a workflow (manager, admin)',
        tags: ['workflows'],
        params: WorkflowParams,
        response: { 200: Workflow, ...found, 403: errors[403] },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const inactive = await deactivateWorkflow({ db, auth, id: request.params.id });
      return workflowWithValidation({
        db,
        orgId: auth.organization.id,
        found: inactive,
        locale: request.locale,
      });
    },
  );

  app.put(
    '/workflows/order',
    {
      onRequest: managers,
      schema: {
        summary: 'Set the priority order of a module’s workflows of one kind (manager, admin)',
        description:
          'Priority follows the position in `ids`; workflows not listed keep their order after them.',
        tags: ['workflows'],
        body: WorkflowOrder,
        response: { 200: OrderedWorkflows, ...signedInErrors, 403: errors[403] },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const orgId = auth.organization.id;
      const { module, kind, ids } = request.body;
      await reorderWorkflows({ db, auth, module, kind, ids, locale: request.locale });
      const rows = await db
        .select({ row: workflows, version: workflowVersions })
        .from(workflows)
        .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.currentVersionId))
        .where(and(eq(workflows.orgId, orgId), eq(workflows.module, module), eq(workflows.kind, kind)))
        .orderBy(asc(workflows.priority), asc(workflows.createdAt), asc(workflows.id));
      const stats = await workflowStats({ db, orgId, workflowIds: rows.map(({ row }) => row.id) });
      return { items: rows.map((entry) => toWorkflowView({ ...entry, stats: stats.get(entry.row.id) })) };
    },
  );

  app.get(
    '/workflows/:id/versions',
    {
      schema: {
        summary: 'The saved versions of a workflow, newest first',
        tags: ['workflows'],
        params: WorkflowParams,
        response: { 200: WorkflowVersionList, ...found },
      },
    },
    async (request) => {
      const { row } = await findWorkflow({
        db,
        orgId: authOf(request).organization.id,
        id: request.params.id,
      });
      const versions = await db
        .select()
        .from(workflowVersions)
        .where(eq(workflowVersions.workflowId, row.id))
        .orderBy(desc(workflowVersions.version));
      return {
        items: versions.map((version) => ({
          id: version.id,
          version: version.version,
          createdAt: version.createdAt.toISOString(),
          createdBy: version.createdBy,
        })),
      };
    },
  );

  app.get(
    '/workflows/:id/versions/:version',
    {
      schema: {
        summary: 'One saved version of a workflow, with its graph',
        tags: ['workflows'],
        params: WorkflowParams.extend({ version: z.coerce.number().int().min(1) }),
        response: { 200: WorkflowVersion, ...found },
      },
    },
    async (request) => {
      const { row } = await findWorkflow({
        db,
        orgId: authOf(request).organization.id,
        id: request.params.id,
      });
      const [version] = await db
        .select()
        .from(workflowVersions)
        .where(
          and(eq(workflowVersions.workflowId, row.id), eq(workflowVersions.version, request.params.version)),
        );
      if (!version) throw new AppError('not_found');
      return {
        id: version.id,
        version: version.version,
        graph: storedGraph(version.graph),
        createdAt: version.createdAt.toISOString(),
      };
    },
  );
};
