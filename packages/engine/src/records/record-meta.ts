import { type Executor, fields, organizations } from '@crmflow/db';
import { type FieldMeta, type ModuleKey, standardModules } from '@crmflow/flow';
import { and, asc, eq } from 'drizzle-orm';

/** What a write needs to know about a module of one organization. */
export type RecordMeta = { fields: FieldMeta[]; timeZone: string };

export async function loadRecordMeta(args: {
  db: Executor;
  orgId: string;
  module: ModuleKey;
}): Promise<RecordMeta> {
  const { db, orgId, module } = args;
  // Sequential on purpose: the embedded database interleaves concurrent statements of a pool.
  const rows = await db
    .select()
    .from(fields)
    .where(and(eq(fields.orgId, orgId), eq(fields.module, module)))
    .orderBy(asc(fields.position), asc(fields.createdAt));
  const [organization] = await db
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!organization) throw new Error(`No organization ${orgId}`);
  return {
    fields: rows.map((row) => ({
      key: row.key,
      labelVi: row.labelVi,
      labelEn: row.labelEn,
      type: row.type,
      options: row.options,
      refModule: row.refModule,
      required: row.required,
      system: row.system,
    })),
    timeZone: organization.timeZone,
  };
}

/** The text that names a record: the value of its module's title field. */
export function recordTitle(module: ModuleKey, data: Record<string, unknown>): string {
  const value = data[standardModules[module].titleField];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
