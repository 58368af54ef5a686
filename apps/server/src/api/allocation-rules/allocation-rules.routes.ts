import {
  AllocationRule,
  AllocationRuleChanges,
  AllocationRuleList,
  AllocationRuleQuery,
  NewAllocationRule,
  WorkflowUseList,
} from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import {
  activeUserIdsOf,
  createAllocationRule,
  deleteAllocationRule,
  listAllocationRules,
  toAllocationRule,
  updateAllocationRule,
  workflowsUsingRule,
} from './allocation-rules.service.ts';

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
        querystring: AllocationRuleQuery,
        response: {
          200: AllocationRuleList,
          ...signedInErrors,
        },
      },
    },
    async (request) => {
      const orgId = authOf(request).organization.id;
      const rows = await listAllocationRules({ db, orgId, ...request.query });
      const active = await activeUserIdsOf(db, orgId);
      return { items: rows.map((row) => toAllocationRule(row, active)) };
    },
  );

  app.post(
    '/allocation-rules',
    {
      onRequest: managers,
      schema: {
        summary: 'Add an allocation rule (manager, admin)',
        tags: ['allocation rules'],
        body: NewAllocationRule,
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
      const active = await activeUserIdsOf(db, row.orgId);
      return reply.code(201).send(toAllocationRule(row, active));
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
        body: AllocationRuleChanges,
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
      return toAllocationRule(row, await activeUserIdsOf(db, row.orgId));
    },
  );

  app.get(
    '/allocation-rules/:id/workflows',
    {
      schema: {
        summary: 'Workflows whose current graph hands records over by this rule (any role)',
        tags: ['allocation rules'],
        params: Params,
        response: {
          200: WorkflowUseList,
          ...signedInErrors,
          404: errors[404],
        },
      },
    },
    async (request) => {
      const orgId = authOf(request).organization.id;
      const [rule] = await listAllocationRules({ db, orgId, id: request.params.id });
      if (!rule) throw new AppError('allocation_rule_not_found');
      return { items: await workflowsUsingRule({ db, orgId, ruleId: rule.id }) };
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
