import { careSchedules, type Executor, organizations, workflows, workflowVersions } from '@crmflow/db';
import { LeapDayRule, type ModuleKey } from '@crmflow/flow';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type CareGraph, parseCareGraph } from './care-graph.ts';

/** An active care process as the scheduler sees it, with where it has got to. */
export type ActiveCareProcess = {
  id: string;
  orgId: string;
  module: ModuleKey;
  versionId: string;
  activatedAt: Date | null;
  timeZone: string;
  leapDay: LeapDayRule;
  lastScheduledOn: string | null;
};

/** The organization's rule for 29 February in common years (28 February unless it chose 1 March). */
export const leapDayOf = (settings: { leapDayRule?: unknown } | null | undefined): LeapDayRule =>
  LeapDayRule.catch('feb28').parse(settings?.leapDayRule ?? 'feb28');

/** Every active care process of every organization; one small query a tick. */
export async function loadActiveCareProcesses(db: Executor): Promise<ActiveCareProcess[]> {
  const rows = await db
    .select({
      id: workflows.id,
      orgId: workflows.orgId,
      module: workflows.module,
      versionId: workflows.currentVersionId,
      activatedAt: workflows.activatedAt,
      timeZone: organizations.timeZone,
      settings: organizations.settings,
      lastScheduledOn: careSchedules.lastScheduledOn,
    })
    .from(workflows)
    .innerJoin(organizations, eq(organizations.id, workflows.orgId))
    .leftJoin(careSchedules, eq(careSchedules.workflowId, workflows.id))
    .where(
      and(
        eq(workflows.kind, 'schedule'),
        eq(workflows.status, 'active'),
        isNotNull(workflows.currentVersionId),
      ),
    )
    .orderBy(workflows.orgId, workflows.module, workflows.priority, workflows.createdAt, workflows.id);
  return rows.flatMap((row) =>
    row.versionId
      ? [
          {
            id: row.id,
            orgId: row.orgId,
            module: row.module,
            versionId: row.versionId,
            activatedAt: row.activatedAt,
            timeZone: row.timeZone,
            leapDay: leapDayOf(row.settings),
            lastScheduledOn: row.lastScheduledOn,
          },
        ]
      : [],
  );
}

/**
 * Records that the days through `through` are scheduled, never moving back: of two schedulers
 * finishing the same tick, or a slow one finishing after a faster later one, the latest day stays.
 */
export async function markScheduled(args: {
  db: Executor;
  process: Pick<ActiveCareProcess, 'id' | 'orgId' | 'versionId'>;
  through: string;
  now: Date;
}): Promise<void> {
  const { process, through, now } = args;
  await args.db
    .insert(careSchedules)
    .values({
      workflowId: process.id,
      orgId: process.orgId,
      lastScheduledOn: through,
      lastVersionId: process.versionId,
      lastTickAt: now,
    })
    .onConflictDoUpdate({
      target: careSchedules.workflowId,
      set: {
        lastScheduledOn: sql`greatest(${careSchedules.lastScheduledOn}, excluded.last_scheduled_on)`,
        lastVersionId: sql`case when excluded.last_scheduled_on >= ${careSchedules.lastScheduledOn} then excluded.last_version_id else ${careSchedules.lastVersionId} end`,
        lastTickAt: sql`excluded.last_tick_at`,
      },
    });
}

const MAX_CACHED_GRAPHS = 5_000;

/** Parsed care graphs by version id; versions are immutable, so an entry never goes stale. */
export class CareGraphCache {
  readonly #graphs = new Map<string, CareGraph | null>();

  async load(db: Executor, versionIds: readonly string[]): Promise<Map<string, CareGraph | null>> {
    const missing = [...new Set(versionIds)].filter((id) => !this.#graphs.has(id));
    if (missing.length > 0) {
      const rows = await db
        .select({ id: workflowVersions.id, graph: workflowVersions.graph })
        .from(workflowVersions)
        .where(inArray(workflowVersions.id, missing));
      if (this.#graphs.size + rows.length > MAX_CACHED_GRAPHS) this.#graphs.clear();
      for (const row of rows) {
        const parsed = parseCareGraph(row.graph);
        this.#graphs.set(row.id, parsed.ok ? parsed.graph : null);
      }
    }
    return new Map(versionIds.map((id) => [id, this.#graphs.get(id) ?? null]));
  }
}
