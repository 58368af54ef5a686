import { isCalendarDate } from '../dates/calendar-date.ts';
import { toCalendarDate, toInstant } from '../dates/today-in.ts';
import type { FieldMeta } from '../metadata/field-meta.ts';
import { compareDecimal, toDecimal } from '../values/decimal.ts';
import { isEmptyValue, toBoolean } from '../values/normalize-value.ts';
import { foldText, normalizePhone, textOf } from '../values/text-fold.ts';

/** How a condition compares: text folded (and unaccented on request), dates in the org's zone. */
export interface CompareOptions {
  ignoreAccents: boolean;
  timeZone: string;
}

type Order = -1 | 0 | 1;

/** A record's value (`actual`) against a rule's (`expected`) for one field. */
export interface Comparison {
  field: FieldMeta;
  actual: unknown;
  expected: unknown;
  options: CompareOptions;
}

function fold(value: unknown, options: CompareOptions): string | null {
  const text = textOf(value);
  return text === null ? null : foldText(text, { ignoreAccents: options.ignoreAccents });
}

function members(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** `actual` (the record's value) equals `expected` (the rule's), by the field's type. */
export function valuesEqual({ field, actual, expected, options }: Comparison): boolean {
  if (isEmptyValue(actual) || isEmptyValue(expected)) return isEmptyValue(actual) && isEmptyValue(expected);
  switch (field.type) {
    case 'number':
    case 'money':
    case 'date':
    case 'datetime':
      return compareOrdered({ field, actual, expected, options }) === 0;
    case 'boolean':
      return toBoolean(actual) !== null && toBoolean(actual) === toBoolean(expected);
    case 'multipicklist': {
      const have = new Set(members(actual).map(String));
      const want = new Set(members(expected).map(String));
      return have.size === want.size && [...want].every((item) => have.has(item));
    }
    case 'picklist':
    case 'user':
    case 'reference':
      return members(actual).some((item) => String(item) === String(expected));
    case 'phone': {
      const [a, b] = [textOf(actual), textOf(expected)];
      return a !== null && b !== null && normalizePhone(a) === normalizePhone(b);
    }
    default:
      return fold(actual, options) !== null && fold(actual, options) === fold(expected, options);
  }
}

/** Text containment for text fields, membership for multi-selects. */
export function valueContains({ field, actual, expected, options }: Comparison): boolean {
  if (isEmptyValue(actual)) return false;
  if (field.type === 'multipicklist')
    return members(actual).some((item) => String(item) === String(expected));
  if (field.type === 'phone') {
    const [a, b] = [textOf(actual), textOf(expected)];
    return a !== null && b !== null && normalizePhone(a).includes(b.replace(/\D/g, ''));
  }
  const [a, b] = [fold(actual, options), fold(expected, options)];
  return a !== null && b !== null && a.includes(b);
}

export function valueStartsWith({ field, actual, expected, options }: Comparison): boolean {
  const [a, b] = [textOf(actual), textOf(expected)];
  if (a === null || b === null || isEmptyValue(actual)) return false;
  if (field.type === 'phone') return normalizePhone(a).startsWith(normalizePhone(b));
  return foldText(a, options).startsWith(foldText(b, options));
}

/**
 * Order of two values of a number, money, date or datetime field, or null when either is
 * empty or does not parse. A datetime compared with a bare date compares calendar days in the
 * organization's zone, which is what someone picking a date in a filter means.
 */
export function compareOrdered({ field, actual, expected, options }: Comparison): Order | null {
  if (isEmptyValue(actual) || isEmptyValue(expected)) return null;
  const { timeZone } = options;
  switch (field.type) {
    case 'number':
    case 'money': {
      const [a, b] = [toDecimal(actual), toDecimal(expected)];
      return a === null || b === null ? null : compareDecimal(a, b);
    }
    case 'date':
      return orderOf(toCalendarDate(actual, timeZone), toCalendarDate(expected, timeZone));
    case 'datetime':
      if (isCalendarDate(expected)) return orderOf(toCalendarDate(actual, timeZone), expected);
      return orderOf(toInstant(actual, timeZone), toInstant(expected, timeZone));
    default:
      return null;
  }
}

function orderOf<T extends string | number>(a: T | null, b: T | null): Order | null {
  if (a === null || b === null) return null;
  return a < b ? -1 : a > b ? 1 : 0;
}
