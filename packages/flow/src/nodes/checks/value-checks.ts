import { isCalendarDate } from '../../dates/calendar-date.ts';
import { toInstant } from '../../dates/today-in.ts';
import { text } from '../../messages/catalogue.ts';
import { defaultTimeZone } from '../../metadata/field-lookup.ts';
import type { FieldMeta } from '../../metadata/field-meta.ts';
import type { ConfigIssue, ValidationContext } from '../../validate/validation-error.ts';
import { toDecimal } from '../../values/decimal.ts';
import { fieldName, fieldTypeName } from './field-checks.ts';

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
  const recordField = fieldName(field);
  if (value === null || value === '') {
    return field.required
      ? [{ path, code: 'required', message: text('config.record_field_required', { recordField }) }]
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
          message: text('config.option_unknown', { value: String(item), recordField }),
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
        message: text('config.user_unknown', { value, recordField }),
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
  const shown = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  return {
    path,
    code: 'value_invalid',
    message: text('config.value_invalid', {
      value: `'${shown}'`,
      type: fieldTypeName(field.type),
      recordField: fieldName(field),
    }),
  };
}
