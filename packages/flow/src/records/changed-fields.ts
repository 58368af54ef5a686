import type { FieldMeta } from '../metadata/field-meta.ts';
import { canonicalJson, isEmptyValue, sameFieldValue } from '../values/normalize-value.ts';

type Data = Readonly<Record<string, unknown>>;

/**
 * The keys whose values differ between two versions of a record, compared after normalising
 * (money as decimals, multi-selects as sets, dates as dates, every kind of empty alike), so
 * writing a field's current value is no change. A create (`before` null) or a delete (`after`
 * null) changes every field that holds a value. Keys come back in metadata order.
 */
export function changedFields(args: {
  fields: readonly FieldMeta[];
  before: Data | null;
  after: Data | null;
  timeZone: string;
}): string[] {
  const { fields, before, after, timeZone } = args;
  const known = new Set(fields.map((field) => field.key));
  const extra = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => !known.has(key),
  );
  const changed: string[] = [];
  for (const field of fields) {
    const old = before?.[field.key];
    const next = after?.[field.key];
    if (before === null || after === null) {
      if (!isEmptyValue(before === null ? next : old)) changed.push(field.key);
    } else if (!sameFieldValue({ field, before: old, after: next, timeZone })) {
      changed.push(field.key);
    }
  }
  for (const key of extra) {
    const old = JSON.stringify(canonicalJson(isEmptyValue(before?.[key]) ? null : before?.[key]));
    const next = JSON.stringify(canonicalJson(isEmptyValue(after?.[key]) ? null : after?.[key]));
    if (old !== next) changed.push(key);
  }
  return changed;
}
