import type { WorkflowStats } from '@crmflow/contracts';
import { type Executor, runs } from '@crmflow/db';
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';

/** Run counts, failures and the latest run of each workflow, in two grouped queries. */
export async function workflowStats(args: {
  db: Executor;
  orgId: string;
  workflowIds: string[];
}): Promise<Map<string, WorkflowStats>> {
  const { db, orgId, workflowIds } = args;
  const stats = new Map<string, WorkflowStats>();
  if (workflowIds.length === 0) return stats;
  const scope = and(eq(runs.orgId, orgId), inArray(runs.workflowId, workflowIds));
  const counts = await db
    .select({
      workflowId: runs.workflowId,
      runs: sql<number>`count(*)::int`,
      failed: sql<number>`(count(*) filter (where ${runs.status} = 'failed'))::int`,
      lastRunAt: max(runs.createdAt),
    })
    .from(runs)
    .where(scope)
    .groupBy(runs.workflowId);
  const latest = await db
    .selectDistinctOn([runs.workflowId], { workflowId: runs.workflowId, status: runs.status })
    .from(runs)
    .where(scope)
    .orderBy(runs.workflowId, desc(runs.createdAt), desc(runs.id));
  for (const count of counts) {
    stats.set(count.workflowId, {
      runs: count.runs,
      failed: count.failed,
      lastRunAt: count.lastRunAt?.toISOString() ?? null,
      lastRunStatus: latest.find((run) => run.workflowId === count.workflowId)?.status ?? null,
    });
  }
  return stats;
}
