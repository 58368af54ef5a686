import { type Db, fields, records, type Tx } from '@crmflow/db';
import {
  type FieldMeta,
  type ModuleKey,
  type ModuleMeta,
  moduleKeys,
  type PicklistOption,
  render,
  standardModules,
} from '@crmflow/flow';
import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
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
  required?: boolean | undefined;
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
        required: field.required ?? false,
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

export type FieldChanges = {
  labelVi?: string | undefined;
  labelEn?: string | undefined;
  options?: PicklistOption[] | undefined;
  required?: boolean | undefined;
};

/**
 * An admin's change to a custom field. Its key and type stay: records hold values of that type
 * under that key. A picklist may gain options and relabel them, but not lose a value in use.
 */
export async function updateField(
  db: Db,
  args: { auth: AuthContext; module: ModuleKey; key: string; changes: FieldChanges; locale: Locale },
): Promise<FieldMeta> {
  const { auth, module, key, changes } = args;
  const orgId = auth.organization.id;
  return db.transaction(async (tx) => {
    const where = and(eq(fields.orgId, orgId), eq(fields.module, module), eq(fields.key, key));
    const [current] = await tx.select().from(fields).where(where).for('update');
    if (!current) throw new AppError('field_not_found', { params: { key } });
    if (current.system) throw new AppError('field_system', { params: { key } });
    const picklist = current.type === 'picklist' || current.type === 'multipicklist';
    if (changes.options && !picklist) throw fieldInvalid('options', args.locale, 'not_picklist');
    if (changes.options && picklist) {
      const values = changes.options.map((option) => option.value);
      if (new Set(values).size !== values.length) throw fieldInvalid('options', args.locale, 'duplicate');
      const removed = current.options.map((o) => o.value).filter((value) => !values.includes(value));
      if (removed.length > 0 && (await valuesInUse(tx, { orgId, module, key, values: removed })))
        throw fieldInvalid('options', args.locale, 'in_use');
    }
    const [row] = await tx
      .update(fields)
      .set({
        ...(changes.labelVi === undefined ? {} : { labelVi: changes.labelVi }),
        ...(changes.labelEn === undefined ? {} : { labelEn: changes.labelEn }),
        ...(changes.options === undefined ? {} : { options: changes.options }),
        ...(changes.required === undefined ? {} : { required: changes.required }),
        updatedAt: sql`now()`,
      })
      .where(eq(fields.id, current.id))
      .returning();
    if (!row) throw new Error('The field was not updated');
    await audit(tx, {
      orgId,
      actorId: auth.user.id,
      action: 'field.update',
      entity: 'field',
      entityId: row.id,
      details: { module, key, changes: Object.keys(changes) },
    });
    return toFieldMeta(row);
  });
}

const optionProblems = {
  not_picklist: 'request.option_not_picklist',
  duplicate: 'request.option_duplicate',
  in_use: 'request.option_in_use',
} as const;

function fieldInvalid(field: string, locale: Locale, problem: keyof typeof optionProblems): AppError {
  return new AppError('invalid_input', {
    details: [{ field, message: render(locale, optionProblems[problem]) }],
  });
}

/** Whether a live record of the module holds one of the values (alone or within a set). */
async function valuesInUse(
  tx: Tx,
  args: { orgId: string; module: ModuleKey; key: string; values: string[] },
): Promise<boolean> {
  const value = sql`${records.data} -> ${args.key}`;
  const list = sql`array[${sql.join(
    args.values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
  const [row] = await tx
    .select({ id: records.id })
    .from(records)
    .where(
      and(
        eq(records.orgId, args.orgId),
        eq(records.module, args.module),
        isNull(records.deletedAt),
        sql`(${value} ?| ${list} or (jsonb_typeof(${value}) = 'string' and ${value} #>> '{}' = any(${list})))`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
