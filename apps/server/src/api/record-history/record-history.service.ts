import { type Db, recordHistory, records, users, workflows } from '@crmflow/db';
import type { ModuleKey } from '@crmflow/flow';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';

export type HistoryEntry = {
  id: string;
  at: string;
  operation: 'create' | 'update' | 'delete';
  source: 'ui' | 'api' | 'import' | 'workflow';
  actor: { id: string; name: string } | null;
  run: { id: string; workflowId: string | null; workflowName: string | null } | null;
  changes: { field: string; before: unknown; after: unknown }[];
};

/**
 * One page of a record's history, newest first, with the names of the users and workflows that
 * made the changes. A record of another organization or module is a 404; a deleted one keeps
 * its history.
 */
export async function recordHistoryPage(args: {
  db: Db;
  orgId: string;
  module: ModuleKey;
  recordId: string;
  page: number;
  pageSize: number;
}): Promise<{ items: HistoryEntry[]; total: number; page: number; pageSize: number }> {
  const { db, orgId, module, recordId, page, pageSize } = args;
  const [record] = await db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.id, recordId), eq(records.orgId, orgId), eq(records.module, module)));
  if (!record) throw new AppError('record_not_found');
  const where = and(eq(recordHistory.orgId, orgId), eq(recordHistory.recordId, recordId));
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(recordHistory)
      .where(where)
      .orderBy(desc(recordHistory.at), desc(recordHistory.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(recordHistory).where(where),
  ]);
  const userIds = [...new Set(rows.flatMap((row) => row.actorUserId ?? []))];
  const isUuid = (id: string) => z.uuid().safeParse(id).success;
  const workflowIds = [
    ...new Set(rows.flatMap((row) => (row.workflowId && isUuid(row.workflowId) ? [row.workflowId] : []))),
  ];
  const [people, flows] = await Promise.all([
    userIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.orgId, orgId), inArray(users.id, userIds))),
    workflowIds.length === 0
      ? []
      : db
          .select({ id: workflows.id, name: workflows.name })
          .from(workflows)
          .where(and(eq(workflows.orgId, orgId), inArray(workflows.id, workflowIds))),
  ]);
  const nameOfUser = new Map(people.map((user) => [user.id, user.name]));
  const nameOfFlow = new Map(flows.map((flow) => [flow.id, flow.name]));
  const items = rows.map(
    (row): HistoryEntry => ({
      id: row.id,
      at: row.at.toISOString(),
      operation: row.operation,
      source: row.source,
      actor: row.actorUserId ? { id: row.actorUserId, name: nameOfUser.get(row.actorUserId) ?? '' } : null,
      run: row.runId
        ? {
            id: row.runId,
            workflowId: row.workflowId,
            workflowName: row.workflowId ? (nameOfFlow.get(row.workflowId) ?? null) : null,
          }
        : null,
      changes: row.changed.map((field) => ({
        field,
        before: row.before?.[field] ?? null,
        after: row.after?.[field] ?? null,
      })),
    }),
  );
  return { items, total: Number(counted?.total ?? 0), page, pageSize };
}
