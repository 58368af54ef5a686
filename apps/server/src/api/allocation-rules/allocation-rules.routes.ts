import { ModuleKey } from '@crmflow/flow';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import {
  AllocationRule,
  createAllocationRule,
  deleteAllocationRule,
  listAllocationRules,
  toAllocationRule,
  updateAllocationRule,
} from './allocation-rules.service.ts';

const Name = z.string().trim().min(1).max(200);
const UserIds = z
  .array(z.uuid())
  .min(1)
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, 'Each user once');
const Params = z.object({ id: z.uuid() });
const managers = requireRole('admin', 'manager');
const writeErrors = { ...signedInErrors, 403: errors[403], 404: errors[404] } as const;

export const allocationRulesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/allocation-rules',
    {
      schema: {
        summary: 'Allocation rules of the organization (any role: the workflow editor picks them)',
        tags: ['allocation rules'],
        querystring: z.object({ module: ModuleKey.optional() }),
        response: {
          200: z.object({ items: z.array(AllocationRule) }).describe('The rules'),
          ...signedInErrors,
        },
      },
    },
    async (request) => {
      const rows = await listAllocationRules({
        db,
        orgId: authOf(request).organization.id,
        ...request.query,
      });
      return { items: rows.map(toAllocationRule) };
    },
  );

  app.post(
    '/allocation-rules',
    {
      onRequest: managers,
      schema: {
        summary: 'Add an allocation rule (manager, admin)',
        tags: ['allocation rules'],
        body: z.object({ module: ModuleKey, name: Name, userIds: UserIds, active: z.boolean().optional() }),
        response: { 201: AllocationRule, ...signedInErrors, 403: errors[403] },
      },
    },
    async (request, reply) => {
      const row = await createAllocationRule({
        db,
        auth: authOf(request),
        input: request.body,
        locale: request.locale,
      });
      return reply.code(201).send(toAllocationRule(row));
    },
  );

  app.patch(
    '/allocation-rules/:id',
    {
      onRequest: managers,
      schema: {
        summary: 'Rename an allocation rule, change its users or switch it on or off (manager, admin)',
        tags: ['allocation rules'],
        params: Params,
        body: z.object({
          name: Name.optional(),
          userIds: UserIds.optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: AllocationRule, ...writeErrors },
      },
    },
    async (request) => {
      const row = await updateAllocationRule({
        db,
        auth: authOf(request),
        id: request.params.id,
        input: request.body,
        locale: request.locale,
      });
      return toAllocationRule(row);
    },
  );

  app.delete(
    '/allocation-rules/:id',
    {
      onRequest: managers,
      schema: {
        summary: 'Delete an allocation rule no active workflow uses (manager, admin)',
        tags: ['allocation rules'],
        params: Params,
        response: { 204: NoContent, ...writeErrors, 409: errors[409] },
      },
    },
    async (request, reply) => {
      await deleteAllocationRule({ db, auth: authOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
};
