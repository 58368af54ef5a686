import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { providers } from './crm.ts';
import { records } from './records.ts';
import { organizations } from './tenancy.ts';

/**
 * A task synced to the external work app ("Đồng bộ sang ứng dụng công việc"): the app's id for it
 * and the link to open it there. One per task.
 */
export const workAppTasks = pgTable(
  'work_app_tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    taskId: uuid()
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    providerId: uuid().references(() => providers.id, { onDelete: 'set null' }),
    projectId: text().notNull(),
    groupId: text(),
    externalId: text().notNull(),
    url: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('work_app_tasks_task').on(t.orgId, t.taskId)],
);
