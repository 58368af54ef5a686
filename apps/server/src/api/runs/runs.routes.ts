import { RecordRuns, RetriedRun, RunDetail, RunListQuery, RunPage, RunPaging } from '@crmflow/contracts';
import { retryRun } from '@crmflow/engine';
import { ModuleKey } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { findWorkflow } from '../workflows/workflow-store.ts';
import { assertRecordOf, getRun, listRuns } from './runs.service.ts';

const found = { ...signedInErrors, 404: errors[404] } as const;

/** The run history: per workflow, per record and across the organization, and one run in detail. */
export const runsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/runs',
    {
      schema: {
        summary: 'Runs of the organization’s workflows, newest first, with filters',
        tags: ['runs'],
        querystring: RunListQuery,
        response: { 200: RunPage, ...signedInErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listRuns({
        db,
        orgId: authOf(request).organization.id,
        filter,
        page,
        pageSize,
        locale: request.locale,
      });
    },
  );

  app.get(
    '/workflows/:id/runs',
    {
      schema: {
        summary: 'Runs of one workflow, across all its versions, newest first',
        tags: ['runs'],
        params: z.object({ id: z.uuid() }),
        querystring: RunPaging,
        response: { 200: RunPage, ...found },
      },
    },
    async (request) => {
      const orgId = authOf(request).organization.id;
      const { row } = await findWorkflow({ db, orgId, id: request.params.id });
      return listRuns({
        db,
        orgId,
        filter: { workflowId: row.id },
        locale: request.locale,
        ...request.query,
      });
    },
  );

  app.get(
    '/records/:module/:id/runs',
    {
      schema: {
        summary: 'The latest runs on one record (at most 200), newest first',
        tags: ['runs'],
        params: z.object({ module: ModuleKey, id: z.uuid() }),
        response: { 200: RecordRuns, ...found },
      },
    },
    async (request) => {
      const orgId = authOf(request).organization.id;
      const { module, id } = request.params;
      await assertRecordOf({ db, orgId, module, id });
      const { items } = await listRuns({
        db,
        orgId,
        filter: { recordId: id, module },
        locale: request.locale,
        page: 1,
        pageSize: 200,
      });
      return { items };
    },
  );

  app.get(
    '/runs/:id',
    {
      schema: {
        summary: 'One run with its steps and the graph of the version it ran',
        tags: ['runs'],
        params: z.object({ id: z.uuid() }),
        response: { 200: RunDetail, ...found },
      },
    },
    async (request) =>
      getRun({ db, orgId: authOf(request).organization.id, id: request.params.id, locale: request.locale }),
  );

  app.post(
    '/runs/:id/retry',
    {
      schema: {
        summary: 'Retry a run: its failed steps go back in the queue with a full set of attempts',
        description:
          'What a step already did (a message sent, a record written) is not done again; `retried` lists the nodes re-queued (empty when none had failed).',
        tags: ['runs'],
        params: z.object({ id: z.uuid() }),
        response: { 200: RetriedRun, ...found },
      },
    },
    async (request) => {
      const orgId = authOf(request).organization.id;
      const result = await retryRun({ db, boss: app.boss, orgId, runId: request.params.id });
      if (!result) throw new AppError('run_not_found');
      const {
        steps: _steps,
        graph: _graph,
        refs: _refs,
        ...run
      } = await getRun({ db, orgId, id: result.runId, locale: request.locale });
      return { ...run, retried: result.retried };
    },
  );
};
