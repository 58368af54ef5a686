import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import { issueToken, listTokens, revokeToken } from './tokens.service.ts';

const TokenItem = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});

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
          200: z.object({ items: z.array(TokenItem) }).describe('Tokens not revoked'),
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
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: {
          201: z
            .object({ id: z.uuid(), name: z.string(), token: z.string() })
            .describe('The new token: shown this once, send it as `Authorization: Bearer <token>`'),
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
