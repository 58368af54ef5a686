import { randomUUID } from 'node:crypto';
import { type Db, runSteps, runs } from '@crmflow/db';
import { and, eq, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { enqueueSteps, retryJob } from './step-jobs.ts';

export type RetryRunResult = { runId: string; retried: string[] };

/**
 * Puts a run's failed steps back in the queue (`POST /api/runs/:id/retry`): each goes back to
 * `pending` with a fresh job and a full set of attempts, and the run to `running`. Effects a
 * step already applied stay claimed, so retrying never applies them twice. `null` when the run
 * is not the organization's.
 */
export async function retryRun(args: {
  db: Db;
  boss: PgBoss;
  orgId: string;
  runId: string;
}): Promise<RetryRunResult | null> {
  const { db, boss, orgId, runId } = args;
  return db.transaction(async (tx) => {
    const [run] = await tx
      .select({ id: runs.id })
      .from(runs)
      .where(and(eq(runs.id, runId), eq(runs.orgId, orgId)))
      .for('update');
    if (!run) return null;
    const failed = await tx
      .update(runSteps)
      .set({ status: 'pending', finishedAt: null })
      .where(and(eq(runSteps.runId, runId), eq(runSteps.status, 'failed')))
      .returning({ nodeId: runSteps.nodeId });
    if (failed.length === 0) return { runId, retried: [] };
    await tx
      .update(runs)
      .set({
        status: 'running',
        reason: null,
        finishedAt: null,
        startedAt: sql`coalesce(${runs.startedAt}, now())`,
      })
      .where(eq(runs.id, runId));
    const request = randomUUID();
    await enqueueSteps({ tx, boss, jobs: failed.map((step) => retryJob(runId, step.nodeId, request)) });
    return { runId, retried: failed.map((step) => step.nodeId).sort() };
  });
}
