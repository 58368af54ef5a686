import { records } from '@crmflow/db';
import {
  addDays,
  findField,
  type ModuleKey,
  referencedModule,
  todayIn,
  UpdateFieldsConfig,
  type UpdateValue,
} from '@crmflow/flow';
import { and, eq, isNull } from 'drizzle-orm';
import { updateRecord } from '../records/record-store.ts';
import { engineTransaction } from '../runtime/engine-transaction.ts';
import { defineExecutor, type ExecutionScope } from './executor.ts';
import { recordWriteFailure, workflowWrite } from './workflow-write.ts';

type Target = { module: ModuleKey; id: string; data: Record<string, unknown> } | { missing: string };

/** The record to write: the run's own, or the one a reference field of it points to. */
async function resolveTarget(scope: ExecutionScope, config: UpdateFieldsConfig): Promise<Target> {
  const { record, org, db } = scope;
  if (config.target === 'self') return { module: record.module, id: record.id, data: record.data };
  const via = config.target.via;
  const target = referencedModule({
    catalog: org.catalog,
    module: org.catalog[record.module],
    refFieldKey: via,
  });
  const id = record.data[via];
  if (!target) return { missing: via };
  if (typeof id !== 'string' || id === '') return { missing: via };
  const [row] = await db
    .select({ data: records.data })
    .from(records)
    .where(
      and(
        eq(records.id, id),
        eq(records.orgId, org.id),
        eq(records.module, target.key),
        isNull(records.deletedAt),
      ),
    );
  return row ? { module: target.key, id, data: row.data } : { missing: via };
}

/** A configured value as of now: literal, copied from the run's record, or today + N in the org's zone. */
function resolvedValue(scope: ExecutionScope, value: UpdateValue): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if ('from' in value) return scope.record.data[value.from] ?? null;
  return addDays(todayIn(scope.org.timeZone, scope.now), value.today);
}

function valuesOf(scope: ExecutionScope, config: UpdateFieldsConfig): Record<string, unknown> {
  return Object.fromEntries(config.values.map(({ field, value }) => [field, resolvedValue(scope, value)]));
}

const noTarget = (via: string) => ({
  vi: `Trường ${via} không trỏ tới bản ghi nào: không có gì để cập nhật.`,
  en: `Field ${via} points to no record: nothing to update.`,
});

/**
 * Cập nhật thông tin. Writes go through the record store, so they are validated like any edit
 * and cause their own event (one step deeper in the chain). Writing values the record already
 * has changes nothing and causes no event, which is what makes a retried step harmless.
 */
export const updateFieldsExecutor = defineExecutor({
  schema: UpdateFieldsConfig,
  async run(ctx) {
    const target = await resolveTarget(ctx, ctx.config);
    if ('missing' in target) {
      return {
        status: 'succeeded',
        output: { updated: false, reason: noTarget(target.missing)[ctx.org.locale] },
      };
    }
    const data = valuesOf(ctx, ctx.config);
    try {
      const row = await engineTransaction(ctx.db, (tx) =>
        updateRecord({ ...workflowWrite(ctx, { module: target.module, db: tx }), id: target.id, data }),
      );
      return {
        status: 'succeeded',
        output: {
          updated: true,
          module: target.module,
          recordId: target.id,
          version: row.version,
          values: data,
        },
      };
    } catch (error) {
      return recordWriteFailure(ctx, error);
    }
  },
  async preview(ctx) {
    const target = await resolveTarget(ctx, ctx.config);
    if ('missing' in target) return { status: 'skipped', reason: noTarget(target.missing)[ctx.org.locale] };
    const module = ctx.org.catalog[target.module];
    const values = valuesOf(ctx, ctx.config);
    const changes = Object.entries(values).map(([field, value]) => ({
      field,
      label: findField(module, field)?.[ctx.org.locale === 'en' ? 'labelEn' : 'labelVi'] ?? field,
      from: target.data[field] ?? null,
      to: value,
    }));
    const where = target.id === ctx.record.id ? '' : ` (${target.module} ${target.id})`;
    return {
      status: 'would_run',
      reason:
        ctx.org.locale === 'en'
          ? `Would update ${changes.length} field(s)${where}`
          : `Sẽ cập nhật ${changes.length} trường${where}`,
      preview: { module: target.module, recordId: target.id, changes },
    };
  },
});
