import type { RecordData } from '@crmflow/contracts';
import type { FieldMeta } from '@crmflow/flow';
import { z } from 'zod';
import { toNumber } from './format.ts';

/** One row of an order's `lines` field, as the API stores it. */
export const OrderLine = z.object({
  product_id: z.string().nullable().catch(null),
  quantity: z.number().nullable().catch(null),
  price: z.number().nullable().catch(null),
});
export type OrderLine = z.infer<typeof OrderLine>;

export function readLines(value: unknown): OrderLine[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => OrderLine.parse(typeof item === 'object' && item !== null ? item : {}));
}

export function lineAmount(line: OrderLine): number {
  return (line.quantity ?? 0) * (line.price ?? 0);
}

export function linesTotal(lines: OrderLine[]): number {
  return lines.reduce((sum, line) => sum + lineAmount(line), 0);
}

const isBlankLine = (line: OrderLine) => !line.product_id && line.quantity === null && line.price === null;

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The value a field is sent with: trimmed text, numbers as numbers, blank order lines dropped, empty as null. */
export function normalizeValue(field: FieldMeta, value: unknown): unknown {
  if (field.type === 'lines') {
    const lines = readLines(value).filter((line) => !isBlankLine(line));
    return lines.length ? lines : null;
  }
  if (field.type === 'boolean') return value === true;
  if (isEmptyValue(value)) return null;
  if (field.type === 'number' || field.type === 'money') return toNumber(value);
  if (typeof value === 'string' && field.type !== 'textarea') return value.trim();
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to send on save. A new record sends its filled fields; an existing one sends only the fields
 * the user changed (cleared ones as null), so a save never rewrites values someone else just changed.
 */
export function dataToSave({
  fields,
  original,
  draft,
}: {
  fields: FieldMeta[];
  original: RecordData | null;
  draft: RecordData;
}): RecordData {
  const out: RecordData = {};
  for (const field of fields) {
    const next = normalizeValue(field, draft[field.key]);
    if (original === null) {
      if (next !== null && !(field.type === 'boolean' && next === false && draft[field.key] === undefined)) {
        out[field.key] = next;
      }
      continue;
    }
    if (!same(normalizeValue(field, original[field.key]), next)) out[field.key] = next;
  }
  return out;
}

/** Keys of required fields left empty. */
export function missingRequired(fields: FieldMeta[], draft: RecordData): string[] {
  return fields
    .filter((field) => field.required && field.type !== 'boolean')
    .filter((field) => normalizeValue(field, draft[field.key]) === null)
    .map((field) => field.key);
}

/** Fields that take the whole width of the form. */
export const isWideField = (field: FieldMeta) =>
  field.type === 'textarea' || field.type === 'lines' || field.type === 'multipicklist';
