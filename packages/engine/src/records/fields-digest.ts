import type { ModuleKey } from '@crmflow/flow';
import { type SQL, sql } from 'drizzle-orm';

/**
 * A digest of an organization's field rows (of one module, or all): every row's id and `xmin`,
 * the transaction that wrote that version of it. Any insert, update or delete of a field,
 * committed by any process, changes it — unlike a count and newest time, which an edit that
 * leaves `updated_at` alone, or a transaction that began earlier and commits later, could leave
 * unchanged. Null when there are no fields. `orgId` may be a value or a column of the outer query.
 */
export function fieldsDigest(orgId: SQL | string, module?: ModuleKey): SQL<string | null> {
  const ofModule = module === undefined ? sql`` : sql` and f.module = ${module}`;
  return sql<
    string | null
  >`(select md5(string_agg(f.id::text || ':' || f.xmin::text, ',' order by f.id)) from fields f
    where f.org_id = ${orgId}${ofModule})`;
}
