import type { RunRefs } from '@crmflow/contracts';
import { type Db, providers, records, users } from '@crmflow/db';
import { recordTitle } from '@crmflow/engine';
import { and, eq, inArray } from 'drizzle-orm';

/**
 * Steps keep what they did by id (the owner a record went to, the task made, the provider used):
 * ids are stable, names change. The run and test answers add the names those ids have now, so the
 * run view speaks of people and records, and an integration still gets the ids.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Enough for any run a person reads; a step listing more ids than this is not read by name. */
const MAX_IDS = 500;

/** Every uuid anywhere in the values (object keys excluded), each once, at most `MAX_IDS`. */
export function idsIn(values: readonly unknown[]): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (found.size >= MAX_IDS) return;
    if (typeof value === 'string') {
      if (UUID.test(value)) found.add(value.toLowerCase());
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) visit(item);
    }
  };
  for (const value of values) visit(value);
  return [...found];
}

/** The names of the organization's users, records and providers among the ids in `values`. */
export async function resolveRefs(args: {
  db: Db;
  orgId: string;
  values: readonly unknown[];
}): Promise<RunRefs> {
  const { db, orgId } = args;
  const ids = idsIn(args.values);
  if (ids.length === 0) return { users: [], records: [], providers: [] };
  const [people, rows, sent] = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, ids))),
    db
      .select({ id: records.id, module: records.module, data: records.data, deletedAt: records.deletedAt })
      .from(records)
      .where(and(eq(records.orgId, orgId), inArray(records.id, ids))),
    db
      .select({ id: providers.id, name: providers.name, kind: providers.kind })
      .from(providers)
      .where(and(eq(providers.orgId, orgId), inArray(providers.id, ids))),
  ]);
  return {
    users: people,
    records: rows.map((row) => ({
      id: row.id,
      module: row.module,
      title: recordTitle(row.module, row.data),
      deleted: row.deletedAt !== null,
    })),
    providers: sent,
  };
}
