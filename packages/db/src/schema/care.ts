import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workflows } from './workflows.ts';

/**
 * Where each active care process's scheduler has got to. `lastScheduledOn` is the last calendar
 * day (in the organization's time zone) whose due occurrences were scheduled: a tick schedules
 * the days after it, up to today once the run time has come, so a missed tick is caught up once
 * and a process that already ran today waits for tomorrow. Runs stay unique per occurrence
 * whatever this says (`runs_occurrence_key`).
 */
export const careSchedules = pgTable('care_schedules', {
  workflowId: uuid()
    .primaryKey()
    .references(() => workflows.id, { onDelete: 'cascade' }),
  orgId: uuid().notNull(),
  /** `yyyy-MM-dd` in the organization's time zone. */
  lastScheduledOn: text().notNull(),
  /** The version that last ran: the one today's runs are pinned to. */
  lastVersionId: uuid(),
  lastTickAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
