import type { RunRefs } from '@crmflow/contracts';
import { type ModuleCatalog, ModuleKey } from '@crmflow/flow';
import { refKey } from '../../api/records.ts';
import type { ValueLookups } from '../../records/FieldValue.tsx';

/** What a step renderer needs besides the step's value: names for ids, and the modules' fields. */
export interface StepLookups {
  userName(id: unknown): string | null;
  record(id: unknown): { id: string; module: ModuleKey; title: string; deleted: boolean } | null;
  providerName(id: unknown): string | null;
  catalog: ModuleCatalog;
  values: ValueLookups;
}

export function stepLookups(args: { refs: RunRefs; catalog: ModuleCatalog; timeZone?: string }): StepLookups {
  const { refs, catalog } = args;
  const userNames = new Map(refs.users.map((user) => [user.id, user.name]));
  const records = new Map(
    refs.records.flatMap((row) => {
      const module = ModuleKey.safeParse(row.module);
      return module.success ? [[row.id, { ...row, module: module.data }] as const] : [];
    }),
  );
  const refTitles = new Map([...records.values()].map((row) => [refKey(row), row.title]));
  const providers = new Map(refs.providers.map((provider) => [provider.id, provider.name]));
  const text = (id: unknown) => (typeof id === 'string' ? id : '');
  return {
    userName: (id) => userNames.get(text(id)) ?? null,
    record: (id) => records.get(text(id)) ?? null,
    providerName: (id) => providers.get(text(id)) ?? null,
    catalog,
    values: { userNames, refTitles, ...(args.timeZone ? { timeZone: args.timeZone } : {}) },
  };
}
