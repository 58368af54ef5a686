import { records, users } from '@crmflow/db';
import { findField, referencedModule } from '@crmflow/flow';
import { and, eq, inArray } from 'drizzle-orm';
import type { ExecutionScope } from './executor.ts';

export type Recipient = { id: string; name: string; locale: 'vi' | 'en' | null };

const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.length > 0);

/**
 * The active users of the organization named by user fields of the record (`owner_id`), of a
 * related record (`account_id.owner_id`), or chosen directly. Each once, in the order named;
 * inactive and unknown users are left out.
 */
export async function resolveUserRecipients(
  scope: ExecutionScope,
  to: { fields: readonly string[]; users: readonly string[] },
): Promise<Recipient[]> {
  const { db, org, record } = scope;
  const module = org.catalog[record.module];
  const wanted: string[] = [...to.users];
  const viaRelated = new Map<string, string[]>();
  for (const path of to.fields) {
    const [head = '', tail] = path.split('.');
    if (tail === undefined) {
      if (findField(module, head)?.type === 'user') wanted.push(...ids(record.data[head]));
      continue;
    }
    const target = referencedModule({ catalog: org.catalog, module, refFieldKey: head });
    if (target && findField(target, tail)?.type === 'user') {
      for (const id of ids(record.data[head])) viaRelated.set(id, [...(viaRelated.get(id) ?? []), tail]);
    }
  }
  if (viaRelated.size > 0) {
    const rows = await db
      .select({ id: records.id, data: records.data })
      .from(records)
      .where(and(eq(records.orgId, org.id), inArray(records.id, [...viaRelated.keys()])));
    for (const row of rows)
      for (const key of viaRelated.get(row.id) ?? []) wanted.push(...ids(row.data[key]));
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
