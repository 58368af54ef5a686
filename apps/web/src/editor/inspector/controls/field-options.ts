import {
  type FieldMeta,
  type FieldType,
  fieldLabel,
  type Locale,
  type ModuleCatalog,
  type ModuleMeta,
  moduleLabel,
  optionLabel,
  referencedModule,
} from '@crmflow/flow';
import type { Option } from './inputs.tsx';

export interface OptionGroup {
  label: string;
  options: Option[];
}

/** The module's fields as choices, optionally only some types, in the module's order. */
export function fieldOptions(args: {
  module: ModuleMeta;
  locale: Locale;
  types?: readonly FieldType[];
  exclude?: readonly FieldType[];
}): Option[] {
  const { module, locale, types, exclude } = args;
  return module.fields
    .filter((field) => (!types || types.includes(field.type)) && !exclude?.includes(field.type))
    .map((field) => ({ value: field.key, label: fieldLabel(field, locale) }));
}

/**
 * Fields of the record, then those of each related record reached through a reference field,
 * as `contact_id.email`: the reach recipient fields and ZNS params allow.
 */
export function fieldPathGroups(args: {
  module: ModuleMeta;
  catalog: ModuleCatalog;
  locale: Locale;
  types?: readonly FieldType[];
}): OptionGroup[] {
  const { module, catalog, locale, types } = args;
  const fits = (field: FieldMeta) => !types || types.includes(field.type);
  const own = {
    label: moduleLabel(module, locale),
    options: fieldOptions({ module, locale, ...(types ? { types } : {}) }),
  };
  const related = module.fields.flatMap((reference) => {
    const target = referencedModule({ catalog, module, refFieldKey: reference.key });
    if (!target) return [];
    const options = target.fields.filter(fits).map((field) => ({
      value: `${reference.key}.${field.key}`,
      label: `${fieldLabel(reference, locale)} › ${fieldLabel(field, locale)}`,
    }));
    return options.length > 0 ? [{ label: fieldLabel(reference, locale), options }] : [];
  });
  return [own, ...related].filter((group) => group.options.length > 0);
}

export function picklistOptions(field: FieldMeta, locale: Locale): Option[] {
  return field.options.map((option) => ({ value: option.value, label: optionLabel(option, locale) }));
}

/** The picklist options of a field of another module (`task.task_type`), for action forms. */
export function moduleFieldOptions(args: {
  catalog: ModuleCatalog;
  module: keyof ModuleCatalog;
  key: string;
  locale: Locale;
}): Option[] {
  const field = args.catalog[args.module].fields.find((candidate) => candidate.key === args.key);
  return field ? picklistOptions(field, args.locale) : [];
}
