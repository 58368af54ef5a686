import { OrderActivity } from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { orderActivity } from './order-activity.service.ts';

/** What flows did for an order besides changing it: its care cards and revenue entries. */
export const orderActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/records/order/:id/activity',
    {
      schema: {
        summary: 'The care cards and revenue entries of an order',
        tags: ['records'],
        params: z.object({ id: z.uuid() }),
        response: { 200: OrderActivity, ...signedInErrors, 404: errors[404] },
      },
    },
    async (request) =>
      orderActivity({
        db: app.database.db,
        orgId: authOf(request).organization.id,
        orderId: request.params.id,
      }),
  );
};
