import { findField, referencedModule } from '../../metadata/field-lookup.ts';
import type { FieldMeta, FieldType, ModuleCatalog, ModuleMeta } from '../../metadata/field-meta.ts';
import type { ConfigIssue } from '../../validate/validation-error.ts';

type Path = (string | number)[];

const fieldTypeNames: Record<FieldType, { vi: string; en: string }> = {
  text: { vi: 'văn bản', en: 'text' },
  textarea: { vi: 'văn bản dài', en: 'long text' },
  number: { vi: 'số', en: 'number' },
  money: { vi: 'tiền tệ', en: 'money' },
  date: { vi: 'ngày', en: 'date' },
  datetime: { vi: 'ngày giờ', en: 'date and time' },
  picklist: { vi: 'danh sách chọn', en: 'picklist' },
  multipicklist: { vi: 'danh sách chọn nhiều', en: 'multi-select' },
  user: { vi: 'người dùng', en: 'user' },
  reference: { vi: 'liên kết', en: 'reference' },
  email: { vi: 'email', en: 'email' },
  phone: { vi: 'điện thoại', en: 'phone' },
  boolean: { vi: 'có/không', en: 'yes/no' },
  lines: { vi: 'chi tiết', en: 'lines' },
};

export function fieldTypeName(type: FieldType): { vi: string; en: string } {
  return fieldTypeNames[type];
}

/** `"Tình trạng" (status)` in messages: the label users know, the key the JSON holds. */
export function quoteField(field: FieldMeta): { vi: string; en: string } {
  return { vi: `"${field.labelVi}"`, en: `"${field.labelEn}"` };
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
    return {
      field: undefined,
      issues: [
        {
          path,
          code: 'field_unknown',
          message: `Trường "${key}" không có trong phân hệ ${module.labelVi}.`,
          messageEn: `Field "${key}" does not exist in module ${module.labelEn}.`,
        },
      ],
    };
  }
  if (types && !types.includes(field.type)) {
    const vi = types.map((type) => fieldTypeNames[type].vi).join(', ');
    const en = types.map((type) => fieldTypeNames[type].en).join(', ');
    return {
      field,
      issues: [
        {
          path,
          code: 'field_type_mismatch',
          message: `Trường ${quoteField(field).vi} không phải kiểu ${vi}.`,
          messageEn: `Field ${quoteField(field).en} is not of type ${en}.`,
        },
      ],
    };
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
  what: { vi: string; en: string };
}): ConfigIssue[] {
  if (!args.known || args.known.includes(args.id)) return [];
  return [
    {
      path: args.path,
      code: args.code,
      message: `Không tìm thấy ${args.what.vi} "${args.id}".`,
      messageEn: `${capitalise(args.what.en)} "${args.id}" was not found.`,
    },
  ];
}

export function checkKnownIds(args: {
  known: readonly string[] | undefined;
  ids: readonly string[];
  path: Path;
  code: ConfigIssue['code'];
  what: { vi: string; en: string };
}): ConfigIssue[] {
  return args.ids.flatMap((id, index) => checkKnownId({ ...args, id, path: [...args.path, index] }));
}

export function requiredIssue(path: Path, what: { vi: string; en: string }): ConfigIssue {
  return {
    path,
    code: 'required',
    message: `Chưa nhập ${what.vi}.`,
    messageEn: `${capitalise(what.en)} is required.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
  if (ref.issues.length > 0) {
    return ref.issues.map((issue) =>
      issue.code === 'field_type_mismatch' ? { ...issue, code: 'reference_field_expected' } : issue,
    );
  }
  const target = referencedModule({ catalog, module, refFieldKey: head });
  return target ? checkFieldRef({ module: target, key: tail, path, ...typed }).issues : [];
}
