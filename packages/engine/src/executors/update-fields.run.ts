import { records, runEffects, type Tx } from '@crmflow/db';
import {
  addDays,
  findField,
  type ModuleKey,
  referencedModule,
  text,
  todayIn,
  UpdateFieldsConfig,
  type UpdateValue,
} from '@crmflow/flow';
import { changedFields, compactRecordData } from '@crmflow/flow/records';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { RecordError } from '../records/record-errors.ts';
import type { RecordChangedEvent } from '../records/record-event.ts';
import {
  changeEvent,
  enqueueChanges,
  ownerOf,
  type RecordEdit,
  updateRecord,
  validated,
  writeRecordEdits,
} from '../records/record-store.ts';
import { defineExecutor, type ExecutionScope, type ExecutorResult, type RunContext } from './executor.ts';
import { applyOnce } from './run-effects.ts';
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

/**
 * Many steps that write their own run's record, in the caller's transaction: the records are
 * locked and read in one statement (in id order), each step's values are validated and applied
 * in memory in the order given, then the records are written and their events queued in one
 * statement each. The same outcome, step by step, as `run`.
 */
async function runOnOwnRecords(
  tx: Tx,
  items: readonly RunContext<UpdateFieldsConfig>[],
): Promise<ExecutorResult[]> {
  const ids = [...new Set(items.map((ctx) => ctx.record.id))];
  const locked = await tx
    .select()
    .from(records)
    .where(and(inArray(records.id, ids), isNull(records.deletedAt)))
    .orderBy(asc(records.id))
    .for('update');
  const current = new Map(locked.map((row) => [row.id, row]));
  // A step whose write already committed on its own (`run`, below) before its attempt was cut
  // short leaves its claim: read after the records are locked, so a write in flight is seen.
  const claims = await tx
    .select({ runId: runEffects.runId, nodeId: runEffects.nodeId, result: runEffects.result })
    .from(runEffects)
    .where(
      and(
        inArray(runEffects.runId, [...new Set(items.map((ctx) => ctx.run.id))]),
        eq(runEffects.key, UPDATE_EFFECT),
      ),
    );
  const applied = new Map(claims.map((c) => [`${c.runId}:${c.nodeId}`, c.result]));
  const edits = new Map<string, RecordEdit>();
  const events: RecordChangedEvent[] = [];
  const results: ExecutorResult[] = [];
  for (const ctx of items) {
    const row = current.get(ctx.record.id);
    const earlier = applied.get(`${ctx.run.id}:${ctx.node.id}`);
    if (earlier) {
      results.push(repeated(ctx, earlier));
      continue;
    }
    try {
      if (!row || row.orgId !== ctx.org.id || row.module !== ctx.record.module)
        throw new RecordError({ code: 'record_not_found' });
      const data = valuesOf({ ...ctx, record: { ...ctx.record, data: row.data } }, ctx.config);
      const write = workflowWrite(ctx, { module: row.module, db: tx });
      const meta = { fields: ctx.org.catalog[row.module].fields, timeZone: ctx.org.timeZone };
      const values = await validated({ tx, context: write, meta, data, partial: true });
      const after = compactRecordData({ ...row.data, ...values });
      const changed = changedFields({
        fields: meta.fields,
        before: row.data,
        after,
        timeZone: meta.timeZone,
      });
      let version = row.version;
      if (changed.length > 0) {
        version += 1;
        events.push(
          changeEvent({
            context: write,
            meta,
            operation: 'update',
            recordId: row.id,
            before: row.data,
            after,
            changed,
          }),
        );
        current.set(row.id, { ...row, data: after, ownerId: ownerOf(after), version });
        edits.set(row.id, { id: row.id, data: after, ownerId: ownerOf(after), version });
      }
      results.push({
        status: 'succeeded',
        output: { updated: true, module: row.module, recordId: row.id, version, values: data },
      });
    } catch (error) {
      results.push(recordWriteFailure(ctx, error));
    }
  }
  const [first] = items;
  // Independent statements, queued together on the transaction's connection.
  await Promise.all([
    writeRecordEdits(tx, [...edits.values()], null),
    first ? enqueueChanges({ tx, boss: first.boss, events }) : undefined,
  ]);
  return results;
}

/** The key of an update's claim in `run_effects`: one write per (run, node). */
const UPDATE_EFFECT = 'update';
const UpdateEffect = z.object({ version: z.number().int(), values: z.record(z.string(), z.unknown()) });

/** The outcome of a step whose write an earlier attempt already committed: nothing written now. */
function repeated(ctx: RunContext<UpdateFieldsConfig>, earlier: unknown): ExecutorResult {
  const parsed = UpdateEffect.safeParse(earlier);
  return {
    status: 'succeeded',
    output: {
      updated: true,
      module: ctx.record.module,
      recordId: ctx.record.id,
      ...(parsed.success ? parsed.data : {}),
    },
  };
}

const noTarget = (via: string) => text('step.no_target', { via });

/**
 * Cập nhật thông tin. Writes go through the record store, so they are validated like any edit
 * and cause their own event (one step deeper in the chain). Writing values the record already
 * has changes nothing and causes no event. Each step writes once: in a batch, its write commits
 * with its completion; alone, with its claim in `run_effects`, which a later attempt finds.
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
    try {
      // The write and its claim commit together: an attempt cut short after the commit (a killed
      // worker, a lost connection) is not written again by the next one, which would overwrite
      // whatever changed the record since with values computed from it.
      const { result } = await applyOnce({
        db: ctx.db,
        effect: { orgId: ctx.org.id, runId: ctx.run.id, nodeId: ctx.node.id, key: UPDATE_EFFECT },
        result: UpdateEffect,
        apply: async (tx) => {
          const values = valuesOf(ctx, ctx.config);
          const row = await updateRecord({
            ...workflowWrite(ctx, { module: target.module, db: tx }),
            id: target.id,
            data: values,
          });
          return { version: row.version, values };
        },
      });
      return {
        status: 'succeeded',
        output: { updated: true, module: target.module, recordId: target.id, ...result },
      };
    } catch (error) {
      return recordWriteFailure(ctx, error);
    }
  },
  batch: { accepts: (config) => config.target === 'self', run: runOnOwnRecords },
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
