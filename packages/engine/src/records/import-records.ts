import { randomUUID } from 'node:crypto';
import { records, type Tx } from '@crmflow/db';
import {
  changedFields,
  compactRecordData,
  type RecordValues,
  validateRecordData,
} from '@crmflow/flow/records';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { insertImportedRecords } from './import-inserts.ts';
import { isRecordError, RecordError } from './record-errors.ts';
import type { RecordChangedEvent } from './record-event.ts';
import { loadRecordMeta, type RecordMeta } from './record-meta.ts';
import { ReferenceBook } from './record-references.ts';
import {
  changeEvent,
  enqueueChanges,
  ownerOf,
  type RecordWriteContext,
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

/** A row's values, validated for the module; references are checked against `book`. */
async function validatedRow(args: {
  book: ReferenceBook;
  meta: RecordMeta;
  data: unknown;
  partial: boolean;
}): Promise<RecordValues> {
  const { meta } = args;
  const result = validateRecordData({
    fields: meta.fields,
    data: args.data,
    partial: args.partial,
    timeZone: meta.timeZone,
  });
  const errors = [...result.errors, ...(await args.book.problemsOf(result.data))];
  if (errors.length > 0) throw new RecordError({ code: 'validation_failed', fieldErrors: errors });
  return result.data;
}

/**
 * Upserts a batch from another system: a row with `id` edits that record, a row with
 * `externalId` edits the record imported under it or creates it. Each row is a write of its
 * own, with its own event, so workflows fire as for an edit in the UI; a refused row is
 * reported without stopping the others. The batch is one transaction: its records are locked
 * and read in one statement, the users and records its rows point at are looked up together,
 * each row is validated and applied in memory in the order given (so two rows for one record
 * make two events, the second seeing the first), then the new records are inserted, the edited
 * ones written and the events queued in one statement each. A commit waits for the disk, and
 * each statement is a round trip: one per row would cap an import at a few hundred rows a second.
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
    const book = new ReferenceBook({ db: tx, orgId: args.orgId, fields: meta.fields });
    await book.lookUp(
      args.rows.map(
        (row) =>
          validateRecordData({ fields: meta.fields, data: row.data, partial: true, timeZone: meta.timeZone })
            .data,
      ),
    );
    const ownsRecords = meta.fields.some((field) => field.key === 'owner_id');
    const created = new Set<string>();
    const edited = new Set<string>();
    const events: RecordChangedEvent[] = [];
    const result: ImportResult = { created: 0, updated: 0, failed: [] };
    for (const [index, row] of args.rows.entries()) {
      try {
        const targetId = row.id ?? (row.externalId ? byExternalId.get(row.externalId) : undefined);
        const target = targetId ? current.get(targetId) : undefined;
        if (target) {
          const values = await validatedRow({ book, meta, data: row.data, partial: true });
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
          if (!created.has(target.id)) edited.add(target.id);
        } else if (row.id) {
          throw new RecordError({ code: 'record_not_found' });
        } else {
          // A new record, as `createRecord` makes one; later rows may edit it before it is written.
          const values = await validatedRow({ book, meta, data: row.data, partial: false });
          const data = compactRecordData(values);
          if (ownsRecords && !Object.hasOwn(values, 'owner_id') && args.actor.userId)
            data.owner_id = args.actor.userId;
          const record = newRecord({ context, data, externalId: row.externalId ?? null });
          current.set(record.id, record);
          created.add(record.id);
          if (record.externalId) byExternalId.set(record.externalId, record.id);
          events.push(
            changeEvent({
              context,
              meta,
              operation: 'create',
              recordId: record.id,
              before: null,
              after: data,
            }),
          );
          result.created += 1;
        }
      } catch (error) {
        if (!isRecordError(error)) throw error;
        result.failed.push({ index, error });
      }
    }
    await insertImportedRecords(
      tx,
      [...created].flatMap((id) => current.get(id) ?? []),
    );
    await writeRecordEdits(
      tx,
      [...edited].flatMap((id) => current.get(id) ?? []),
      args.actor.userId,
    );
    await enqueueChanges({ tx, boss: args.boss, events });
    return result;
  });
}

/** A record not yet written, as the row it will be: its id is chosen here, for its event. */
function newRecord(args: { context: RecordWriteContext; data: Row['data']; externalId: string | null }): Row {
  const { context, data, externalId } = args;
  const now = new Date();
  return {
    id: randomUUID(),
    orgId: context.orgId,
    module: context.module,
    data,
    ownerId: ownerOf(data),
    externalId,
    createdBy: context.actor.userId,
    updatedBy: context.actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
    deletedAt: null,
  };
}
