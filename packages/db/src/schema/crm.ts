import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './tenancy.ts';

export const careCards = pgTable(
  'care_cards',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    orderId: uuid().notNull(),
    productId: uuid(),
    category: text(),
    ownerId: uuid(),
    layout: text().notNull().default('default'),
    careDate: date({ mode: 'string' }),
    fields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    runId: uuid(),
    nodeId: text(),
    /** What the card is for within its step: the order, a product id or a category. */
    cardKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('care_cards_org_order_idx').on(t.orgId, t.orderId),
    uniqueIndex('care_cards_run_node_key')
      .on(t.runId, t.nodeId, t.cardKey)
      .where(sql`${t.runId} is not null`),
  ],
);

export const revenueEntries = pgTable(
  'revenue_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    orderId: uuid().notNull(),
    kind: text().$type<'proposed' | 'recorded'>().notNull(),
    amount: numeric({ precision: 18, scale: 2 }).notNull(),
    ownerId: uuid(),
    runId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('revenue_entries_order_kind').on(t.orderId, t.kind)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull(),
    message: text().notNull(),
    link: text(),
    runId: uuid(),
    nodeId: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_run_node_user')
      .on(t.runId, t.nodeId, t.userId)
      .where(sql`${t.runId} is not null`),
  ],
);

export const emailTemplates = pgTable('email_templates', {
  id: uuid().primaryKey().defaultRandom(),
  orgId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  module: text().notNull(),
  name: text().notNull(),
  subject: text().notNull(),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const smsTemplates = pgTable('sms_templates', {
  id: uuid().primaryKey().defaultRandom(),
  orgId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  module: text().notNull(),
  name: text().notNull(),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ZnsParam = { key: string; type: 'text' | 'number' | 'date' | 'money'; maxLength: number };

export const znsTemplates = pgTable('zns_templates', {
  id: uuid().primaryKey().defaultRandom(),
  orgId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  /** The id the ZNS provider approved the template under. */
  providerTemplateId: text().notNull(),
  params: jsonb().$type<ZnsParam[]>().notNull().default([]),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const printTemplates = pgTable('print_templates', {
  id: uuid().primaryKey().defaultRandom(),
  orgId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  module: text().notNull(),
  name: text().notNull(),
  /** HTML with merge fields; rendered to PDF, or sent as HTML ("original format"). */
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type ProviderKind = 'email' | 'sms' | 'zns' | 'webhook' | 'workapp';

export const providers = pgTable('providers', {
  id: uuid().primaryKey().defaultRandom(),
  orgId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  kind: text().$type<ProviderKind>().notNull(),
  /** `capture`, `smtp`, `system`, `http` … */
  adapter: text().notNull(),
  name: text().notNull(),
  /** Non-secret settings, returned by the API. */
  config: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  /** Secrets, encrypted with the server's key; never returned. */
  secrets: text(),
  isDefault: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** `sending`: a worker holds the row until `leaseUntil`, so no other worker sends it meanwhile. */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'captured';

export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    channel: text().$type<'email' | 'sms' | 'zns' | 'webhook' | 'push' | 'workapp'>().notNull(),
    providerId: uuid(),
    /** (run, node, recipient): a retry finds the row and never sends twice. */
    idempotencyKey: text().notNull(),
    recipient: text().notNull(),
    subject: text(),
    body: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    attachments: jsonb()
      .$type<{ name: string; contentType: string; size: number; path?: string }[]>()
      .notNull()
      .default([]),
    status: text().$type<OutboxStatus>().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    /** While `sending`: when the claim lapses and another attempt may take the row over. */
    leaseUntil: timestamp({ withTimezone: true }),
    providerResponse: jsonb().$type<unknown>(),
    error: text(),
    runId: uuid(),
    nodeId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key').on(t.orgId, t.idempotencyKey),
    index('outbox_org_created_idx').on(t.orgId, t.createdAt),
  ],
);
