import { jsonRows, type records, type Tx } from '@crmflow/db';
import { sql } from 'drizzle-orm';

type Row = typeof records.$inferSelect;

/**
 * Writes the records an import creates, in two statements whatever their number: a deleted
 * record keeps its row but gives its external id up to the record that replaces it, then the new
 * rows go in with the data, owner and version the batch left them with (a later row of the same
 * import may have edited one already).
 */
export async function insertImportedRecords(tx: Tx, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const externalIds = rows.flatMap((row) => (row.externalId ? [row.externalId] : []));
  if (externalIds.length > 0)
    await tx.execute(sql`
      update records set external_id = null
      where org_id = ${first.orgId}::uuid and module = ${first.module} and deleted_at is not null
        and external_id in (select json_array_elements_text(${JSON.stringify(externalIds)}::json))
    `);
  const values = rows.map((row) => ({
    id: row.id,
    data: row.data,
    owner_id: row.ownerId,
    external_id: row.externalId,
    created_by: row.createdBy,
    version: row.version,
  }));
  await tx.execute(sql`
    insert into records (id, org_id, module, data, owner_id, external_id, created_by, updated_by, version)
    select v.id, ${first.orgId}::uuid, ${first.module}, v.data, v.owner_id, v.external_id, v.created_by,
      v.created_by, v.version
    from json_to_recordset(${jsonRows(values)})
      as v(id uuid, data jsonb, owner_id uuid, external_id text, created_by uuid, version int)
  `);
}
