import { toCalendarDate, toInstant } from '../dates/today-in.ts';
import type { FieldMeta } from '../metadata/field-meta.ts';
import { toDecimal } from './decimal.ts';

/** A value reduced to what matters for "did it change": JSON-comparable and canonical. */
export type NormalizedValue =
  | string
  | number
  | boolean
  | null
  | NormalizedValue[]
  | { [key: string]: NormalizedValue };

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * The canonical form of a field's value: decimals for numbers and money, `yyyy-MM-dd` for
 * dates, epoch milliseconds for datetimes, sorted sets for multi-selects and id lists, and
 * `null` for every kind of empty. A value that does not parse for its type is kept as it is,
 * so changing one malformed value into another still counts as a change.
 */
export function normalizeFieldValue(args: {
  field: FieldMeta;
  value: unknown;
  timeZone: string;
}): NormalizedValue {
  const { field, value, timeZone } = args;
  if (isEmptyValue(value)) return null;
  switch (field.type) {
    case 'number':
    case 'money':
      return toDecimal(value) ?? canonicalJson(value);
    case 'date':
      return toCalendarDate(value, timeZone) ?? canonicalJson(value);
    case 'datetime':
      return toInstant(value, timeZone) ?? canonicalJson(value);
    case 'boolean':
      return toBoolean(value) ?? canonicalJson(value);
    case 'multipicklist':
    case 'user':
    case 'reference':
    case 'picklist':
      return Array.isArray(value) ? asSet(value) : canonicalJson(value);
    default:
      return canonicalJson(value);
  }
}

export function toBoolean(value: unknown): boolean | null {
  if (value === true || value === 'true' || value === 1 || value === '1') return true;
  if (value === false || value === 'false' || value === 0 || value === '0') return false;
  return null;
}

function asSet(values: unknown[]): NormalizedValue {
  const members = values.map((item) =>
    typeof item === 'string' ? item : JSON.stringify(canonicalJson(item)),
  );
  return [...new Set(members)].sort();
}

/** Deep copy with object keys sorted, so two equal objects serialise identically. */
export function canonicalJson(value: unknown): NormalizedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonicalJson(item)]));
  }
  return String(value);
}

export function sameFieldValue(args: {
  field: FieldMeta;
  before: unknown;
  after: unknown;
  timeZone: string;
}): boolean {
  const { field, before, after, timeZone } = args;
  return (
    JSON.stringify(normalizeFieldValue({ field, value: before, timeZone })) ===
    JSON.stringify(normalizeFieldValue({ field, value: after, timeZone }))
  );
}
