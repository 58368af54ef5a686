import type { AppNotification } from '@crmflow/contracts';
import { type Db, notifications } from '@crmflow/db';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';

type NotificationRow = typeof notifications.$inferSelect;

/** The channel the engine signals new notifications on, with `{ orgId, userId, id? }` as payload. */
export const NOTIFICATION_CHANNEL = 'crmflow_notifications';

export function toNotification(row: NotificationRow): AppNotification {
  return {
    id: row.id,
    message: row.message,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type Recipient = { orgId: string; userId: string };

const mine = (recipient: Recipient) =>
  and(eq(notifications.orgId, recipient.orgId), eq(notifications.userId, recipient.userId));

export async function listNotifications(args: {
  db: Db;
  recipient: Recipient;
  unreadOnly: boolean;
  limit: number;
}): Promise<NotificationRow[]> {
  const { db, recipient, unreadOnly, limit } = args;
  return db
    .select()
    .from(notifications)
    .where(and(mine(recipient), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(args: { db: Db; recipient: Recipient }): Promise<number> {
  const [row] = await args.db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(args.recipient), isNull(notifications.readAt)));
  return row?.count ?? 0;
}

/** The recipient's notifications created after `since`, oldest first: what a stream has not sent yet. */
export async function notificationsSince(args: { db: Db; recipient: Recipient; since: Date }) {
  return args.db
    .select()
    .from(notifications)
    .where(and(mine(args.recipient), gt(notifications.createdAt, args.since)))
    .orderBy(notifications.createdAt, notifications.id)
    .limit(200);
}

/** Marks one notification read (once: the first reading time is kept); another user's is not found. */
export async function markRead(args: { db: Db; recipient: Recipient; id: string }): Promise<NotificationRow> {
  const { db, recipient, id } = args;
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(recipient), eq(notifications.id, id)))
    .returning();
  if (!row) throw new AppError('notification_not_found');
  return row;
}

export async function markAllRead(args: { db: Db; recipient: Recipient }): Promise<number> {
  const rows = await args.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(args.recipient), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Tells every API process that the recipient's notifications changed, so open streams refresh. */
export async function signalRecipient(args: { db: Db; recipient: Recipient }): Promise<void> {
  const payload = JSON.stringify(args.recipient);
  await args.db.execute(sql`select pg_notify(${NOTIFICATION_CHANNEL}, ${payload})`);
}
