import type { Locale } from '../messages/locale.ts';
import { fieldLabel, referencedModule } from '../metadata/field-lookup.ts';
import type { ModuleCatalog, ModuleMeta } from '../metadata/field-meta.ts';

export interface MergeFieldOption {
  /** What the editor inserts: `#code`, `#contact_id.name`. */
  token: string;
  /** What the picker shows: `Số đơn hàng`, `Liên hệ › Họ và tên`. */
  label: string;
}

/** Everything the picker offers after `#`: the module's fields, then those of referenced records. */
export function mergeFieldOptions(args: {
  module: ModuleMeta;
  catalog: ModuleCatalog;
  locale: Locale;
}): MergeFieldOption[] {
  const { module, catalog, locale } = args;
  const own = module.fields.map((field) => ({ token: `#${field.key}`, label: fieldLabel(field, locale) }));
  const related = module.fields.flatMap((field) => {
    const target = referencedModule({ catalog, module, refFieldKey: field.key });
    if (!target) return [];
    return target.fields.map((sub) => ({
      token: `#${field.key}.${sub.key}`,
      label: `${fieldLabel(field, locale)} › ${fieldLabel(sub, locale)}`,
    }));
  });
  return [...own, ...related];
}
