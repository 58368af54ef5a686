import { type Executor as DbExecutor, records, users } from '@crmflow/db';
import { findField, referencedModule } from '@crmflow/flow';
import { and, eq, inArray } from 'drizzle-orm';
import type { ExecutionScope } from './executor.ts';

export type Recipient = { id: string; name: string; locale: 'vi' | 'en' | null };

const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.length > 0);

/**
 * The active users of the organization named by user fields of the record (`owner_id`, as the
 * run's snapshot has it), of a related record (`account_id.owner_id`, read now), or chosen
 * directly. Each once, in the order named; inactive and unknown users are left out.
 */
export async function resolveUserRecipients(
  scope: ExecutionScope,
  to: { fields: readonly string[]; users: readonly string[] },
): Promise<Recipient[]> {
  const { db, org, record, snapshot } = scope;
  const module = org.catalog[record.module];
  const wanted: string[] = [...to.users];
  const viaRelated = new Map<string, string[]>();
  for (const path of to.fields) {
    const [head = '', tail] = path.split('.');
    if (tail === undefined) {
      if (findField(module, head)?.type === 'user') wanted.push(...idsOf(snapshot[head]));
      continue;
    }
    const target = referencedModule({ catalog: org.catalog, module, refFieldKey: head });
    if (target && findField(target, tail)?.type === 'user') {
      for (const id of idsOf(snapshot[head])) viaRelated.set(id, [...(viaRelated.get(id) ?? []), tail]);
    }
  }
  if (viaRelated.size > 0) {
    const rows = await db
      .select({ id: records.id, data: records.data })
      .from(records)
      .where(and(eq(records.orgId, org.id), inArray(records.id, [...viaRelated.keys()])));
    for (const row of rows)
      for (const key of viaRelated.get(row.id) ?? []) wanted.push(...idsOf(row.data[key]));
  }
  const unique = [...new Set(wanted)];
  if (unique.length === 0) return [];
  const found = await db
    .select({ id: users.id, name: users.name, locale: users.locale, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, org.id), inArray(users.id, unique)));
  const byId = new Map(found.filter((user) => user.active).map((user) => [user.id, user]));
  return unique.flatMap((id) => {
    const user = byId.get(id);
    if (!user) return [];
    return [
      {
        id: user.id,
        name: user.name,
        locale: user.locale === 'en' || user.locale === 'vi' ? user.locale : null,
      },
    ];
  });
}

/** Whether `resolveUserRecipients` needs no related record for these fields (batched steps). */
export const directRecipients = (to: { fields: readonly string[] }) =>
  to.fields.every((path) => !path.includes('.'));

/**
 * `resolveUserRecipients` for many steps whose fields are all on their own record
 * (`directRecipients`): the users of every step read in one query.
 */
export async function resolveDirectRecipients(
  db: DbExecutor,
  items: readonly { scope: ExecutionScope; to: { fields: readonly string[]; users: readonly string[] } }[],
): Promise<Recipient[][]> {
  const wanted = items.map(({ scope, to }) => {
    const module = scope.org.catalog[scope.record.module];
    const ids: string[] = [...to.users];
    for (const key of to.fields)
      if (findField(module, key)?.type === 'user') ids.push(...idsOf(scope.snapshot[key]));
    return [...new Set(ids)];
  });
  const all = [...new Set(wanted.flat())];
  const found =
    all.length === 0
      ? []
      : await db
          .select({
            id: users.id,
            orgId: users.orgId,
            name: users.name,
            locale: users.locale,
            active: users.active,
          })
          .from(users)
          .where(inArray(users.id, all));
  const byId = new Map(found.filter((user) => user.active).map((user) => [user.id, user]));
  return wanted.map((ids, index) =>
    ids.flatMap((id) => {
      const user = byId.get(id);
      if (!user || user.orgId !== items[index]?.scope.org.id) return [];
      return [
        {
          id: user.id,
          name: user.name,
          locale: user.locale === 'en' || user.locale === 'vi' ? user.locale : null,
        },
      ];
    }),
  );
}
