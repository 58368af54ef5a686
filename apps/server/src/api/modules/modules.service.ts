import { type Db, fields } from '@crmflow/db';
import {
  type FieldMeta,
  type ModuleKey,
  type ModuleMeta,
  moduleKeys,
  type PicklistOption,
  standardModules,
} from '@crmflow/flow';
import { and, asc, eq, max } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { audit } from '../audit.ts';
import type { AuthContext } from '../auth/auth-context.ts';

type FieldRow = typeof fields.$inferSelect;

export function toFieldMeta(row: FieldRow): FieldMeta {
  return {
    key: row.key,
    labelVi: row.labelVi,
    labelEn: row.labelEn,
    type: row.type,
    options: row.options,
    refModule: row.refModule,
    required: row.required,
    system: row.system,
  };
}

/** The modules with the organization's fields (standard and custom), in their display order. */
export async function listModules(db: Db, orgId: string): Promise<ModuleMeta[]> {
  const rows = await db
    .select()
    .from(fields)
    .where(eq(fields.orgId, orgId))
    .orderBy(asc(fields.module), asc(fields.position), asc(fields.createdAt));
  return moduleKeys.map((key) => {
    const { labelVi, labelEn, titleField } = standardModules[key];
    return {
      key,
      labelVi,
      labelEn,
      titleField,
      fields: rows.filter((row) => row.module === key).map(toFieldMeta),
    };
  });
}

export type NewField = {
  key: string;
  labelVi: string;
  labelEn: string;
  type: FieldMeta['type'];
  options?: PicklistOption[] | undefined;
  refModule?: ModuleKey | null | undefined;
};

/** An admin's custom field, placed after the module's existing fields. */
export async function addField(
  db: Db,
  args: { auth: AuthContext; module: ModuleKey; field: NewField },
): Promise<FieldMeta> {
  const { auth, module, field } = args;
  const orgId = auth.organization.id;
  return db.transaction(async (tx) => {
    const scope = and(eq(fields.orgId, orgId), eq(fields.module, module));
    const [existing] = await tx
      .select({ id: fields.id })
      .from(fields)
      .where(and(scope, eq(fields.key, field.key)));
    if (existing) throw new AppError('field_exists', { params: { key: field.key } });
    const [last] = await tx
      .select({ position: max(fields.position) })
      .from(fields)
      .where(scope);
    const [row] = await tx
      .insert(fields)
      .values({
        orgId,
        module,
        key: field.key,
        labelVi: field.labelVi,
        labelEn: field.labelEn,
        type: field.type,
        options: field.options ?? [],
        refModule: field.type === 'reference' ? (field.refModule ?? null) : null,
        required: false,
        system: false,
        position: (last?.position ?? -1) + 1,
      })
      .returning();
    if (!row) throw new Error('The field was not inserted');
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'field.create',
      entity: 'field',
      entityId: row.id,
      details: { module, key: field.key },
    });
    return toFieldMeta(row);
  });
}
