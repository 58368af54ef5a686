import { DeviceSubscription, PushDevice, PushDeviceList, VapidPublicKey } from '@crmflow/contracts';
import { ensureVapidKeys, secretKeyFromText } from '@crmflow/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, NoContent, signedInErrors } from '../responses.ts';
import { checkSubscription, listDevices, removeDevice, saveDevice } from './push.service.ts';

const ownerOf = (request: Parameters<typeof authOf>[0]) => {
  const auth = authOf(request);
  return { orgId: auth.organization.id, userId: auth.user.id };
};

/** Web Push: the server's public key, and the signed-in user's devices that receive their notifications. */
export const pushRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/push/vapid-public-key',
    {
      schema: {
        summary: 'The server’s VAPID public key, for PushManager.subscribe (applicationServerKey)',
        tags: ['push'],
        response: {
          200: VapidPublicKey,
          ...signedInErrors,
        },
      },
    },
    async () => {
      const text = app.config.secretKey;
      if (!text) throw new Error('No secret key configured');
      const keys = await ensureVapidKeys({ db, secretKey: secretKeyFromText(text) });
      return { publicKey: keys.publicKey };
    },
  );

  app.get(
    '/push/subscriptions',
    {
      schema: {
        summary: 'The signed-in user’s devices with push enabled',
        tags: ['push'],
        response: {
          200: PushDeviceList,
          ...signedInErrors,
        },
      },
    },
    async (request) => ({ items: await listDevices({ db, ...ownerOf(request) }) }),
  );

  app.post(
    '/push/subscriptions',
    {
      schema: {
        summary: 'Enable push on this device for the signed-in user',
        description:
          'The body is `PushSubscription.toJSON()` with an optional `label`. Same endpoint again: updated.',
        tags: ['push'],
        body: DeviceSubscription,
        response: { 201: PushDevice.describe('The device, subscribed'), ...signedInErrors },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      checkSubscription({
        subscription: request.body,
        allowPrivate: auth.organization.settings.allowPrivateNetwork === true,
        locale: request.locale,
      });
      const device = await saveDevice({ db, ...ownerOf(request), subscription: request.body });
      return reply.code(201).send(device);
    },
  );

  app.delete(
    '/push/subscriptions/:id',
    {
      schema: {
        summary: 'Stop pushing to one of the signed-in user’s devices',
        tags: ['push'],
        params: z.object({ id: z.uuid() }),
        response: { 204: NoContent, ...signedInErrors, 404: errors[404] },
      },
    },
    async (request, reply) => {
      await removeDevice({ db, ...ownerOf(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
};
