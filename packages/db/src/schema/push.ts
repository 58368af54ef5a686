import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './tenancy.ts';

/**
 * One browser (or installed app) a user enabled Web Push on. The endpoint names the device at
 * its push service and is unique: a device enabled again by another user moves to that user.
 * `p256dh` and `auth` are the device's keys (base64url) the payload is encrypted to.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    /** What the user sees in their list of devices, from the browser that subscribed. */
    label: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastPushedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.orgId, t.userId),
  ],
);

/**
 * The server's VAPID key pair, made on first start: one row, shared by every process over the
 * one database. The private key is sealed with the server's secret key, like provider secrets.
 */
export const pushVapidKeys = pgTable('push_vapid_keys', {
  id: text().primaryKey().default('server'),
  publicKey: text().notNull(),
  privateKeySealed: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
