import { text } from '../../messages/catalogue.ts';
import type { Text } from '../../messages/locale.ts';
import { findField, referencedModule } from '../../metadata/field-lookup.ts';
import type { FieldMeta, FieldType, ModuleCatalog, ModuleMeta } from '../../metadata/field-meta.ts';
import type { ConfigIssue } from '../../validate/validation-error.ts';

type Path = (string | number)[];

/** A kind of field in words ("ngày" / "date"). */
export function fieldTypeName(type: FieldType): Text {
  return text(`word.${type}`);
}

/** A field of the record as people know it: its label in each language. */
export function fieldName(field: FieldMeta): Text {
  return { vi: field.labelVi, en: field.labelEn };
}

function typesText(types: readonly FieldType[]): Text {
  const names = types.map(fieldTypeName);
  const or = text('word.or');
  return { vi: names.map((name) => name.vi).join(or.vi), en: names.map((name) => name.en).join(or.en) };
}

/**
 * The field a config points at, with an issue when it is missing from the module or is not of
 * one of the `types` this place accepts.
 */
export function checkFieldRef(args: {
  module: ModuleMeta;
  key: string;
  path: Path;
  types?: readonly FieldType[];
}): { field: FieldMeta | undefined; issues: ConfigIssue[] } {
  const { module, key, path, types } = args;
  const field = findField(module, key);
  if (!field) {
    const moduleName = { vi: module.labelVi, en: module.labelEn };
    return {
      field: undefined,
      issues: [
        {
          path,
          code: 'field_unknown',
          message: (setting) => text('config.field_unknown', { module: moduleName, key, field: setting }),
        },
      ],
    };
  }
  if (types && !types.includes(field.type)) {
    const issue: ConfigIssue = {
      path,
      code: 'field_type_mismatch',
      message: (setting) =>
        text('config.field_type_mismatch', {
          recordField: fieldName(field),
          types: typesText(types),
          field: setting,
        }),
    };
    return { field, issues: [issue] };
  }
  return { field, issues: [] };
}

/** Every key in a list of field references, each checked. */
export function checkFieldRefs(args: {
  module: ModuleMeta;
  keys: readonly string[];
  path: Path;
  types?: readonly FieldType[];
}): ConfigIssue[] {
  return args.keys.flatMap(
    (key, index) =>
      checkFieldRef({
        module: args.module,
        key,
        path: [...args.path, index],
        ...(args.types ? { types: args.types } : {}),
      }).issues,
  );
}

/** An id the organization must have (user, template, rule…); skipped when the list is not known. */
export function checkKnownId(args: {
  known: readonly string[] | undefined;
  id: string;
  path: Path;
  code: ConfigIssue['code'];
}): ConfigIssue[] {
  if (!args.known || args.known.includes(args.id)) return [];
  const { id } = args;
  return [
    {
      path: args.path,
      code: args.code,
      message: (setting) => text('config.not_found', { field: setting, id }),
    },
  ];
}

export function checkKnownIds(args: {
  known: readonly string[] | undefined;
  ids: readonly string[];
  path: Path;
  code: ConfigIssue['code'];
}): ConfigIssue[] {
  return args.ids.flatMap((id, index) => checkKnownId({ ...args, id, path: [...args.path, index] }));
}

/** A setting left empty: "chưa chọn …" for one picked from a list, "chưa nhập …" for one typed. */
export function requiredIssue(path: Path): ConfigIssue {
  return {
    path,
    code: 'required',
    message: (setting) => text(setting.pick ? 'config.choose' : 'config.enter', { field: setting }),
  };
}

/** A field reference that must link to another record and does not. */
export function referenceExpected(field: FieldMeta, path: Path): ConfigIssue {
  return {
    path,
    code: 'reference_field_expected',
    message: text('config.reference_expected', { recordField: fieldName(field) }),
  };
}

/**
 * A field of the record (`email`) or of the record a reference points to (`contact_id.email`),
 * the same reach merge fields have.
 */
export function checkFieldPath(args: {
  module: ModuleMeta;
  catalog: ModuleCatalog;
  key: string;
  path: Path;
  types?: readonly FieldType[];
}): ConfigIssue[] {
  const { module, catalog, key, path, types } = args;
  const [head = '', tail] = key.split('.');
  const typed = types ? { types } : {};
  if (tail === undefined) return checkFieldRef({ module, key, path, ...typed }).issues;
  const ref = checkFieldRef({ module, key: head, path, types: ['reference'] });
  if (ref.field && ref.issues.length > 0) return [referenceExpected(ref.field, path)];
  if (ref.issues.length > 0) return ref.issues;
  const target = referencedModule({ catalog, module, refFieldKey: head });
  return target ? checkFieldRef({ module: target, key: tail, path, ...typed }).issues : [];
}
