import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { parseCalendarDate } from '../dates/calendar-date.ts';
import { toCalendarDate, toInstant } from '../dates/today-in.ts';
import { render } from '../messages/catalogue.ts';
import type { Locale } from '../messages/locale.ts';
import { optionLabel } from '../metadata/field-lookup.ts';
import type { FieldMeta } from '../metadata/field-meta.ts';
import { toDecimal } from '../values/decimal.ts';
import { isEmptyValue, toBoolean } from '../values/normalize-value.ts';

export type UserDirectory = Record<string, { name: string }>;

const separators = { vi: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } } as const;

/** `1234567.5` → `1.234.567,5` (vi) or `1,234,567.5` (en); exact, with no float rounding. */
export function formatDecimal(decimal: string, locale: Locale): string {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separators[locale].group);
  const body = fraction ? `${grouped}${separators[locale].decimal}${fraction}` : grouped;
  return negative ? `-${body}` : body;
}

/**
 * A field's value as people read it in messages: dates `dd/MM/yyyy`, money `1.234.567 ₫`,
 * picklist labels instead of codes, user names instead of ids. Never throws: a value that does
 * not fit its type is shown as it is.
 */
export function formatFieldValue(args: {
  field: FieldMeta;
  value: unknown;
  locale: Locale;
  timeZone: string;
  users?: UserDirectory;
}): string {
  const { field, value, locale, timeZone, users } = args;
  if (isEmptyValue(value)) return '';
  switch (field.type) {
    case 'money':
    case 'number': {
      const decimal = toDecimal(value);
      if (decimal === null) return plain(value);
      return field.type === 'money' ? `${formatDecimal(decimal, locale)} ₫` : formatDecimal(decimal, locale);
    }
    case 'date': {
      const parts = parseCalendarDate(toCalendarDate(value, timeZone) ?? '');
      if (!parts) return plain(value);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${pad(parts.day)}/${pad(parts.month)}/${parts.year}`;
    }
    case 'datetime': {
      const ms = toInstant(value, timeZone);
      return ms === null ? plain(value) : format(new TZDate(ms, timeZone), 'dd/MM/yyyy HH:mm');
    }
    case 'picklist':
    case 'multipicklist': {
      const codes = Array.isArray(value) ? value : [value];
      return codes
        .map((code) => {
          const option = field.options.find((candidate) => candidate.value === code);
          return option ? optionLabel(option, locale) : plain(code);
        })
        .join(', ');
    }
    case 'user': {
      const ids = Array.isArray(value) ? value : [value];
      return ids.map((id) => (typeof id === 'string' ? (users?.[id]?.name ?? id) : plain(id))).join(', ');
    }
    case 'boolean': {
      const flag = toBoolean(value);
      if (flag === null) return plain(value);
      return render(locale, flag ? 'summary.yes' : 'summary.no');
    }
    case 'lines': {
      const count = Array.isArray(value) ? value.length : 0;
      return render(locale, count === 1 ? 'summary.lines_one' : 'summary.lines', { count });
    }
    default:
      return plain(value);
  }
}

function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
