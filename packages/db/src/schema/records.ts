import type { FieldType, ModuleKey, PicklistOption } from '@crmflow/flow';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './tenancy.ts';

/** Field metadata per organization: the standard fields are seeded, admins add custom ones. */
export const fields = pgTable(
  'fields',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    module: text().$type<ModuleKey>().notNull(),
    key: text().notNull(),
    labelVi: text().notNull(),
    labelEn: text().notNull(),
    type: text().$type<FieldType>().notNull(),
    options: jsonb().$type<PicklistOption[]>().notNull().default([]),
    refModule: text().$type<ModuleKey>(),
    required: boolean().notNull().default(false),
    system: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Moved by every edit of a custom field, so caches of the catalog see the change. */
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('fields_org_module_key').on(t.orgId, t.module, t.key)],
);

export type RecordData = Record<string, unknown>;

export const records = pgTable(
  'records',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    module: text().$type<ModuleKey>().notNull(),
    data: jsonb().$type<RecordData>().notNull().default({}),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Id of the record in the system it was imported from, for idempotent sync. */
    externalId: text(),
    createdBy: uuid(),
    updatedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('records_org_module_updated_idx').on(t.orgId, t.module, t.updatedAt),
    uniqueIndex('records_external_key')
      .on(t.orgId, t.module, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);
