import { CareCardList, CareCardQuery } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { listCareCards } from './care-cards.service.ts';

/** Thẻ chăm sóc: the care cards workflows made, by owner and care date. */
export const careCardsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/care-cards',
    {
      schema: {
        summary: 'Care cards by care date, of one owner or (admins, managers) of everybody',
        tags: ['care-cards'],
        querystring: CareCardQuery,
        response: {
          200: CareCardList,
          ...signedInErrors,
          403: errors[403],
        },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const items = await listCareCards({
        db: app.database.db,
        orgId: auth.organization.id,
        viewer: { id: auth.user.id, role: auth.user.role },
        query: request.query,
      });
      return { items };
    },
  );
};
