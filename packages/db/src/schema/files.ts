import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { records } from './records.ts';
import { organizations } from './tenancy.ts';

/** Raw bytes; postgres.js hands back a Buffer, PGlite a Uint8Array — both read as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Files kept with a record: today the print template a `create_task` step attached to the task
 * it made. Written in the transaction that creates the task, so a task never exists without
 * the file its step promised, and a retried step (one task per run and node) adds none twice.
 */
export const recordFiles = pgTable(
  'record_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    recordId: uuid()
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    content: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('record_files_record').on(t.orgId, t.recordId)],
);
