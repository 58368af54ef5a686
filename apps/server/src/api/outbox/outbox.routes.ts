import { OutboxListQuery, OutboxMessageDetail, OutboxPage } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import {
  attachmentOf,
  contentDisposition,
  findOutboxMessage,
  listOutbox,
  payloadOf,
  toOutboxMessage,
} from './outbox.service.ts';

const found = { ...signedInErrors, 404: errors[404] } as const;

/** Hộp thư đi: every email, SMS, ZNS message and webhook the workflows sent or captured. */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/outbox',
    {
      schema: {
        summary: 'Messages sent or captured, newest first, with filters',
        tags: ['outbox'],
        querystring: OutboxListQuery,
        response: {
          200: OutboxPage,
          ...signedInErrors,
        },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { rows, total } = await listOutbox({
        db,
        orgId: authOf(request).organization.id,
        filter,
        page,
        pageSize,
      });
      return { items: rows.map(toOutboxMessage), total };
    },
  );

  app.get(
    '/outbox/:id',
    {
      schema: {
        summary: 'One message with its payload',
        tags: ['outbox'],
        params: z.object({ id: z.uuid() }),
        response: { 200: OutboxMessageDetail, ...found },
      },
    },
    async (request) => {
      const row = await findOutboxMessage({
        db,
        orgId: authOf(request).organization.id,
        id: request.params.id,
      });
      return { ...toOutboxMessage(row), payload: payloadOf(row) };
    },
  );

  app.get(
    '/outbox/:id/attachments/:index',
    {
      schema: {
        summary: 'Download a file attached to a message (e.g. the print template as PDF)',
        tags: ['outbox'],
        params: z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(100) }),
        response: { 200: z.any().describe('The file, with its content type'), ...found },
      },
    },
    async (request, reply) => {
      const row = await findOutboxMessage({
        db,
        orgId: authOf(request).organization.id,
        id: request.params.id,
      });
      const file = attachmentOf(row, request.params.index);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
};
