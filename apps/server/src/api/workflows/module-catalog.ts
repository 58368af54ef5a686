import { type Executor, fields } from '@crmflow/db';
import { type ModuleCatalog, standardModules } from '@crmflow/flow';
import { asc, eq } from 'drizzle-orm';
import { toFieldMeta } from '../modules/modules.service.ts';

/** The catalogue every organization starts with; enough to read a graph's shape. */
export function standardCatalog(): ModuleCatalog {
  return { ...standardModules };
}

/**
 * The organization's modules with their fields, standard and custom, as `GET /api/modules`
 * serves them. Takes a transaction too, so activation can validate under its lock.
 */
export async function loadModuleCatalog(db: Executor, orgId: string): Promise<ModuleCatalog> {
  const rows = await db
    .select()
    .from(fields)
    .where(eq(fields.orgId, orgId))
    .orderBy(asc(fields.module), asc(fields.position), asc(fields.createdAt));
  const catalog = standardCatalog();
  for (const module of Object.values(catalog)) {
    catalog[module.key] = {
      ...module,
      fields: rows.filter((row) => row.module === module.key).map(toFieldMeta),
    };
  }
  return catalog;
}
