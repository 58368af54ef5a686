import { careSchedules, type Executor } from '@crmflow/db';
import { addDays, isoWeekBounds, type ModuleKey, todayIn } from '@crmflow/flow';
import { eq } from 'drizzle-orm';
import { recordTitle } from '../records/record-meta.ts';
import { type OrgContext, OrgContexts } from '../runtime/org-context.ts';
import type { DayRange } from './care-days.ts';
import { type CareGraph, hasConditions, parseCareGraph, walkCareGraph } from './care-graph.ts';
import { leapDayOf } from './care-processes.ts';
import { planCareStarts } from './care-runs.ts';
import { type CareSelector, countDueRecords, dueRecordBatches, selectDuePage } from './care-select.ts';

export type CarePreviewRecord = { id: string; title: string; occurrence: string; fireDate: string };
export type CarePreviewList = { total: number; records: CarePreviewRecord[] };

/**
 * What a care process would do, computed by the scheduler's own selection and conditions:
 * who is due today, who this ISO week, and the next seven runs with how many records each.
 */
export type CarePreview = {
  today: CarePreviewList & { date: string };
  thisWeek: CarePreviewList & DayRange;
  nextRuns: { date: string; total: number }[];
};

/** Records listed at most per list; `total` counts them all. */
export const PREVIEW_CAP = 100;

export type PreviewScope = {
  db: Executor;
  org: OrgContext;
  workflowId: string;
  module: ModuleKey;
  graph: CareGraph;
  now: Date;
};

/**
 * The due records of a range that would run (conditions evaluated a batch at a time), the first
 * `cap` of them listed. Without conditions the database counts them.
 */
async function tally(scope: PreviewScope, fire: DayRange, cap: number): Promise<CarePreviewList> {
  const { db, org, graph, now } = scope;
  const selector: CareSelector = {
    orgId: org.id,
    module: scope.module,
    trigger: graph.trigger.config,
    leapDay: leapDayOf(org.settings),
    fire,
  };
  const process = { workflowId: scope.workflowId, versionId: '', module: scope.module, graph, org };
  const toView = (r: {
    id: string;
    data: Record<string, unknown>;
    occurrence: string;
    fireDate: string;
  }) => ({
    id: r.id,
    title: recordTitle(scope.module, r.data),
    occurrence: r.occurrence,
    fireDate: r.fireDate,
  });
  if (!hasConditions(graph)) {
    const reachesActions =
      walkCareGraph({ graph, evaluate: () => ({ matched: true, trace: [] }) }).actions.length > 0;
    if (!reachesActions) return { total: 0, records: [] };
    if (cap === 0) return { total: await countDueRecords({ db, selector }), records: [] };
    const page = await selectDuePage({ db, selector, afterId: null, limit: cap });
    const total = page.lastId ? await countDueRecords({ db, selector }) : page.records.length;
    return { total, records: page.records.map(toView) };
  }
  let total = 0;
  const records: CarePreviewRecord[] = [];
  for await (const batch of dueRecordBatches({ db, selector })) {
    const starts = planCareStarts({ process, records: batch, now });
    total += starts.length;
    for (const start of starts.slice(0, Math.max(0, cap - records.length)))
      records.push(toView(start.record));
  }
  return { total, records };
}

/**
 * The due records whose runs fall in `fire` (any span of days), the first `cap` listed, as the
 * scheduler selects them: the impact preview's "next 30 days" of a care process.
 */
export async function previewCareRange(
  args: PreviewScope & { fire: DayRange; cap: number },
): Promise<CarePreviewList> {
  const list = await tally(args, args.fire, args.cap);
  return { total: list.total, records: list.records.sort(byDateThenTitle) };
}

const byDateThenTitle = (a: CarePreviewRecord, b: CarePreviewRecord) =>
  a.fireDate.localeCompare(b.fireDate) || a.title.localeCompare(b.title, 'vi');

/**
 * The days the next runs fall on: today unless the process already ran today, then daily
 * (window `day`) or on the Mondays that open the next weeks (window `week`, the current week
 * first when it has not run yet).
 */
export function nextRunDates(args: {
  today: string;
  lastScheduledOn: string | null;
  window: 'day' | 'week';
  count: number;
}): string[] {
  const { today, lastScheduledOn, count } = args;
  const first = lastScheduledOn !== null && lastScheduledOn >= today ? addDays(today, 1) : today;
  if (args.window === 'day') return Array.from({ length: count }, (_, i) => addDays(first, i));
  const weekOfFirst = isoWeekBounds(first);
  const ranThisWeek = lastScheduledOn !== null && lastScheduledOn >= weekOfFirst.start;
  const nextMonday = addDays(weekOfFirst.start, 7);
  const mondays = Array.from({ length: count }, (_, i) => addDays(nextMonday, 7 * i));
  return ranThisWeek ? mondays : [first, ...mondays.slice(0, count - 1)];
}

export async function previewCareProcess(scope: PreviewScope): Promise<CarePreview> {
  const { db, org, graph, now } = scope;
  const today = todayIn(org.timeZone, now);
  const week = isoWeekBounds(today);
  const [state] = await db
    .select({ lastScheduledOn: careSchedules.lastScheduledOn })
    .from(careSchedules)
    .where(eq(careSchedules.workflowId, scope.workflowId));
  const { window } = graph.trigger.config;
  const dates = nextRunDates({ today, lastScheduledOn: state?.lastScheduledOn ?? null, window, count: 7 });
  const todays = await tally(scope, { from: today, to: today }, PREVIEW_CAP);
  const thisWeek = await tally(scope, { from: week.start, to: week.end }, PREVIEW_CAP);
  const nextRuns: CarePreview['nextRuns'] = [];
  for (const date of dates) {
    const fire =
      window === 'day'
        ? { from: date, to: date }
        : { from: isoWeekBounds(date).start, to: isoWeekBounds(date).end };
    nextRuns.push({ date, total: (await tally(scope, fire, 0)).total });
  }
  return {
    today: { date: today, total: todays.total, records: todays.records.sort(byDateThenTitle) },
    thisWeek: {
      from: week.start,
      to: week.end,
      total: thisWeek.total,
      records: thisWeek.records.sort(byDateThenTitle),
    },
    nextRuns,
  };
}

/**
 * The preview of a care process's stored graph for its organization; `unusable` when the graph
 * is not a care process that could run (a draft without a date field, say).
 */
export async function previewCareWorkflow(args: {
  db: Executor;
  orgId: string;
  workflowId: string;
  module: ModuleKey;
  graph: unknown;
  now: Date;
  orgs?: OrgContexts;
}): Promise<{ ok: true; preview: CarePreview } | { ok: false; error: string }> {
  const parsed = parseCareGraph(args.graph);
  if (!parsed.ok) return parsed;
  const org = await (args.orgs ?? new OrgContexts()).one(args.db, args.orgId);
  const preview = await previewCareProcess({ ...args, org, graph: parsed.graph });
  return { ok: true, preview };
}
