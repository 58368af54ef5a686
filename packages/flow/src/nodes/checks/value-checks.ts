import { isCalendarDate } from '../../dates/calendar-date.ts';
import { toInstant } from '../../dates/today-in.ts';
import { defaultTimeZone } from '../../metadata/field-lookup.ts';
import type { FieldMeta } from '../../metadata/field-meta.ts';
import type { ConfigIssue, ValidationContext } from '../../validate/validation-error.ts';
import { toDecimal } from '../../values/decimal.ts';
import { fieldTypeName, quoteField } from './field-checks.ts';

type Path = (string | number)[];

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Whether a value typed into a form may be stored in `field`: a picklist value from its list,
 * a number that parses, a real calendar date, a known user. `null` clears the field, which
 * only a required field refuses.
 */
export function checkValueForField(args: {
  field: FieldMeta;
  value: unknown;
  path: Path;
  context?: ValidationContext;
}): ConfigIssue[] {
  const { field, value, path } = args;
  const name = quoteField(field);
  if (value === null || value === '') {
    return field.required
      ? [
          {
            path,
            code: 'required',
            message: `Trường ${name.vi} là bắt buộc, không thể để trống.`,
            messageEn: `Field ${name.en} is required and cannot be emptied.`,
          },
        ]
      : [];
  }
  const values = Array.isArray(value) ? value : [value];
  if (field.type === 'picklist' || field.type === 'multipicklist') {
    if (field.type === 'picklist' && Array.isArray(value)) return [invalid(field, value, path)];
    return values.flatMap((item, index) => {
      if (field.options.some((option) => option.value === item)) return [];
      const itemPath = Array.isArray(value) ? [...path, index] : path;
      return [
        {
          path: itemPath,
          code: 'picklist_value_unknown' as const,
          message: `Giá trị "${String(item)}" không có trong danh sách của trường ${name.vi}.`,
          messageEn: `Value "${String(item)}" is not an option of field ${name.en}.`,
        },
      ];
    });
  }
  if (Array.isArray(value)) return [invalid(field, value, path)];
  if (field.type === 'user' && typeof value === 'string') {
    const known = args.context?.userIds;
    if (!known || known.includes(value)) return [];
    return [
      {
        path,
        code: 'user_unknown',
        message: `Không tìm thấy người dùng "${value}" cho trường ${name.vi}.`,
        messageEn: `User "${value}" for field ${name.en} was not found.`,
      },
    ];
  }
  return fitsType(field, value) ? [] : [invalid(field, value, path)];
}

function fitsType(field: FieldMeta, value: unknown): boolean {
  switch (field.type) {
    case 'number':
    case 'money':
      return toDecimal(value) !== null;
    case 'date':
      return isCalendarDate(value);
    case 'datetime':
      return toInstant(value, defaultTimeZone) !== null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'email':
      return typeof value === 'string' && emailPattern.test(value.trim());
    case 'lines':
      return false;
    case 'text':
    case 'textarea':
    case 'phone':
      return typeof value === 'string' || typeof value === 'number';
    default:
      return typeof value === 'string';
  }
}

function invalid(field: FieldMeta, value: unknown, path: Path): ConfigIssue {
  const type = fieldTypeName(field.type);
  const shown = JSON.stringify(value);
  return {
    path,
    code: 'value_invalid',
    message: `Giá trị ${shown} không hợp lệ cho trường ${quoteField(field).vi} (kiểu ${type.vi}).`,
    messageEn: `Value ${shown} is not valid for field ${quoteField(field).en} (${type.en}).`,
  };
}
