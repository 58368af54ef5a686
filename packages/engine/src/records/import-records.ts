import { records } from '@crmflow/db';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { isRecordError, RecordError } from './record-errors.ts';
import { loadRecordMeta } from './record-meta.ts';
import { createRecord, type RecordWriteContext, updateRecord } from './record-store.ts';

export const ImportRow = z.object({
  /** The record's id in the system it comes from: the key of an idempotent sync. */
  externalId: z.string().trim().min(1).max(200).optional(),
  id: z.uuid().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type ImportRow = z.infer<typeof ImportRow>;

export type ImportResult = {
  created: number;
  updated: number;
  failed: { index: number; error: RecordError }[];
};

async function findTarget(context: RecordWriteContext, row: ImportRow): Promise<string | null> {
  const { db, orgId, module } = context;
  const byKey = row.id
    ? eq(records.id, row.id)
    : row.externalId
      ? eq(records.externalId, row.externalId)
      : null;
  if (!byKey) return null;
  const [found] = await db
    .select({ id: records.id })
    .from(records)
    .where(and(byKey, eq(records.orgId, orgId), eq(records.module, module), isNull(records.deletedAt)));
  return found?.id ?? null;
}

/**
 * Upserts a batch from another system: a row with `id` edits that record, a row with
 * `externalId` edits the record imported under it or creates it. Each row is a write of its
 * own (its own event, so workflows fire as for an edit in the UI), and a refused row is
 * reported without stopping the others.
 */
export async function importRecords(
  args: RecordWriteContext & { rows: readonly ImportRow[] },
): Promise<ImportResult> {
  const meta = args.meta ?? (await loadRecordMeta({ db: args.db, orgId: args.orgId, module: args.module }));
  const context = { ...args, meta };
  const result: ImportResult = { created: 0, updated: 0, failed: [] };
  for (const [index, row] of args.rows.entries()) {
    try {
      const target = await findTarget(context, row);
      if (target) {
        await updateRecord({ ...context, id: target, data: row.data });
        result.updated += 1;
      } else if (row.id) {
        throw new RecordError({ code: 'record_not_found' });
      } else {
        await createRecord({ ...context, data: row.data, externalId: row.externalId ?? null });
        result.created += 1;
      }
    } catch (error) {
      if (!isRecordError(error)) throw error;
      result.failed.push({ index, error });
    }
  }
  return result;
}
