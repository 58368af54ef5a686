import type { Locale } from '../messages/locale.ts';
import type { FieldMeta, FieldType, ModuleCatalog, ModuleMeta, PicklistOption } from './field-meta.ts';

/** Organizations that have not chosen otherwise live here (docs/product.md, Vietnamese first). */
export const defaultTimeZone = 'Asia/Ho_Chi_Minh';

export function findField(module: ModuleMeta, key: string): FieldMeta | undefined {
  return module.fields.find((field) => field.key === key);
}

export function fieldsOfType(module: ModuleMeta, types: readonly FieldType[]): FieldMeta[] {
  return module.fields.filter((field) => types.includes(field.type));
}

export function fieldLabel(field: FieldMeta, locale: Locale): string {
  return locale === 'vi' ? field.labelVi : field.labelEn;
}

export function moduleLabel(module: ModuleMeta, locale: Locale): string {
  return locale === 'vi' ? module.labelVi : module.labelEn;
}

export function optionLabel(option: PicklistOption, locale: Locale): string {
  return locale === 'vi' ? option.labelVi : option.labelEn;
}

/** The label of a field, or its key when the field is unknown, so summaries never throw. */
export function fieldLabelByKey(args: { module: ModuleMeta; key: string; locale: Locale }): string {
  const { module, key, locale } = args;
  const field = findField(module, key);
  return field ? fieldLabel(field, locale) : key;
}

/** The module a reference field points into, when both the field and the module exist. */
export function referencedModule(args: {
  catalog: ModuleCatalog;
  module: ModuleMeta;
  refFieldKey: string;
}): ModuleMeta | undefined {
  const { catalog, module, refFieldKey } = args;
  const field = findField(module, refFieldKey);
  if (field?.type !== 'reference' || !field.refModule) return undefined;
  return catalog[field.refModule];
}

/** The field a path names: `email` on the module, `contact_id.email` on the related module. */
export function resolveFieldPath(args: {
  catalog: ModuleCatalog;
  module: ModuleMeta;
  path: string;
}): FieldMeta | undefined {
  const { catalog, module, path } = args;
  const [head = '', tail] = path.split('.');
  if (tail === undefined) return findField(module, head);
  const target = referencedModule({ catalog, module, refFieldKey: head });
  return target ? findField(target, tail) : undefined;
}
