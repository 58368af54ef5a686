import {
  CreateRecordBody,
  ImportResult,
  RecordDetail,
  RecordListQuery,
  RecordPage,
  RecordView,
  UpdateRecordBody,
} from '@crmflow/contracts';
import { createRecord, deleteRecord, ImportRow, importRecords, updateRecord } from '@crmflow/engine';
import { ModuleKey } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { recordErrorBody } from '../../plugins/errors.ts';
import { attachmentsOf } from '../record-files/record-files.service.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import { toRecordView } from './record-view.ts';
import { findRecord, relatedOf, relatedOfRows, writeContext } from './records.service.ts';
import { listRecords } from './records-query.ts';

const ModuleParams = z.object({ module: ModuleKey });
const RecordParams = z.object({ module: ModuleKey, id: z.uuid() });
const filtersOf = (query: Record<string, unknown>): Record<string, string[]> => {
  const filters: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!name.startsWith('filter.')) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    filters[name.slice('filter.'.length)] = values;
  }
  return filters;
};

const notFound = { ...signedInErrors, 404: errors[404] } as const;

export const recordsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/records/:module',
    {
      schema: {
        summary: 'List, search, sort and page a module’s records',
        description:
          'Filter with `filter.<fieldKey>=<value>` (repeat for any of several values; empty for "no value").',
        tags: ['records'],
        params: ModuleParams,
        querystring: RecordListQuery,
        response: {
          200: RecordPage,
          ...signedInErrors,
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const { q, sort, order, page, pageSize } = request.query;
      const { rows, total } = await listRecords({
        db: app.database.db,
        orgId: auth.organization.id,
        module: request.params.module,
        query: { q, sort, order, page, pageSize, filters: filtersOf(request.query) },
        locale: request.locale,
      });
      const related = await relatedOfRows({
        db: app.database.db,
        orgId: auth.organization.id,
        module: request.params.module,
        rows,
      });
      const items = rows.map((row) => ({ ...toRecordView(row), related: related.get(row.id) ?? {} }));
      return { items, total, page, pageSize };
    },
  );

  app.post(
    '/records/:module',
    {
      schema: {
        summary: 'Create a record',
        tags: ['records'],
        params: ModuleParams,
        body: CreateRecordBody,
        response: { 201: RecordView.describe('The new record'), ...signedInErrors },
      },
    },
    async (request, reply) => {
      const context = writeContext({ app, auth: authOf(request), module: request.params.module });
      const row = await createRecord({ ...context, data: request.body.data });
      return reply.code(201).send(toRecordView(row));
    },
  );

  app.get(
    '/records/:module/:id',
    {
      schema: {
        summary: 'One record, with the titles of what it points at',
        tags: ['records'],
        params: RecordParams,
        response: {
          200: RecordDetail,
          ...notFound,
        },
      },
    },
    async (request) => {
      const db = app.database.db;
      const orgId = authOf(request).organization.id;
      const row = await findRecord({ db, orgId, ...request.params });
      const { module, id } = request.params;
      return {
        ...toRecordView(row),
        related: await relatedOf({ db, orgId, row }),
        attachments: await attachmentsOf({ db, orgId, module, recordId: id }),
      };
    },
  );

  app.patch(
    '/records/:module/:id',
    {
      schema: {
        summary: 'Edit some fields of a record',
        description:
          'Send the `version` the record was read at to refuse a stale edit (409); without it, last write wins.',
        tags: ['records'],
        params: RecordParams,
        body: UpdateRecordBody,
        response: { 200: RecordView.describe('The record after the edit'), ...notFound, 409: errors[409] },
      },
    },
    async (request) => {
      const context = writeContext({ app, auth: authOf(request), module: request.params.module });
      const row = await updateRecord({ ...context, id: request.params.id, ...request.body });
      return toRecordView(row);
    },
  );

  app.delete(
    '/records/:module/:id',
    {
      schema: {
        summary: 'Delete a record',
        tags: ['records'],
        params: RecordParams,
        response: { 204: NoContent, ...notFound },
      },
    },
    async (request, reply) => {
      const context = writeContext({ app, auth: authOf(request), module: request.params.module });
      await deleteRecord({ ...context, id: request.params.id });
      return reply.code(204).send();
    },
  );

  app.post(
    '/records/:module/import',
    {
      schema: {
        summary: 'Import or sync a batch of records (upsert by externalId or id)',
        description:
          'Each row is its own write and triggers workflows as an edit in the app does; refused rows are reported.',
        tags: ['records'],
        params: ModuleParams,
        body: z.object({ records: z.array(ImportRow).min(1).max(1000) }),
        response: {
          200: ImportResult,
          ...signedInErrors,
        },
      },
    },
    async (request) => {
      const context = writeContext({
        app,
        auth: authOf(request),
        module: request.params.module,
        source: 'import',
      });
      const result = await importRecords({ ...context, rows: request.body.records });
      return {
        created: result.created,
        updated: result.updated,
        failed: result.failed.map(({ index, error }) => ({
          index,
          error: recordErrorBody(error, request.locale),
        })),
      };
    },
  );
};
