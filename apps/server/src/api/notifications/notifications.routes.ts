import {
  AllNotificationsRead,
  AppNotification,
  NotificationList,
  NotificationListQuery,
} from '@crmflow/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../plugins/auth.ts';
import { errors, signedInErrors } from '../responses.ts';
import { NotificationHub } from './notification-hub.ts';
import { NotificationStream } from './notification-stream.ts';
import {
  listNotifications,
  markAllRead,
  markRead,
  type Recipient,
  signalRecipient,
  toNotification,
  unreadCount,
} from './notifications.service.ts';

const recipientOf = (request: Parameters<typeof authOf>[0]): Recipient => {
  const auth = authOf(request);
  return { orgId: auth.organization.id, userId: auth.user.id };
};

/** The signed-in user's in-app notifications, and their live stream (Server-Sent Events). */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const hub = new NotificationHub({ database: app.database, log: app.log });
  // Open streams would keep the server from closing; they end first.
  app.addHook('preClose', () => hub.close());

  /** After a change made here: this process's streams at once, other processes through the signal. */
  const changed = async (recipient: Recipient) => {
    hub.nudge(recipient);
    await signalRecipient({ db, recipient });
  };

  app.get(
    '/notifications',
    {
      schema: {
        summary: 'The signed-in user’s notifications, newest first, and how many are unread',
        tags: ['notifications'],
        querystring: NotificationListQuery,
        response: { 200: NotificationList, ...signedInErrors },
      },
    },
    async (request) => {
      const recipient = recipientOf(request);
      const rows = await listNotifications({
        db,
        recipient,
        unreadOnly: request.query.unread,
        limit: request.query.limit,
      });
      return { items: rows.map(toNotification), unread: await unreadCount({ db, recipient }) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        summary: 'Mark one notification read',
        tags: ['notifications'],
        params: z.object({ id: z.uuid() }),
        response: { 200: AppNotification, ...signedInErrors, 404: errors[404] },
      },
    },
    async (request) => {
      const recipient = recipientOf(request);
      const row = await markRead({ db, recipient, id: request.params.id });
      await changed(recipient);
      return toNotification(row);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        summary: 'Mark all the signed-in user’s notifications read',
        tags: ['notifications'],
        response: { 200: AllNotificationsRead, ...signedInErrors },
      },
    },
    async (request) => {
      const recipient = recipientOf(request);
      const updated = await markAllRead({ db, recipient });
      await changed(recipient);
      return { updated, unread: 0 as const };
    },
  );

  app.get(
    '/notifications/stream',
    {
      schema: {
        summary: 'Live notifications of the signed-in user (Server-Sent Events)',
        description:
          '`text/event-stream`: `event: notification` with a notification as data, `event: unread` with `{ unread }` when the count changes, and a comment line every 25 s.',
        tags: ['notifications'],
        response: { 200: z.string().describe('An event stream that stays open'), ...signedInErrors },
      },
    },
    async (request, reply) => {
      const stream = new NotificationStream({ db, response: reply.raw, recipient: recipientOf(request) });
      await stream.prime();
      reply.hijack();
      reply.raw.on('close', () => hub.remove(stream));
      stream.start();
      await hub.add(stream);
    },
  );
};
