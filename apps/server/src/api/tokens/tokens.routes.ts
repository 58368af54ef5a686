import { CreatedToken, NewToken, TokenList } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import { issueToken, listTokens, revokeToken } from './tokens.service.ts';

const adminErrors = { ...signedInErrors, 403: errors[403] } as const;

export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tokens',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'API tokens of the organization (admin)',
        tags: ['tokens'],
        response: {
          200: TokenList,
          ...adminErrors,
        },
      },
    },
    async (request) => ({ items: await listTokens(app.database.db, authOf(request).organization.id) }),
  );

  app.post(
    '/tokens',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Create an API token for an integration (admin)',
        tags: ['tokens'],
        body: NewToken,
        response: {
          201: CreatedToken,
          ...adminErrors,
        },
      },
    },
    async (request, reply) => {
      const created = await issueToken(app.database.db, { auth: authOf(request), name: request.body.name });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Revoke an API token (admin)',
        tags: ['tokens'],
        params: z.object({ id: z.uuid() }),
        response: { 204: NoContent, ...adminErrors, 404: errors[404] },
      },
    },
    async (request, reply) => {
      await revokeToken(app.database.db, { auth: authOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
};
