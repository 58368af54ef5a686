import { defaultTimeZone } from '../metadata/field-lookup.ts';
import type { FieldMeta } from '../metadata/field-meta.ts';
import { isEmptyValue } from '../values/normalize-value.ts';
import { type OrderLine, parseFieldValue, type RecordValue } from './parse-field-value.ts';
import { type FieldError, fieldError } from './record-messages.ts';

export type RecordValues = Record<string, RecordValue>;

export type RecordValidation = {
  ok: boolean;
  /** The values that passed, in stored form; an emptied field is `null` (it clears the value). */
  data: RecordValues;
  errors: FieldError[];
};

type FieldShape = Pick<FieldMeta, 'key' | 'type' | 'options' | 'required'>;

/**
 * Checks record values against a module's field metadata, the one gate every write passes
 * (API, import, workflow actions). `partial` is an edit: only the given keys are checked and
 * required fields that are absent are left alone; otherwise it is a new record and every
 * required field must have a value.
 */
export function validateRecordData(args: {
  fields: readonly FieldShape[];
  data: unknown;
  partial: boolean;
  timeZone?: string;
}): RecordValidation {
  const { fields, data, partial } = args;
  const timeZone = args.timeZone ?? defaultTimeZone;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, data: {}, errors: [fieldError('data', 'notObject')] };
  }
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const values: RecordValues = {};
  const errors: FieldError[] = [];

  for (const [key, value] of Object.entries(data)) {
    const field = byKey.get(key);
    if (!field) {
      errors.push(fieldError(key, 'unknownField'));
      continue;
    }
    if (value === undefined) continue;
    if (isEmptyValue(value)) {
      if (field.required) errors.push(fieldError(key, 'required'));
      else values[key] = null;
      continue;
    }
    const parsed = parseFieldValue({ field, value, timeZone });
    if (parsed.ok) values[key] = parsed.value;
    else errors.push(parsed.error);
  }

  if (!partial) {
    for (const field of fields) {
      const given = Object.hasOwn(data, field.key) && !isEmptyValue(Reflect.get(data, field.key));
      if (field.required && !given && !errors.some((error) => error.field === field.key)) {
        errors.push(fieldError(field.key, 'required'));
      }
    }
  }
  return { ok: errors.length === 0, data: values, errors };
}

/** Stored data without the cleared (`null`) entries: what a record holds after a write. */
export function compactRecordData(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== null && value !== undefined),
  );
}

export type { OrderLine, RecordValue };
