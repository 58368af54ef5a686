import type { Run, RunDetail } from '@crmflow/contracts';
import { type Db, records, runSteps, runs, workflows, workflowVersions } from '@crmflow/db';
import type { Locale, ModuleKey } from '@crmflow/flow';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { resolveRefs } from './run-refs.ts';
import { type RunJoined, toRunDetail, toRunView } from './run-view.ts';

export type RunFilter = {
  workflowId?: string | undefined;
  recordId?: string | undefined;
  module?: ModuleKey | undefined;
  status?: Run['status'] | undefined;
};

/**
 * A run's reason in the reader's language. The `reason` column holds it in the organization's
 * only; a failed run's first failed step keeps its error in both, and a dropped run's cause keeps
 * why the loop guard cut it in both (`cause.dropped`), so the reader gets theirs.
 */
const readerReason = (locale: Locale) =>
  sql<string | null>`case
    when ${runs.status} = 'failed' then (select s.error->'details'->>${locale} from ${runSteps} s
      where s.run_id = ${runs.id} and s.status = 'failed' order by s.finished_at limit 1)
    when ${runs.status} = 'dropped' then ${runs.cause}->'dropped'->>${locale}
  end`;

function joinedRuns(db: Db, locale: Locale) {
  return db
    .select({
      run: runs,
      readerReason: readerReason(locale),
      workflowName: workflows.name,
      version: { version: workflowVersions.version, graph: workflowVersions.graph },
      record: { module: records.module, data: records.data },
    })
    .from(runs)
    .innerJoin(workflows, eq(workflows.id, runs.workflowId))
    .innerJoin(workflowVersions, eq(workflowVersions.id, runs.workflowVersionId))
    .leftJoin(records, eq(records.id, runs.recordId));
}

function conditionsOf(orgId: string, filter: RunFilter): SQL | undefined {
  return and(
    eq(runs.orgId, orgId),
    filter.workflowId ? eq(runs.workflowId, filter.workflowId) : undefined,
    filter.recordId ? eq(runs.recordId, filter.recordId) : undefined,
    filter.module ? eq(runs.module, filter.module) : undefined,
    filter.status ? eq(runs.status, filter.status) : undefined,
  );
}

/** The organization's runs, newest first, one page at a time, with the total for the filter. */
export async function listRuns(args: {
  db: Db;
  orgId: string;
  filter: RunFilter;
  page: number;
  pageSize: number;
  locale: Locale;
}): Promise<{ items: Run[]; total: number }> {
  const { db, orgId, filter, page, pageSize } = args;
  const where = conditionsOf(orgId, filter);
  const rows: RunJoined[] = await joinedRuns(db, args.locale)
    .where(where)
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(runs).where(where);
  return { items: rows.map(toRunView), total: count?.total ?? 0 };
}

/** One run of the organization with its steps (in the order they started) and its graph. */
export async function getRun(args: {
  db: Db;
  orgId: string;
  id: string;
  locale: Locale;
}): Promise<RunDetail> {
  const { db, orgId, id } = args;
  const [joined] = await joinedRuns(db, args.locale).where(and(eq(runs.orgId, orgId), eq(runs.id, id)));
  if (!joined) throw new AppError('run_not_found');
  const steps = await db
    .select()
    .from(runSteps)
    .where(eq(runSteps.runId, id))
    .orderBy(sql`${runSteps.startedAt} asc nulls last`, asc(runSteps.id));
  const refs = await resolveRefs({
    db,
    orgId,
    values: steps.flatMap((step) => [step.input, step.output, step.error]),
  });
  return toRunDetail(joined, steps, refs);
}

/** 404 unless the record is one of the organization's, in that module (deleted ones too: their runs remain). */
export async function assertRecordOf(args: { db: Db; orgId: string; module: ModuleKey; id: string }) {
  const [found] = await args.db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.id, args.id), eq(records.orgId, args.orgId), eq(records.module, args.module)));
  if (!found) throw new AppError('record_not_found');
}
