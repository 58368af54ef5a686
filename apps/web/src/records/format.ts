import type { Locale } from '../i18n/index.ts';

/** Values are shown the Vietnamese way in both languages: the data is Vietnamese (VND, dd/MM/yyyy). */
const moneyFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
const groupedInteger = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** `1234567` → `1.234.567 ₫`. */
export function formatMoney(value: unknown): string {
  const amount = toNumber(value);
  return amount === null ? '' : moneyFormat.format(amount);
}

export function formatNumber(value: unknown): string {
  const amount = toNumber(value);
  return amount === null ? '' : numberFormat.format(amount);
}

/** Money as typed in an input: digits grouped with dots, no currency sign. */
export function formatMoneyInput(value: number | null): string {
  return value === null ? '' : groupedInteger.format(value);
}

/** Reads what a user typed in a money input (`1.234.567`, `1234567 ₫`) back into a number. */
export function parseMoneyInput(text: string): number | null {
  const negative = text.trim().startsWith('-');
  const digits = text.replace(/\D/g, '');
  if (!digits) return null;
  const amount = Number(digits);
  return negative ? -amount : amount;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar date `yyyy-MM-dd` → `dd/MM/yyyy`, with no time zone involved. */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = isoDate.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

/** An instant → `dd/MM/yyyy HH:mm` in the organization's time zone. */
export function formatDateTime(value: unknown, timeZone = 'Asia/Ho_Chi_Minh'): string {
  if (typeof value !== 'string' || !value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** The label of a module, field or option in the current language. */
export function labelOf(item: { labelVi: string; labelEn: string }, locale: Locale): string {
  return locale === 'en' ? item.labelEn : item.labelVi;
}
