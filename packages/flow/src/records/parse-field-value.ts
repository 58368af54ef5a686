import { isCalendarDate } from '../dates/calendar-date.ts';
import { toCalendarDate, toInstant } from '../dates/today-in.ts';
import type { FieldMeta } from '../metadata/field-meta.ts';
import { toDecimal } from '../values/decimal.ts';
import { type FieldError, fieldError } from './record-messages.ts';

/** One product line of an order, as stored in `data.lines`. */
export type OrderLine = { product_id: string; quantity: number; price: number };

/** A field value in its stored form (see the contract's "Values in data"). */
export type RecordValue = string | number | boolean | string[] | OrderLine[] | null;

export type ParsedValue = { ok: true; value: RecordValue } | { ok: false; error: FieldError };

type FieldShape = Pick<FieldMeta, 'key' | 'type' | 'options'>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the separators people type: `0912 345 678`, `+84 (28) 3823-4567`, `0912.345.678`. */
const phonePattern = /^\+?[\d\s().-]+$/;
const vietnameseDatePattern = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const maxLength = { text: 1_000, textarea: 20_000 } as const;

const ok = (value: RecordValue): ParsedValue => ({ ok: true, value });
const fail = (error: FieldError): ParsedValue => ({ ok: false, error });

/**
 * Reads one non-empty value for a field into its stored form, or says why it cannot. Lenient in
 * what other systems send (numeric strings, `dd/MM/yyyy`, `"true"`), strict in what is kept.
 */
export function parseFieldValue(args: { field: FieldShape; value: unknown; timeZone: string }): ParsedValue {
  const { field, value, timeZone } = args;
  const key = field.key;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return parseText(key, value, maxLength[field.type]);
    case 'email': {
      const text = typeof value === 'string' ? value.trim() : null;
      return text !== null && emailPattern.test(text) && text.length <= 320
        ? ok(text)
        : fail(fieldError(key, 'email'));
    }
    case 'phone': {
      const text =
        typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
      const digits = text?.replace(/\D/g, '').length ?? 0;
      return text !== null && phonePattern.test(text) && digits >= 8 && digits <= 15
        ? ok(text)
        : fail(fieldError(key, 'phone'));
    }
    case 'number':
    case 'money':
      return parseNumber(key, value, field.type);
    case 'date':
      return parseDate(key, value, timeZone);
    case 'datetime': {
      const ms = toInstant(value, timeZone);
      return ms === null || typeof value === 'number'
        ? fail(fieldError(key, 'datetime'))
        : ok(new Date(ms).toISOString());
    }
    case 'picklist': {
      const allowed = field.options.map((option) => option.value);
      return typeof value === 'string' && allowed.includes(value)
        ? ok(value)
        : fail(fieldError(key, 'picklist', { allowed: allowed.join(', ') }));
    }
    case 'multipicklist':
      return parseMultiPicklist(key, value, field.options);
    case 'user':
    case 'reference':
      return typeof value === 'string' && uuidPattern.test(value.trim())
        ? ok(value.trim().toLowerCase())
        : fail(fieldError(key, 'id'));
    case 'boolean':
      if (typeof value === 'boolean') return ok(value);
      if (value === 'true' || value === 'false') return ok(value === 'true');
      return fail(fieldError(key, 'boolean'));
    case 'lines':
      return parseLines(key, value);
  }
}

function parseText(key: string, value: unknown, max: number): ParsedValue {
  if (typeof value !== 'string' && typeof value !== 'number') return fail(fieldError(key, 'text'));
  const text = String(value).normalize('NFC').trim();
  return text.length > max ? fail(fieldError(key, 'tooLong', { max })) : ok(text);
}

function parseNumber(key: string, value: unknown, type: 'number' | 'money'): ParsedValue {
  const decimal = typeof value === 'boolean' ? null : toDecimal(value);
  const number = decimal === null ? Number.NaN : Number(decimal);
  return Number.isFinite(number) ? ok(number) : fail(fieldError(key, type));
}

function parseDate(key: string, value: unknown, timeZone: string): ParsedValue {
  if (typeof value !== 'string') return fail(fieldError(key, 'date'));
  const text = value.trim();
  const vietnamese = vietnameseDatePattern.exec(text);
  if (vietnamese) {
    const [, day = '', month = '', year = ''] = vietnamese;
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    return isCalendarDate(iso) ? ok(iso) : fail(fieldError(key, 'date'));
  }
  const date = toCalendarDate(text, timeZone);
  return date === null ? fail(fieldError(key, 'date')) : ok(date);
}

function parseMultiPicklist(key: string, value: unknown, options: FieldShape['options']): ParsedValue {
  const allowed = options.map((option) => option.value);
  const error = fieldError(key, 'multipicklist', { allowed: allowed.join(', ') });
  if (!Array.isArray(value)) return fail(error);
  const picked: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || !allowed.includes(item)) return fail(error);
    if (!picked.includes(item)) picked.push(item);
  }
  return ok(picked);
}

function parseLines(key: string, value: unknown): ParsedValue {
  if (!Array.isArray(value)) return fail(fieldError(key, 'lines'));
  const lines: OrderLine[] = [];
  for (const [index, item] of value.entries()) {
    const row = index + 1;
    if (typeof item !== 'object' || item === null) return fail(fieldError(key, 'lines'));
    const line = new Map(Object.entries(item));
    const productId = line.get('product_id');
    if (typeof productId !== 'string' || !uuidPattern.test(productId)) {
      return fail(fieldError(key, 'lineProduct', { row }));
    }
    const quantity = Number(toDecimal(line.get('quantity')) ?? Number.NaN);
    if (!Number.isFinite(quantity) || quantity <= 0) return fail(fieldError(key, 'lineQuantity', { row }));
    const price = Number(toDecimal(line.get('price')) ?? Number.NaN);
    if (!Number.isFinite(price) || price < 0) return fail(fieldError(key, 'linePrice', { row }));
    lines.push({ product_id: productId.toLowerCase(), quantity, price });
  }
  return ok(lines);
}
