import { type ModuleCatalog, ModuleKey } from '@crmflow/flow';
import { useMemo } from 'react';
import { useModules } from '../../api/modules.ts';

/** Every module's metadata keyed by module, as validation needs it; `null` until all have loaded. */
export function useModuleCatalog() {
  const modules = useModules();
  const catalog = useMemo((): ModuleCatalog | null => {
    const items = modules.data;
    if (!items) return null;
    const entries = ModuleKey.options.map((key) => [key, items.find((item) => item.key === key)] as const);
    if (entries.some(([, meta]) => !meta)) return null;
    const catalog: Partial<ModuleCatalog> = {};
    for (const [key, meta] of entries) if (meta) catalog[key] = meta;
    return isComplete(catalog) ? catalog : null;
  }, [modules.data]);
  return { catalog, isPending: modules.isPending, error: modules.error, refetch: modules.refetch };
}

function isComplete(catalog: Partial<ModuleCatalog>): catalog is ModuleCatalog {
  return ModuleKey.options.every((key) => catalog[key] !== undefined);
}
