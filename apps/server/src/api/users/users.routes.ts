import { NewUser, User, UserChanges, UserList } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../../plugins/auth.ts';
import { toUser } from '../auth/auth-context.ts';
import { errors, signedInErrors } from '../responses.ts';
import { createUser, listUsers, updateUser } from './users.service.ts';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        summary: 'Users of the organization (any role: pickers need them)',
        tags: ['users'],
        response: {
          200: UserList,
          ...signedInErrors,
        },
      },
    },
    async (request) => {
      const rows = await listUsers(app.database.db, authOf(request).organization.id);
      return { items: rows.map(toUser) };
    },
  );

  app.post(
    '/users',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Add a user (admin)',
        tags: ['users'],
        body: NewUser,
        response: {
          201: User.describe('The new user'),
          ...signedInErrors,
          403: errors[403],
          409: errors[409],
        },
      },
    },
    async (request, reply) => {
      const user = await createUser(app.database.db, { auth: authOf(request), input: request.body });
      return reply.code(201).send(toUser(user));
    },
  );

  app.patch(
    '/users/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Change a user’s name, role, activity or password (admin)',
        tags: ['users'],
        params: z.object({ id: z.uuid() }),
        body: UserChanges,
        response: {
          200: User.describe('The updated user'),
          ...signedInErrors,
          403: errors[403],
          404: errors[404],
          409: errors[409],
        },
      },
    },
    async (request) => {
      const user = await updateUser(app.database.db, {
        auth: authOf(request),
        id: request.params.id,
        input: request.body,
      });
      return toUser(user);
    },
  );
};
