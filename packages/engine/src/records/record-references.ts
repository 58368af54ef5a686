import { type Executor, records, users } from '@crmflow/db';
import type { FieldMeta, ModuleKey } from '@crmflow/flow';
import { type FieldError, fieldError, type RecordValues } from '@crmflow/flow/records';
import { and, eq, inArray, isNull } from 'drizzle-orm';

type Wanted = { field: string; id: string; refModule: ModuleKey | 'user'; row?: number };

function wantedIds(fields: readonly FieldMeta[], data: RecordValues): Wanted[] {
  const wanted: Wanted[] = [];
  for (const field of fields) {
    const value = data[field.key];
    if (field.type === 'user' && typeof value === 'string') {
      wanted.push({ field: field.key, id: value, refModule: 'user' });
    } else if (field.type === 'reference' && field.refModule && typeof value === 'string') {
      wanted.push({ field: field.key, id: value, refModule: field.refModule });
    } else if (field.type === 'lines' && Array.isArray(value)) {
      for (const [index, line] of value.entries()) {
        if (typeof line === 'object') {
          wanted.push({ field: field.key, id: line.product_id, refModule: 'product', row: index + 1 });
        }
      }
    }
  }
  return wanted;
}

/**
 * Users and records that values point at must exist in the caller's organization (and, for
 * references, in the right module, not deleted): ids from another organization are as
 * unknown as made-up ones.
 */
export async function checkReferences(args: {
  db: Executor;
  orgId: string;
  fields: readonly FieldMeta[];
  data: RecordValues;
}): Promise<FieldError[]> {
  const { db, orgId, fields, data } = args;
  const wanted = wantedIds(fields, data);
  if (wanted.length === 0) return [];
  const userIds = [...new Set(wanted.filter((w) => w.refModule === 'user').map((w) => w.id))];
  const recordIds = [...new Set(wanted.filter((w) => w.refModule !== 'user').map((w) => w.id))];
  const foundUsers =
    userIds.length === 0
      ? []
      : await db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.orgId, orgId), inArray(users.id, userIds)));
  const foundRecords =
    recordIds.length === 0
      ? []
      : await db
          .select({ id: records.id, module: records.module })
          .from(records)
          .where(and(eq(records.orgId, orgId), inArray(records.id, recordIds), isNull(records.deletedAt)));
  const existing = new Set([
    ...foundUsers.map((user) => `user:${user.id}`),
    ...foundRecords.map((record) => `${record.module}:${record.id}`),
  ]);
  const errors: FieldError[] = [];
  for (const w of wanted) {
    if (existing.has(`${w.refModule}:${w.id}`)) continue;
    if (errors.some((error) => error.field === w.field)) continue;
    if (w.row !== undefined) errors.push(fieldError(w.field, 'unknownLineProduct', { row: w.row }));
    else errors.push(fieldError(w.field, w.refModule === 'user' ? 'unknownUser' : 'unknownRecord'));
  }
  return errors;
}

/**
 * `checkReferences` for the many rows of an import: the ids all rows point at are looked up
 * together (`lookUp`, one query per kind), then each row's problems are told from that
 * (`problemsOf`, which looks up only the ids it has not seen yet).
 */
export class ReferenceBook {
  readonly #db: Executor;
  readonly #orgId: string;
  readonly #fields: readonly FieldMeta[];
  readonly #seen = new Set<string>();
  readonly #existing = new Set<string>();

  constructor(args: { db: Executor; orgId: string; fields: readonly FieldMeta[] }) {
    this.#db = args.db;
    this.#orgId = args.orgId;
    this.#fields = args.fields;
  }

  async lookUp(rows: readonly RecordValues[]): Promise<void> {
    const wanted = rows
      .flatMap((data) => wantedIds(this.#fields, data))
      .filter((w) => !this.#seen.has(referenceKey(w)));
    if (wanted.length === 0) return;
    const userIds = [...new Set(wanted.filter((w) => w.refModule === 'user').map((w) => w.id))];
    const recordIds = [...new Set(wanted.filter((w) => w.refModule !== 'user').map((w) => w.id))];
    const [foundUsers, foundRecords] = await Promise.all([
      userIds.length === 0
        ? []
        : this.#db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.orgId, this.#orgId), inArray(users.id, userIds))),
      recordIds.length === 0
        ? []
        : this.#db
            .select({ id: records.id, module: records.module })
            .from(records)
            .where(
              and(eq(records.orgId, this.#orgId), inArray(records.id, recordIds), isNull(records.deletedAt)),
            ),
    ]);
    for (const w of wanted) this.#seen.add(referenceKey(w));
    for (const user of foundUsers) this.#existing.add(`user:${user.id}`);
    for (const record of foundRecords) this.#existing.add(`${record.module}:${record.id}`);
  }

  async problemsOf(data: RecordValues): Promise<FieldError[]> {
    await this.lookUp([data]);
    const errors: FieldError[] = [];
    for (const w of wantedIds(this.#fields, data)) {
      if (this.#existing.has(referenceKey(w))) continue;
      if (errors.some((error) => error.field === w.field)) continue;
      if (w.row !== undefined) errors.push(fieldError(w.field, 'unknownLineProduct', { row: w.row }));
      else errors.push(fieldError(w.field, w.refModule === 'user' ? 'unknownUser' : 'unknownRecord'));
    }
    return errors;
  }
}

const referenceKey = (w: Wanted) => `${w.refModule}:${w.id}`;
