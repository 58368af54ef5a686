import { type Executor, fields } from '@crmflow/db';
import { type FieldMeta, type ModuleKey, standardModules } from '@crmflow/flow';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { fieldsDigest } from './fields-digest.ts';

/** What a write needs to know about a module of one organization. */
export type RecordMeta = { fields: FieldMeta[]; timeZone: string };

/**
 * The fields of each (organization, module) this process wrote to, with the fingerprint they
 * were read at (`fieldsDigest`). Each write reads the fingerprint and the time zone in one
 * statement (an edit or delete: the one that locks its record) and reloads the fields only when
 * the fingerprint moved.
 */
const cachedFields = new Map<string, { fingerprint: string; fields: FieldMeta[] }>();
const CACHED_MODULES = 2_000;

/** The organization's time zone, as a scalar subquery that can join any statement. */
export const organizationTimeZone = (orgId: string): SQL<string | null> =>
  sql<string | null>`(select o.time_zone from organizations o where o.id = ${orgId})`;

export async function loadRecordMeta(args: {
  db: Executor;
  orgId: string;
  module: ModuleKey;
}): Promise<RecordMeta> {
  const { db, orgId, module } = args;
  const [organization] = await db.execute<{ time_zone: string | null; fingerprint: string | null }>(sql`
    select ${organizationTimeZone(orgId)} as time_zone, ${fieldsDigest(orgId, module)} as fingerprint
  `);
  return recordMetaAt({
    ...args,
    timeZone: organization?.time_zone ?? null,
    fingerprint: organization?.fingerprint ?? null,
  });
}

/**
 * The module's metadata given the time zone and fingerprint a statement read (with
 * `organizationTimeZone` and `fieldsDigest`): the kept fields while the fingerprint holds.
 */
export async function recordMetaAt(args: {
  db: Executor;
  orgId: string;
  module: ModuleKey;
  timeZone: string | null;
  fingerprint: string | null;
}): Promise<RecordMeta> {
  const { db, orgId, module, timeZone } = args;
  if (timeZone === null) throw new Error(`No organization ${orgId}`);
  const key = `${orgId}:${module}`;
  const fingerprint = args.fingerprint ?? '';
  const cached = cachedFields.get(key);
  if (cached?.fingerprint === fingerprint) return { fields: cached.fields, timeZone };
  const loaded = await loadFields(db, orgId, module);
  if (cachedFields.size >= CACHED_MODULES) cachedFields.clear();
  // Kept under the fingerprint read before the fields: a change in between reloads them next time.
  cachedFields.set(key, { fingerprint, fields: loaded });
  return { fields: loaded, timeZone };
}

async function loadFields(db: Executor, orgId: string, module: ModuleKey): Promise<FieldMeta[]> {
  const rows = await db
    .select()
    .from(fields)
    .where(and(eq(fields.orgId, orgId), eq(fields.module, module)))
    .orderBy(asc(fields.position), asc(fields.createdAt));
  return rows.map((row) => ({
    key: row.key,
    labelVi: row.labelVi,
    labelEn: row.labelEn,
    type: row.type,
    options: row.options,
    refModule: row.refModule,
    required: row.required,
    system: row.system,
  }));
}

/** The text that names a record: the value of its module's title field. */
export function recordTitle(module: ModuleKey, data: Record<string, unknown>): string {
  const value = data[standardModules[module].titleField];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
