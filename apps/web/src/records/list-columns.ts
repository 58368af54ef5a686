import type { FieldMeta, ModuleMeta } from '@crmflow/flow';

const hiddenInLists = new Set<FieldMeta['type']>(['lines', 'textarea', 'multipicklist']);

/** The columns of a module's list: its title field first, then its main fields, six at most. */
export function listColumns(module: ModuleMeta, max = 6): FieldMeta[] {
  const shown = module.fields.filter((field) => !hiddenInLists.has(field.type));
  const title = shown.find((field) => field.key === module.titleField);
  const rest = shown.filter((field) => field !== title);
  return (title ? [title, ...rest] : rest).slice(0, max);
}
