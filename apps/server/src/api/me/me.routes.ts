import { Me, MeChanges, UpdatedMe } from '@crmflow/contracts';
import { users } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../../plugins/auth.ts';
import { toOrganization, toUser } from '../auth/auth-context.ts';
import { signedInErrors } from '../responses.ts';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    {
      schema: {
        summary: 'The signed-in user and their organization',
        tags: ['auth'],
        response: {
          200: Me,
          401: signedInErrors[401],
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return { user: toUser(auth.user), organization: toOrganization(auth.organization) };
    },
  );

  app.patch(
    '/me',
    {
      schema: {
        summary: 'Change one’s own name or language',
        tags: ['auth'],
        body: MeChanges,
        response: { 200: UpdatedMe, ...signedInErrors },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const { locale, name } = request.body;
      const [updated] = await app.database.db
        .update(users)
        .set({ ...(locale !== undefined ? { locale } : {}), ...(name !== undefined ? { name } : {}) })
        .where(eq(users.id, auth.user.id))
        .returning();
      return { user: toUser(updated ?? auth.user) };
    },
  );
};
