import { type Db, recordHistory } from '@crmflow/db';
import { type ConditionItem, type EventTriggerConfig, isConditionGroup, type ModuleKey } from '@crmflow/flow';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { MAX_CAUSAL_DEPTH } from '../runtime/matcher/loop-guard.ts';
import type { WorkflowGraph } from '../runtime/workflow-graph.ts';

/**
 * What the matcher's decision on a history row depends on: the operation, the changed fields,
 * the values of the fields the conditions read on either side, whether the loop guard's depth
 * is passed, and (only when a condition is relative to today) the day of the change. Rows of one
 * shape get one decision, so the engine decides once per shape and the database counts the rows.
 */
export type HistoryShape = {
  shape: string;
  operation: 'create' | 'update' | 'delete';
  changed: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  deep: boolean;
  /** The first change of the shape: its day is the day of every change of the shape. */
  at: string;
  rows: number;
};

export type HistoryRow = {
  id: string;
  record_id: string;
  operation: 'create' | 'update' | 'delete';
  changed: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  depth: number;
  at: string;
};

const operationsOf: Record<EventTriggerConfig['on'], string[]> = {
  create: ['create'],
  create_or_update: ['create', 'update'],
  update: ['update'],
  delete: ['delete'],
};

const dayRelative = new Set(['date_today', 'date_within_last', 'date_within_next']);

/** The fields a graph's conditions read, and whether any rule depends on the day. */
export function conditionInputs(graph: WorkflowGraph): { fields: string[]; byDay: boolean } {
  const keys = new Set<string>();
  let byDay = false;
  const visit = (items: readonly ConditionItem[]) => {
    for (const item of items) {
      if (isConditionGroup(item)) visit(item.rules);
      else {
        keys.add(item.field);
        if (dayRelative.has(item.op)) byDay = true;
      }
    }
  };
  for (const node of graph.nodes.values()) {
    if (node.kind === 'condition' && node.config.mode === 'criteria') visit(node.config.rules);
  }
  return { fields: [...keys], byDay };
}

/** The scope of a replay: one module's history of a period, as far as the trigger can fire. */
export type HistoryScope = {
  orgId: string;
  module: ModuleKey;
  trigger: EventTriggerConfig;
  fields: readonly string[];
  byDay: boolean;
  timeZone: string;
  since: Date;
  until: Date;
};

// Field keys and operations are plain identifiers (`^[a-z_][a-z0-9_]*$`): an array literal is safe.
const textArray = (items: readonly string[]) => `{${items.join(',')}}`;

/**
 * The rows the trigger can fire on: operation and watched fields filtered by the database
 * (`changed && fields` for any, `@>` for all), on the `(org_id, module, at)` index.
 */
function scopeFilter(scope: HistoryScope): SQL {
  const { trigger } = scope;
  const watched = textArray(trigger.fields);
  const fieldsMatch =
    trigger.fields.length === 0
      ? sql`cardinality(changed) > 0`
      : trigger.match === 'all'
        ? sql`changed @> ${watched}::text[]`
        : sql`changed && ${watched}::text[]`;
  return sql`org_id = ${scope.orgId} and module = ${scope.module}
    and at >= ${scope.since.toISOString()}::timestamptz and at <= ${scope.until.toISOString()}::timestamptz
    and operation = any(${textArray(operationsOf[trigger.on])}::text[])
    and (operation <> 'update' or ${fieldsMatch})`;
}

/**
 * One text per shape, cheap to compute for every row: the operation, the changed fields, each
 * read field's JSON text on either side (`~`, which no JSON text is, when missing), the loop
 * guard's depth and the day. Field keys go in as parameters.
 */
function shapeKey(scope: HistoryScope): SQL {
  const sides = scope.fields.flatMap((key) => [
    sql`coalesce((before -> ${key}::text)::text, '~')`,
    sql`coalesce((after -> ${key}::text)::text, '~')`,
  ]);
  const day = scope.byDay ? sql`((at at time zone ${scope.timeZone})::date)::text` : sql`''`;
  return sql`concat_ws('|', operation, changed::text, (before is null)::text, (after is null)::text,
    ${sql.join([...sides, sql`''`], sql`, `)}, (depth > ${sql.raw(String(MAX_CAUSAL_DEPTH))})::text, ${day})`;
}

/** The distinct shapes of the scope's rows, with how many rows each. */
export async function historyShapes(db: Db, scope: HistoryScope): Promise<HistoryShape[]> {
  const values = scope.fields.flatMap((key, index) => [
    sql`before -> ${key}::text as ${sql.raw(`b${index}`)}`,
    sql`after -> ${key}::text as ${sql.raw(`a${index}`)}`,
  ]);
  const grouped = 7 + values.length;
  type ShapeRow = Pick<HistoryShape, 'shape' | 'operation' | 'changed' | 'deep' | 'at' | 'rows'> & {
    no_before: boolean;
    no_after: boolean;
    [value: string]: unknown;
  };
  const rows = await db.execute<ShapeRow>(sql`
    select ${shapeKey(scope)} as shape, operation, changed, before is null as no_before,
      after is null as no_after, depth > ${sql.raw(String(MAX_CAUSAL_DEPTH))} as deep,
      ${sql.join([...values, sql`count(*)::int as rows`], sql`, `)}, to_json(min(at)) #>> '{}' as at
    from record_history where ${scopeFilter(scope)}
    group by ${sql.raw(Array.from({ length: grouped - 1 }, (_, i) => i + 1).join(', '))}
  `);
  const side = (row: ShapeRow, prefix: 'a' | 'b') =>
    Object.fromEntries(
      scope.fields.flatMap((key, index) => {
        const value = row[`${prefix}${index}`];
        return value === null || value === undefined ? [] : [[key, value]];
      }),
    );
  return rows.map((row) => ({
    shape: row.shape,
    operation: row.operation,
    changed: row.changed,
    before: row.no_before ? null : side(row, 'b'),
    after: row.no_after ? null : side(row, 'a'),
    deep: row.deep,
    at: row.at,
    rows: row.rows,
  }));
}

/**
 * The rows of the given shapes: how many, on how many records, and the latest `limit` of them
 * (with `firstPerRecord`, only each record's first row counts, as `repeat: false` fires once).
 */
export async function historyHits(
  db: Db,
  args: { scope: HistoryScope; shapes: readonly string[]; firstPerRecord: boolean; limit: number },
): Promise<{ runs: number; records: number; latest: HistoryRow[] }> {
  if (args.shapes.length === 0) return { runs: 0, records: 0, latest: [] };
  const hits = sql`select id, record_id, at from record_history
    where ${scopeFilter(args.scope)}
      and ${shapeKey(args.scope)} in (select json_array_elements_text(${JSON.stringify(args.shapes)}::json))`;
  const counted = args.firstPerRecord
    ? sql`select distinct on (record_id) id, record_id, at from (${hits}) h order by record_id, at, id`
    : hits;
  const [totals] = await db.execute<{ runs: number; records: number; ids: string[] | null }>(sql`
    with counted as (${counted})
    select count(*)::int as runs, count(distinct record_id)::int as records,
      (select array_agg(id) from (select id from counted order by at desc, id desc limit ${args.limit}) l) as ids
    from counted
  `);
  const ids = totals?.ids ?? [];
  const latest =
    ids.length === 0
      ? []
      : await db
          .select({
            id: recordHistory.id,
            record_id: recordHistory.recordId,
            operation: recordHistory.operation,
            changed: recordHistory.changed,
            before: recordHistory.before,
            after: recordHistory.after,
            depth: recordHistory.depth,
            at: recordHistory.at,
          })
          .from(recordHistory)
          .where(inArray(recordHistory.id, ids));
  const order = new Map(ids.map((id, index) => [id, index]));
  return {
    runs: totals?.runs ?? 0,
    records: totals?.records ?? 0,
    latest: latest
      .map((row) => ({ ...row, at: row.at.toISOString() }))
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
  };
}
