import { type Executor, records, users } from '@crmflow/db';
import {
  type FieldMeta,
  type Locale,
  type ModuleCatalog,
  type ModuleMeta,
  renderMergeFields,
  type UserDirectory,
} from '@crmflow/flow';
import { and, eq, inArray, isNull } from 'drizzle-orm';

type RecordData = Readonly<Record<string, unknown>>;

/** A user of the organization as messages need them: a name to show, where to reach them. */
export type Person = { id: string; name: string; email: string; phone: string | null; active: boolean };

/**
 * Everything the merge fields of one record can read: the record, the records its reference
 * fields point at (one level), and the users named by user fields of either — loaded once,
 * then used for every text and recipient of a step.
 */
export type MergeSource = {
  module: ModuleMeta;
  catalog: ModuleCatalog;
  locale: Locale;
  timeZone: string;
  record: RecordData;
  /** Keyed by reference field; null when it points at nothing (empty, deleted, another org's). */
  related: Record<string, RecordData | null>;
  people: ReadonlyMap<string, Person>;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids only: a malformed value in a record must not turn into a failing uuid cast. */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && uuidPattern.test(value);

function userIdsIn(fields: readonly FieldMeta[], data: RecordData): string[] {
  return fields
    .filter((field) => field.type === 'user')
    .flatMap((field) => {
      const value = data[field.key];
      return Array.isArray(value) ? value : [value];
    })
    .filter(isUuid);
}

/** The organization's users among `ids`, inactive ones included (their names still read well). */
export async function loadPeople(args: {
  db: Executor;
  orgId: string;
  ids: readonly string[];
}): Promise<Map<string, Person>> {
  const ids = [...new Set(args.ids.filter(isUuid))];
  if (ids.length === 0) return new Map();
  const rows = await args.db
    .select({ id: users.id, name: users.name, email: users.email, phone: users.phone, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, args.orgId), inArray(users.id, ids)));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function loadMergeSource(args: {
  db: Executor;
  orgId: string;
  module: ModuleMeta;
  catalog: ModuleCatalog;
  locale: Locale;
  timeZone: string;
  record: RecordData;
  /** Users to load besides those the record names, e.g. a step's chosen recipients. */
  userIds?: readonly string[];
}): Promise<MergeSource> {
  const { db, orgId, module, catalog, record } = args;
  const references = module.fields.filter((field) => field.type === 'reference' && field.refModule);
  const ids = references.map((field) => record[field.key]).filter(isUuid);
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: records.id, module: records.module, data: records.data })
          .from(records)
          .where(and(eq(records.orgId, orgId), inArray(records.id, ids), isNull(records.deletedAt)));
  const related: Record<string, RecordData | null> = {};
  const relatedUserIds: string[] = [];
  for (const field of references) {
    const row = rows.find(
      (candidate) => candidate.id === record[field.key] && candidate.module === field.refModule,
    );
    related[field.key] = row ? row.data : null;
    const target = field.refModule ? catalog[field.refModule] : undefined;
    if (row && target) relatedUserIds.push(...userIdsIn(target.fields, row.data));
  }
  const people = await loadPeople({
    db,
    orgId,
    ids: [...userIdsIn(module.fields, record), ...relatedUserIds, ...(args.userIds ?? [])],
  });
  return { module, catalog, locale: args.locale, timeZone: args.timeZone, record, related, people };
}

export function userDirectory(people: ReadonlyMap<string, Person>): UserDirectory {
  return Object.fromEntries([...people.values()].map((person) => [person.id, { name: person.name }]));
}

/** A text with the record's merge fields filled; values HTML-escaped when `html` is true. */
export function mergeText(args: { source: MergeSource; text: string; html: boolean }): string {
  const { source, text, html } = args;
  return renderMergeFields({
    text,
    html,
    record: source.record,
    related: source.related,
    module: source.module,
    catalog: source.catalog,
    locale: source.locale,
    timeZone: source.timeZone,
    users: userDirectory(source.people),
  });
}
