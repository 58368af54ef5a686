import { type Executor, fields, type OrgSettings } from '@crmflow/db';
import { type FieldMeta, type Locale, type ModuleCatalog, moduleKeys, standardModules } from '@crmflow/flow';
import { asc, eq, sql } from 'drizzle-orm';
import { fieldsDigest } from '../records/fields-digest.ts';

/** What evaluating and running a flow needs to know about its organization. */
export type OrgContext = {
  id: string;
  timeZone: string;
  locale: Locale;
  settings: OrgSettings;
  /** The organization's modules with their fields, custom ones included. */
  catalog: ModuleCatalog;
};

type Cached = { fingerprint: string; catalog: ModuleCatalog };

async function loadCatalog(db: Executor, orgId: string): Promise<ModuleCatalog> {
  const rows = await db
    .select()
    .from(fields)
    .where(eq(fields.orgId, orgId))
    .orderBy(asc(fields.module), asc(fields.position), asc(fields.createdAt));
  const byModule = new Map<string, FieldMeta[]>();
  for (const row of rows) {
    const list = byModule.get(row.module) ?? [];
    list.push({
      key: row.key,
      labelVi: row.labelVi,
      labelEn: row.labelEn,
      type: row.type,
      options: row.options,
      refModule: row.refModule,
      required: row.required,
      system: row.system,
    });
    byModule.set(row.module, list);
  }
  const catalog = { ...standardModules };
  for (const key of moduleKeys) catalog[key] = { ...standardModules[key], fields: byModule.get(key) ?? [] };
  return catalog;
}

/**
 * Organizations' settings and field catalogues. Settings are read on every call; the catalogue
 * is reloaded only when the digest of the organization's fields (`fieldsDigest`, read in the same
 * query) moved, so a process never acts on stale metadata for more than one batch.
 */
export class OrgContexts {
  readonly #catalogs = new Map<string, Cached>();

  async load(db: Executor, orgIds: readonly string[]): Promise<Map<string, OrgContext>> {
    const ids = [...new Set(orgIds)];
    const result = new Map<string, OrgContext>();
    if (ids.length === 0) return result;
    const rows = await db.execute<{
      id: string;
      time_zone: string;
      locale: string;
      settings: OrgSettings;
      fingerprint: string | null;
    }>(sql`
      select o.id, o.time_zone, o.locale, o.settings, ${fieldsDigest(sql`o.id`)} as fingerprint
      from organizations o
      where o.id in ${ids}
    `);
    for (const row of rows) {
      const fingerprint = row.fingerprint ?? '';
      let cached = this.#catalogs.get(row.id);
      if (cached?.fingerprint !== fingerprint) {
        cached = { fingerprint, catalog: await loadCatalog(db, row.id) };
        this.#catalogs.set(row.id, cached);
      }
      result.set(row.id, {
        id: row.id,
        timeZone: row.time_zone,
        locale: row.locale === 'en' ? 'en' : 'vi',
        settings: row.settings ?? {},
        catalog: cached.catalog,
      });
    }
    return result;
  }

  async one(db: Executor, orgId: string): Promise<OrgContext> {
    const context = (await this.load(db, [orgId])).get(orgId);
    if (!context) throw new Error(`No organization ${orgId}`);
    return context;
  }
}
