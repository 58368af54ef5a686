import type { Executor } from '@crmflow/db';
import { addDays, type LeapDayRule, type ModuleKey, type ScheduleTriggerConfig } from '@crmflow/flow';
import { type SQL, sql } from 'drizzle-orm';
import { type DayRange, onceDates, yearlyKeys } from './care-days.ts';
import { careExpression, keyLiteral } from './care-index.ts';

/** What a care process selects: one organization's records of a module due in a range of fire dates. */
export type CareSelector = {
  orgId: string;
  module: ModuleKey;
  trigger: Pick<ScheduleTriggerConfig, 'dateField' | 'recurrence' | 'offsetDays'>;
  leapDay: LeapDayRule;
  /** Fire dates (date + offset), in the organization's calendar. */
  fire: DayRange;
};

/** A record due for an occurrence; `occurrence` keys its run, `fireDate` is when it is due. */
export type DueRecord = {
  id: string;
  data: Record<string, unknown>;
  ownerId: string | null;
  occurrence: string;
  fireDate: string;
};

/** How many rows one batch holds: the scheduler never has more of a module's records in memory. */
export const CARE_BATCH_SIZE = 1_000;

/**
 * Whether a jsonb text value is a real calendar date `yyyy-MM-dd` (no 30 February, no 29 February
 * in a common year), as `isCalendarDate` says. Postgres 15 has no `pg_input_is_valid`, and a cast
 * would fail the whole query on one bad value; `case` makes the pattern guard the casts.
 */
function isCalendarDateSql(value: SQL): SQL {
  const year = sql`substr(${value}, 1, 4)::int`;
  const leap = sql`(${year} % 4 = 0 and ${year} % 100 <> 0 or ${year} % 400 = 0)`;
  return sql`case when ${value} ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' then
    substr(${value}, 9, 2)::int <= case substr(${value}, 6, 2)
      when '02' then case when ${leap} then 29 else 28 end
      when '04' then 30 when '06' then 30 when '09' then 30 when '11' then 30 else 31 end
    else false end`;
}

/**
 * The FROM and WHERE of a selection. Module and field are literals so that the planner uses the
 * partial expression index of `ensureCareIndex`: month-day joined to the wanted anniversaries
 * (yearly), or a range of dates (once). An anniversary before the date itself does not count.
 */
function dueSource(selector: CareSelector): { from: SQL; occurrence: SQL; fireDate: SQL } | null {
  const { trigger } = selector;
  const value = sql.raw(`r.data->>${keyLiteral(trigger.dateField)}`);
  const scope = sql`r.org_id = ${selector.orgId} and r.module = ${sql.raw(keyLiteral(selector.module))} and r.deleted_at is null and ${isCalendarDateSql(value)}`;
  if (trigger.recurrence === 'once') {
    const dates = onceDates({ fire: selector.fire, offsetDays: trigger.offsetDays });
    const indexed = sql.raw(careExpression({ field: trigger.dateField, kind: 'date', alias: 'r' }));
    return {
      from: sql`records r where ${scope} and ${indexed} between ${dates.from}::text and ${dates.to}::text`,
      occurrence: value,
      fireDate: sql`null::text`,
    };
  }
  const keys = yearlyKeys({ fire: selector.fire, offsetDays: trigger.offsetDays, leapDay: selector.leapDay });
  if (keys.length === 0) return null;
  const rows = sql.join(
    keys.map((key) => sql`(${key.md}::text, ${key.occurrence}::text, ${key.fireDate}::text)`),
    sql`, `,
  );
  const indexed = sql.raw(careExpression({ field: trigger.dateField, kind: 'md', alias: 'r' }));
  return {
    from: sql`(values ${rows}) as due(md, occurrence, fire_date)
      join records r on ${indexed} = due.md
      where ${scope} and ${value} <= due.occurrence`,
    occurrence: sql`due.occurrence`,
    fireDate: sql`due.fire_date`,
  };
}

/** One page of due records, in id order after `afterId`. */
export function dueRecordsQuery(
  selector: CareSelector,
  page: { afterId: string | null; limit: number },
): SQL | null {
  const source = dueSource(selector);
  if (!source) return null;
  const after = page.afterId ? sql` and r.id > ${page.afterId}::uuid` : sql``;
  return sql`select r.id, r.data, r.owner_id, ${source.occurrence} as occurrence, ${source.fireDate} as fire_date
    from ${source.from}${after}
    order by r.id limit ${page.limit}`;
}

type DueRow = {
  id: string;
  data: Record<string, unknown>;
  owner_id: string | null;
  occurrence: string;
  fire_date: string | null;
};

/** One page of due records; `lastId` carries the keyset on, null after the last page. */
export async function selectDuePage(args: {
  db: Executor;
  selector: CareSelector;
  afterId: string | null;
  limit?: number;
}): Promise<{ records: DueRecord[]; lastId: string | null }> {
  const { selector } = args;
  const limit = args.limit ?? CARE_BATCH_SIZE;
  const query = dueRecordsQuery(selector, { afterId: args.afterId, limit });
  if (!query) return { records: [], lastId: null };
  const rows = await args.db.execute<DueRow>(query);
  const records: DueRecord[] = [];
  for (const row of rows) {
    const fireDate = row.fire_date ?? addDays(row.occurrence, selector.trigger.offsetDays);
    records.push({ id: row.id, data: row.data, ownerId: row.owner_id, occurrence: row.occurrence, fireDate });
  }
  const last = rows.length === limit ? rows[rows.length - 1] : undefined;
  return { records, lastId: last?.id ?? null };
}

/** Every due record, a batch at a time (keyset on id, so memory stays one batch whatever the module holds). */
export async function* dueRecordBatches(args: {
  db: Executor;
  selector: CareSelector;
  batchSize?: number;
}): AsyncGenerator<DueRecord[]> {
  let afterId: string | null = null;
  do {
    const page = await selectDuePage({
      ...args,
      afterId,
      ...(args.batchSize ? { limit: args.batchSize } : {}),
    });
    if (page.records.length > 0) yield page.records;
    afterId = page.lastId;
  } while (afterId);
}

/** How many records are due, counted by the database. */
export async function countDueRecords(args: { db: Executor; selector: CareSelector }): Promise<number> {
  const source = dueSource(args.selector);
  if (!source) return 0;
  const [row] = await args.db.execute<{ total: number }>(
    sql`select count(*)::int as total from ${source.from}`,
  );
  return Number(row?.total ?? 0);
}

/** The plan of a page of the selection, run for real: `EXPLAIN (ANALYZE, BUFFERS)`, for benchmarks and diagnosis. */
export async function explainDueRecords(args: {
  db: Executor;
  selector: CareSelector;
  limit?: number;
}): Promise<string[]> {
  const query = dueRecordsQuery(args.selector, { afterId: null, limit: args.limit ?? CARE_BATCH_SIZE });
  if (!query) return [];
  const rows = await args.db.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${query}`);
  return [...rows].map((row) => row['QUERY PLAN']);
}
