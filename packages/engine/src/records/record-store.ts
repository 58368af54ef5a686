import { randomUUID } from 'node:crypto';
import { type Executor, jsonRows, type RecordData, records, type Tx } from '@crmflow/db';
import type { ModuleKey } from '@crmflow/flow';
import {
  changedFields,
  compactRecordData,
  type RecordValues,
  validateRecordData,
} from '@crmflow/flow/records';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import { QUEUES } from '../queues.ts';
import { fieldsDigest } from './fields-digest.ts';
import { RecordError } from './record-errors.ts';
import type { RecordActor, RecordCausation, RecordChangedEvent, RecordOperation } from './record-event.ts';
import { writeRecordHistory } from './record-history.ts';
import { loadRecordMeta, organizationTimeZone, type RecordMeta, recordMetaAt } from './record-meta.ts';
import { checkReferences } from './record-references.ts';

export type RecordRow = typeof records.$inferSelect;

/**
 * What every write is given. `db` may be the database or a transaction already open: the write
 * runs in a transaction of its own (a savepoint inside the caller's), so the row and its
 * `record.changed` job commit or roll back together.
 */
export type RecordWriteContext = {
  db: Executor;
  boss: PgBoss;
  orgId: string;
  module: ModuleKey;
  actor: RecordActor;
  causation: RecordCausation;
  /** Field metadata and time zone, when the caller has them already (imports, workflow runs). */
  meta?: RecordMeta;
};

export const ownerOf = (data: RecordData): string | null =>
  typeof data.owner_id === 'string' ? data.owner_id : null;

/** The given values, validated for the module and with every reference checked; refused ones throw. */
export async function validated(args: {
  tx: Tx;
  context: RecordWriteContext;
  meta: RecordMeta;
  data: unknown;
  partial: boolean;
}): Promise<RecordValues> {
  const { tx, context, meta, data, partial } = args;
  const result = validateRecordData({ fields: meta.fields, data, partial, timeZone: meta.timeZone });
  const missing = await checkReferences({
    db: tx,
    orgId: context.orgId,
    fields: meta.fields,
    data: result.data,
  });
  const errors = [...result.errors, ...missing];
  if (errors.length > 0) throw new RecordError({ code: 'validation_failed', fieldErrors: errors });
  return result.data;
}

/** The `record.changed` event of one write; `changed` defaults to the fields that differ. */
export function changeEvent(args: {
  context: RecordWriteContext;
  meta: RecordMeta;
  operation: RecordOperation;
  recordId: string;
  before: RecordData | null;
  after: RecordData | null;
  changed?: string[];
}): RecordChangedEvent {
  const { context, meta, operation, recordId, before, after } = args;
  return {
    eventId: randomUUID(),
    orgId: context.orgId,
    module: context.module,
    recordId,
    operation,
    before,
    after,
    changed: args.changed ?? changedFields({ fields: meta.fields, before, after, timeZone: meta.timeZone }),
    actor: context.actor,
    causation: context.causation,
    at: eventStamp(),
  };
}

let lastStamp = 0;

/**
 * The time of a change, later than every one this process stamped before: the rows of one import
 * are written within the same millisecond, and their history and events keep their order.
 */
function eventStamp(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp).toISOString();
}

/**
 * Queues events in the writes' transaction, in one statement, and keeps their history rows in
 * another: both commit with the rows.
 */
export async function enqueueChanges(args: {
  tx: Tx;
  boss: PgBoss;
  events: readonly RecordChangedEvent[];
}): Promise<void> {
  if (args.events.length === 0) return;
  await Promise.all([
    args.boss.insert(
      QUEUES.recordChanged,
      args.events.map((event) => ({ id: event.eventId, data: event })),
      { db: fromDrizzle(args.tx, sql) },
    ),
    writeRecordHistory(args.tx, args.events),
  ]);
}

/** A record's new state as a batched edit writes it: data, owner and version already worked out. */
export type RecordEdit = { id: string; data: RecordData; ownerId: string | null; version: number };

/**
 * Writes many edited records in one statement. The caller holds their row locks (read with
 * `for update` in its transaction) and computed each new version from the locked row.
 */
export async function writeRecordEdits(
  tx: Tx,
  edits: readonly RecordEdit[],
  updatedBy: string | null,
): Promise<void> {
  if (edits.length === 0) return;
  const rows = edits.map((edit) => ({
    id: edit.id,
    data: edit.data,
    owner_id: edit.ownerId,
    version: edit.version,
  }));
  await tx.execute(sql`
    update records r set data = v.data, owner_id = v.owner_id, version = v.version,
      updated_at = now(), updated_by = ${updatedBy}::uuid
    from json_to_recordset(${jsonRows(rows)}) as v(id uuid, data jsonb, owner_id uuid, version int)
    where r.id = v.id
  `);
}

/** Queues the write's event and keeps its history row, in its transaction. */
async function enqueueChange(args: Parameters<typeof changeEvent>[0] & { tx: Tx }): Promise<void> {
  const event = changeEvent(args);
  await Promise.all([
    args.context.boss.send(QUEUES.recordChanged, event, {
      id: event.eventId,
      db: fromDrizzle(args.tx, sql),
    }),
    writeRecordHistory(args.tx, [event]),
  ]);
}

/**
 * Locks the record and, in the same statement, reads the module's field fingerprint and the
 * organization's time zone (unless the caller gave the metadata).
 */
async function lockRecord(
  tx: Tx,
  context: RecordWriteContext & { id: string },
): Promise<{ row: RecordRow; meta: RecordMeta }> {
  const [locked] = await tx
    .select({
      row: records,
      timeZone: organizationTimeZone(context.orgId),
      fingerprint: fieldsDigest(context.orgId, context.module),
    })
    .from(records)
    .where(
      and(
        eq(records.id, context.id),
        eq(records.orgId, context.orgId),
        eq(records.module, context.module),
        isNull(records.deletedAt),
      ),
    )
    .for('update', { of: records });
  if (!locked) throw new RecordError({ code: 'record_not_found' });
  const meta =
    context.meta ??
    (await recordMetaAt({
      db: tx,
      orgId: context.orgId,
      module: context.module,
      timeZone: locked.timeZone,
      fingerprint: locked.fingerprint,
    }));
  return { row: locked.row, meta };
}

function checkVersion(row: RecordRow, version: number | undefined): void {
  if (version !== undefined && version !== row.version) {
    throw new RecordError({ code: 'version_conflict', currentVersion: row.version });
  }
}

/**
 * A new record. When the module has an owner and none is given, the user who creates it owns
 * it, as in the CRM the product reimplements.
 */
export async function createRecord(
  args: RecordWriteContext & { data: unknown; externalId?: string | null },
): Promise<RecordRow> {
  const { db, orgId, module, actor } = args;
  const externalId = args.externalId ?? null;
  return db.transaction(async (tx) => {
    const meta = args.meta ?? (await loadRecordMeta({ db: tx, orgId, module }));
    const values = await validated({ tx, context: args, meta, data: args.data, partial: false });
    const data = compactRecordData(values);
    const ownsRecords = meta.fields.some((field) => field.key === 'owner_id');
    if (ownsRecords && !Object.hasOwn(values, 'owner_id') && actor.userId) data.owner_id = actor.userId;
    if (externalId !== null) {
      // A deleted record keeps its row; the external id moves on to the record that replaces it.
      await tx
        .update(records)
        .set({ externalId: null })
        .where(
          and(
            eq(records.orgId, orgId),
            eq(records.module, module),
            eq(records.externalId, externalId),
            isNotNull(records.deletedAt),
          ),
        );
    }
    const [row] = await tx
      .insert(records)
      .values({
        orgId,
        module,
        data,
        ownerId: ownerOf(data),
        externalId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('The record was not inserted');
    await enqueueChange({
      tx,
      context: args,
      meta,
      operation: 'create',
      recordId: row.id,
      before: null,
      after: data,
    });
    return row;
  });
}

/**
 * A partial edit: given keys replace their values, `null` or empty clears them. A stale
 * `version` is refused; no `version` means last write wins. An edit that changes nothing
 * writes nothing and causes no event.
 */
export async function updateRecord(
  args: RecordWriteContext & { id: string; data: unknown; version?: number },
): Promise<RecordRow> {
  return withLockedRecord(args, async ({ tx, row, meta }) => {
    const values = await validated({ tx, context: args, meta, data: args.data, partial: true });
    const data = compactRecordData({ ...row.data, ...values });
    const changed = changedFields({
      fields: meta.fields,
      before: row.data,
      after: data,
      timeZone: meta.timeZone,
    });
    if (changed.length === 0) return row;
    return writeNextVersion({
      tx,
      context: args,
      meta,
      row,
      operation: 'update',
      set: { data, ownerId: ownerOf(data) },
      after: data,
      changed,
    });
  });
}

/** A soft delete: the row stays (for history and runs that point at it) but is gone for everyone. */
export async function deleteRecord(
  args: RecordWriteContext & { id: string; version?: number },
): Promise<RecordRow> {
  return withLockedRecord(args, ({ tx, row, meta }) =>
    writeNextVersion({
      tx,
      context: args,
      meta,
      row,
      operation: 'delete',
      set: { deletedAt: sql`now()` },
      after: null,
    }),
  );
}

/**
 * Runs `write` in the write's transaction with the record locked, at the expected `version`
 * when one is given, and the module's metadata at hand.
 */
async function withLockedRecord(
  args: RecordWriteContext & { id: string; version?: number },
  write: (locked: { tx: Tx; row: RecordRow; meta: RecordMeta }) => Promise<RecordRow>,
): Promise<RecordRow> {
  return args.db.transaction(async (tx) => {
    const { row, meta } = await lockRecord(tx, args);
    checkVersion(row, args.version);
    return write({ tx, row, meta });
  });
}

/** Writes the locked row's next version with `set`, and queues the event of the change. */
async function writeNextVersion(args: {
  tx: Tx;
  context: RecordWriteContext;
  meta: RecordMeta;
  row: RecordRow;
  operation: 'update' | 'delete';
  set: PgUpdateSetSource<typeof records>;
  after: RecordData | null;
  changed?: string[];
}): Promise<RecordRow> {
  const { tx, context, meta, row, operation } = args;
  const [written] = await tx
    .update(records)
    .set({
      ...args.set,
      version: row.version + 1,
      updatedAt: sql`now()`,
      updatedBy: context.actor.userId,
    })
    .where(eq(records.id, row.id))
    .returning();
  if (!written) throw new Error(`The record was not ${operation}d`);
  await enqueueChange({
    tx,
    context,
    meta,
    operation,
    recordId: row.id,
    before: row.data,
    after: args.after,
    changed: args.changed,
  });
  return written;
}
