import { z } from 'zod';
import { type MessageCode, text } from '../messages/catalogue.ts';
import type { Message } from './message.ts';

/** A parameter of a pre-approved ZNS template: its type and the length Zalo approved. */
export const ZnsParam = z.object({
  key: z.string().min(1).max(64),
  type: z.enum(['text', 'number', 'date', 'money']),
  maxLength: z.number().int().positive(),
});
export type ZnsParam = z.infer<typeof ZnsParam>;

export type ZnsProblemCode = 'missing' | 'unknown' | 'too_long' | 'not_number' | 'not_date';
export type ZnsProblem = { key: string; code: ZnsProblemCode; message: Message };

export type ZnsCheck = { ok: true; values: Record<string, string> } | { ok: false; problems: ZnsProblem[] };

const codes = {
  missing: 'zns.missing',
  unknown: 'zns.unknown',
  not_number: 'zns.not_number',
  not_date: 'zns.not_date',
} as const satisfies Record<Exclude<ZnsProblemCode, 'too_long'>, MessageCode>;

function problem(key: string, code: keyof typeof codes): ZnsProblem {
  return { key, code, message: text(codes[code], { key }) };
}

function tooLong(key: string, length: number, max: number): ZnsProblem {
  return { key, code: 'too_long', message: text('zns.too_long', { key, length, max }) };
}

/**
 * The values a ZNS message will carry, checked against the template before anything is sent:
 * every parameter present, none unknown, numbers as plain digits (`12.500.000 ₫` → `12500000`),
 * dates as `dd/MM/yyyy`, and no value longer than the template allows — Zalo rejects the whole
 * message otherwise.
 */
export function checkZnsParams(input: { params: ZnsParam[]; values: Record<string, unknown> }): ZnsCheck {
  const problems: ZnsProblem[] = [];
  const values: Record<string, string> = {};
  const known = new Set(input.params.map((p) => p.key));
  for (const key of Object.keys(input.values)) {
    if (!known.has(key)) problems.push(problem(key, 'unknown'));
  }
  for (const param of input.params) {
    const raw = input.values[param.key];
    const text = raw === null || raw === undefined ? '' : String(raw).normalize('NFC').trim();
    if (text === '') {
      problems.push(problem(param.key, 'missing'));
      continue;
    }
    const value =
      typeof raw === 'number' && param.type !== 'text'
        ? Number.isFinite(raw) && param.type !== 'date'
          ? String(raw)
          : null
        : normalizeValue(param.type, text);
    if (value === null) {
      problems.push(problem(param.key, param.type === 'date' ? 'not_date' : 'not_number'));
      continue;
    }
    const length = Array.from(value).length;
    if (length > param.maxLength) {
      problems.push(tooLong(param.key, length, param.maxLength));
      continue;
    }
    values[param.key] = value;
  }
  return problems.length === 0 ? { ok: true, values } : { ok: false, problems };
}

/**
 * The check that can run when the flow is saved, before merge fields have values: every
 * parameter mapped, none unknown, and literal values (no `#field`) already valid.
 */
export function checkZnsMapping(input: {
  params: ZnsParam[];
  mapping: Record<string, string>;
}): ZnsProblem[] {
  const literal = Object.fromEntries(
    Object.entries(input.mapping).filter(([, value]) => !/#[a-z_]/.test(value.replaceAll('##', ''))),
  );
  const result = checkZnsParams({ params: input.params, values: input.mapping });
  if (result.ok) return [];
  return result.problems.filter(
    (p) => p.code === 'missing' || p.code === 'unknown' || Object.hasOwn(literal, p.key),
  );
}

function normalizeValue(type: ZnsParam['type'], text: string): string | null {
  if (type === 'text') return text;
  if (type === 'date') return toDayMonthYear(text);
  return plainNumber(text.replace(/\s*(₫|đ|VNĐ|VND)$/iu, ''));
}

/**
 * `12.500.000` and `12.500.000,5` are Vietnamese grouping (dots every three digits, comma for
 * decimals); `12.5` is a plain decimal. Output is plain: `12500000`, `12500000.5`, `12.5`.
 */
function plainNumber(text: string): string | null {
  const compact = text.replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) return compact.replaceAll('.', '').replace(',', '.');
  if (/^-?\d+(,\d+)?$/.test(compact)) return compact.replace(',', '.');
  if (/^-?\d+\.\d+$/.test(compact)) return compact;
  return null;
}

function toDayMonthYear(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year === 0 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
