import { records, type Tx } from '@crmflow/db';
import { changedFields, compactRecordData } from '@crmflow/flow/records';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { isRecordError, RecordError } from './record-errors.ts';
import type { RecordChangedEvent } from './record-event.ts';
import { loadRecordMeta } from './record-meta.ts';
import {
  changeEvent,
  createRecord,
  enqueueChanges,
  ownerOf,
  type RecordWriteContext,
  validated,
  writeRecordEdits,
} from './record-store.ts';

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

type Row = typeof records.$inferSelect;

/** The records the batch names, locked in id order (two imports never wait on each other in a circle). */
async function lockTargets(tx: Tx, context: RecordWriteContext, rows: readonly ImportRow[]) {
  const { orgId, module } = context;
  const ids = [...new Set(rows.flatMap((row) => (row.id ? [row.id] : [])))];
  const externalIds = [
    ...new Set(rows.flatMap((row) => (!row.id && row.externalId ? [row.externalId] : []))),
  ];
  const byKey = [
    ...(ids.length > 0 ? [inArray(records.id, ids)] : []),
    ...(externalIds.length > 0 ? [inArray(records.externalId, externalIds)] : []),
  ];
  if (byKey.length === 0) return [];
  return tx
    .select()
    .from(records)
    .where(and(or(...byKey), eq(records.orgId, orgId), eq(records.module, module), isNull(records.deletedAt)))
    .orderBy(asc(records.id))
    .for('update');
}

/**
 * Upserts a batch from another system: a row with `id` edits that record, a row with
 * `externalId` edits the record imported under it or creates it. Each row is a write of its
 * own, with its own event, so workflows fire as for an edit in the UI; a refused row is
 * reported without stopping the others. The batch is one transaction: its records are locked
 * and read in one statement, each edit is validated and applied in memory in the order given
 * (so two rows for one record make two events, the second seeing the first), then the rows are
 * written and the events queued in one statement each. A commit waits for the disk: one per row
 * would cap an import at the server's commits per second.
 */
export async function importRecords(
  args: RecordWriteContext & { rows: readonly ImportRow[] },
): Promise<ImportResult> {
  return args.db.transaction(async (tx) => {
    const meta = args.meta ?? (await loadRecordMeta({ db: tx, orgId: args.orgId, module: args.module }));
    const context = { ...args, db: tx, meta };
    const current = new Map<string, Row>();
    const byExternalId = new Map<string, string>();
    for (const row of await lockTargets(tx, context, args.rows)) {
      current.set(row.id, row);
      if (row.externalId) byExternalId.set(row.externalId, row.id);
    }
    const edited = new Set<string>();
    const events: RecordChangedEvent[] = [];
    const result: ImportResult = { created: 0, updated: 0, failed: [] };
    for (const [index, row] of args.rows.entries()) {
      try {
        const targetId = row.id ?? (row.externalId ? byExternalId.get(row.externalId) : undefined);
        const target = targetId ? current.get(targetId) : undefined;
        if (target) {
          const values = await validated({ tx, context, meta, data: row.data, partial: true });
          const data = compactRecordData({ ...target.data, ...values });
          const changed = changedFields({
            fields: meta.fields,
            before: target.data,
            after: data,
            timeZone: meta.timeZone,
          });
          result.updated += 1;
          if (changed.length === 0) continue;
          events.push(
            changeEvent({
              context,
              meta,
              operation: 'update',
              recordId: target.id,
              before: target.data,
              after: data,
              changed,
            }),
          );
          current.set(target.id, { ...target, data, ownerId: ownerOf(data), version: target.version + 1 });
          edited.add(target.id);
        } else if (row.id) {
          throw new RecordError({ code: 'record_not_found' });
        } else {
          // A new record goes through the store (a savepoint of its own); later rows may edit it.
          const created = await createRecord({
            ...context,
            data: row.data,
            externalId: row.externalId ?? null,
          });
          current.set(created.id, created);
          if (created.externalId) byExternalId.set(created.externalId, created.id);
          result.created += 1;
        }
      } catch (error) {
        if (!isRecordError(error)) throw error;
        result.failed.push({ index, error });
      }
    }
    await writeRecordEdits(
      tx,
      [...edited].flatMap((id) => current.get(id) ?? []),
      args.actor.userId,
    );
    await enqueueChanges({ tx, boss: args.boss, events });
    return result;
  });
}
