import { NewWorkflow, Workflow, WorkflowChanges, WorkflowList, WorkflowListQuery } from '@crmflow/contracts';
import type { Db } from '@crmflow/db';
import type { Locale } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import { conflictsByWorkflow } from '../workflow-conflicts/workflow-conflicts.service.ts';
import { validateWorkflowGraph } from './graph-validation.ts';
import { storedGraph } from './workflow-graph.ts';
import { workflowStats } from './workflow-stats.ts';
import { findWorkflow, type WorkflowWithVersion } from './workflow-store.ts';
import { InvalidGraphError, toWorkflowView } from './workflow-view.ts';
import {
  cloneWorkflow,
  createWorkflow,
  deleteWorkflow,
  listWorkflows,
  updateWorkflow,
} from './workflows.service.ts';

export const WorkflowParams = z.object({ id: z.uuid() });

const found = { ...signedInErrors, 404: errors[404] } as const;

/** The workflow as answered after a write: with stats and its graph's problems, if any. */
export async function workflowWithValidation(args: {
  db: Db;
  orgId: string;
  found: WorkflowWithVersion;
  locale: Locale;
}): Promise<Workflow> {
  const { db, orgId, locale } = args;
  const { row, version } = args.found;
  const { errors: validation } = await validateWorkflowGraph({
    db,
    orgId,
    module: row.module,
    kind: row.kind,
    graph: storedGraph(version.graph),
  });
  const stats = await workflowStats({ db, orgId, workflowIds: [row.id] });
  // Computed on every save and activation too: both answer with this view.
  const conflicts = await conflictsByWorkflow({ db, orgId, ids: [row.id] });
  return toWorkflowView({
    row,
    version,
    stats: stats.get(row.id),
    validation,
    conflicts: conflicts.get(row.id),
    locale,
  });
}

export const workflowsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/workflows',
    {
      schema: {
        summary: 'List workflows and care processes, in priority order, with their run stats',
        description:
          '`limits` counts, per module, the active workflows of `kind` (event when not given) against the maximum.',
        tags: ['workflows'],
        querystring: WorkflowListQuery,
        response: { 200: WorkflowList, ...signedInErrors },
      },
    },
    async (request) => listWorkflows({ db, orgId: authOf(request).organization.id, filter: request.query }),
  );

  app.post(
    '/workflows',
    {
      schema: {
        summary: 'Create an inactive workflow (default graph: a trigger with the catalogue’s defaults)',
        tags: ['workflows'],
        body: NewWorkflow,
        response: { 201: Workflow.describe('The new workflow'), ...signedInErrors, 422: InvalidGraphError },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const created = await createWorkflow({ db, auth, input: request.body });
      return reply.code(201).send(
        await workflowWithValidation({
          db,
          orgId: auth.organization.id,
          found: created,
          locale: request.locale,
        }),
      );
    },
  );

  app.get(
    '/workflows/:id',
    {
      schema: {
        summary: 'One workflow with its current graph, stats and validation problems',
        tags: ['workflows'],
        params: WorkflowParams,
        response: { 200: Workflow, ...found },
      },
    },
    async (request) => {
      const orgId = authOf(request).organization.id;
      const workflow = await findWorkflow({ db, orgId, id: request.params.id });
      return workflowWithValidation({ db, orgId, found: workflow, locale: request.locale });
    },
  );

  app.put(
    '/workflows/:id',
    {
      schema: {
        summary: 'Save an inactive workflow; a changed graph becomes a new version',
        description:
          'An incomplete graph is saved as a draft and its problems returned in `validation`; only an unreadable one is refused (422). Active workflows cannot be edited (409 `workflow_active`).',
        tags: ['workflows'],
        params: WorkflowParams,
        body: WorkflowChanges,
        response: {
          200: Workflow.describe('The saved workflow'),
          ...found,
          409: errors[409],
          422: InvalidGraphError,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const saved = await updateWorkflow({ db, auth, id: request.params.id, input: request.body });
      return workflowWithValidation({
        db,
        orgId: auth.organization.id,
        found: saved,
        locale: request.locale,
      });
    },
  );

  app.delete(
    '/workflows/:id',
    {
      schema: {
        summary: 'Delete an inactive workflow with its versions and runs',
        tags: ['workflows'],
        params: WorkflowParams,
        response: { 204: NoContent, ...found, 409: errors[409] },
      },
    },
    async (request, reply) => {
      await deleteWorkflow({ db, auth: authOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );

  app.post(
    '/workflows/:id/clone',
    {
      schema: {
        summary:
          'Clone a workflow: an inactive copy named "… (bản sao)", "(bản sao 2)"… ("(copy)" in English)',
        tags: ['workflows'],
        params: WorkflowParams,
        response: { 201: Workflow.describe('The copy'), ...found },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const copy = await cloneWorkflow({ db, auth, id: request.params.id, locale: request.locale });
      return reply.code(201).send(
        await workflowWithValidation({
          db,
          orgId: auth.organization.id,
          found: copy,
          locale: request.locale,
        }),
      );
    },
  );
};
