import { type Db, records } from '@crmflow/db';
import type { RecordRow } from '@crmflow/engine';
import { loadRecordMeta } from '@crmflow/engine';
import { type FieldMeta, type ModuleKey, type PlainCode, render } from '@crmflow/flow';
import { accentFoldTranslation, foldSearchText } from '@crmflow/flow/records';
import { and, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';

export type RecordListQuery = {
  q?: string | undefined;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  page: number;
  pageSize: number;
  /** `filter.<field>=<value>` pairs; several values for one field mean any of them. */
  filters: Record<string, string[]>;
};

const searchableTypes: readonly FieldMeta['type'][] = ['text', 'textarea', 'email', 'phone'];
const numericTypes: readonly FieldMeta['type'][] = ['number', 'money'];

const folded = (expression: SQL) =>
  sql`translate(lower(${expression}), ${accentFoldTranslation.from}, ${accentFoldTranslation.to})`;
const textOf = (key: string) => sql`(${records.data} ->> ${key})`;
/** Numbers as numbers for ordering and comparison; anything else stored there reads as null. */
const numberOf = (key: string) =>
  sql`(case when jsonb_typeof(${records.data} -> ${key}) = 'number' then (${records.data} ->> ${key})::numeric end)`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

function invalid(field: string, locale: Locale, code: PlainCode): AppError {
  return new AppError('invalid_input', { details: [{ field, message: render(locale, code) }] });
}

function filterCondition(field: FieldMeta, values: string[], locale: Locale): SQL {
  const one = (value: string): SQL => {
    if (value === '') return sql`coalesce(${textOf(field.key)}, '') = ''`;
    if (numericTypes.includes(field.type)) {
      const number = Number(value);
      if (!Number.isFinite(number)) throw invalid(`filter.${field.key}`, locale, 'record.number');
      return sql`${numberOf(field.key)} = ${number}`;
    }
    if (field.type === 'multipicklist')
      return sql`${records.data} -> ${field.key} @> jsonb_build_array(${value}::text)`;
    if (searchableTypes.includes(field.type))
      return sql`${folded(textOf(field.key))} = ${foldSearchText(value)}`;
    return sql`${textOf(field.key)} = ${value}`;
  };
  const conditions = values.map(one);
  return conditions.length === 1 && conditions[0] ? conditions[0] : sql`(${sql.join(conditions, sql` or `)})`;
}

function orderBy(fields: FieldMeta[], query: RecordListQuery, locale: Locale): SQL {
  const sort = query.sort ?? 'updatedAt';
  const direction = (query.order ?? (query.sort ? 'asc' : 'desc')) === 'asc' ? sql`asc` : sql`desc`;
  if (sort === 'createdAt') return sql`${records.createdAt} ${direction}, ${records.id}`;
  if (sort === 'updatedAt') return sql`${records.updatedAt} ${direction}, ${records.id}`;
  const field = fields.find((candidate) => candidate.key === sort);
  if (!field) throw invalid('sort', locale, 'record.unknown_field');
  const value = numericTypes.includes(field.type) ? numberOf(field.key) : folded(textOf(field.key));
  return sql`${value} ${direction} nulls last, ${records.id}`;
}

/**
 * A page of a module's live records: `q` searches the module's text fields ignoring case and
 * Vietnamese accents (by `translate`, as PGlite has no `unaccent`), filters compare one field
 * each, and the order is a field or a timestamp with the id as tie-break so pages never overlap.
 */
export async function listRecords(args: {
  db: Db;
  orgId: string;
  module: ModuleKey;
  query: RecordListQuery;
  locale: Locale;
}): Promise<{ rows: RecordRow[]; total: number }> {
  const { db, orgId, module, query, locale } = args;
  const { fields } = await loadRecordMeta({ db, orgId, module });
  const conditions: SQL[] = [eq(records.orgId, orgId), eq(records.module, module), isNull(records.deletedAt)];
  const term = query.q ? foldSearchText(query.q) : '';
  const searchable = fields.filter((field) => searchableTypes.includes(field.type));
  if (term && searchable.length > 0) {
    const haystack = sql`concat_ws(' ', ${sql.join(
      searchable.map((field) => textOf(field.key)),
      sql`, `,
    )})`;
    conditions.push(sql`${folded(haystack)} like ${`%${escapeLike(term)}%`}`);
  }
  for (const [key, values] of Object.entries(query.filters)) {
    const field = fields.find((candidate) => candidate.key === key);
    if (!field) throw invalid(`filter.${key}`, locale, 'record.unknown_field');
    conditions.push(filterCondition(field, values, locale));
  }
  const where = and(...conditions);
  // One query after the other: the embedded database interleaves concurrent statements.
  const rows = await db
    .select()
    .from(records)
    .where(where)
    .orderBy(orderBy(fields, query, locale))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [totalRow] = await db.select({ total: count() }).from(records).where(where);
  return { rows, total: totalRow?.total ?? 0 };
}
