import type { ModuleKey } from '@crmflow/flow';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RecordData } from './records.ts';
import { organizations } from './tenancy.ts';

/**
 * Lịch sử thay đổi: one row per committed record write, written in the write's transaction beside
 * its `record.changed` job and carrying the same id. `before`/`after` are the record's values on
 * either side of the write (null for a create / a delete), `changed` the fields that differ as
 * triggers see them. Rows older than the organization's `historyRetentionDays` are purged daily.
 */
export const recordHistory = pgTable(
  'record_history',
  {
    /** The id of the write's `record.changed` event. */
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    module: text().$type<ModuleKey>().notNull(),
    recordId: uuid().notNull(),
    operation: text().$type<'create' | 'update' | 'delete'>().notNull(),
    changed: text().array().notNull().default(sql`'{}'::text[]`),
    before: jsonb().$type<RecordData>(),
    after: jsonb().$type<RecordData>(),
    /** The user who made the change; null for the system or a workflow. */
    actorUserId: uuid(),
    source: text().$type<'ui' | 'api' | 'import' | 'workflow'>().notNull(),
    /**
     * The run whose step made the change, and its workflow (kept after the run itself is purged).
     * Text, as the event's causation carries them: a write is never refused for its history.
     */
    runId: text(),
    workflowId: text(),
    /** The causal depth of the write: 0 for people, a run's depth + 1 for a workflow. */
    depth: integer().notNull().default(0),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('record_history_record_idx').on(t.recordId, t.at),
    index('record_history_org_module_at_idx').on(t.orgId, t.module, t.at),
  ],
);
