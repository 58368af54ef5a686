import { TZDate } from '@date-fns/tz';
import {
  addDays as addCalendarDays,
  differenceInCalendarDays,
  format,
  getDaysInMonth,
  getISODay,
  isLeapYear as isLeap,
} from 'date-fns';
import { z } from 'zod';

/**
 * A calendar date `yyyy-MM-dd` with no time and no zone: birthdays, order dates, due dates.
 * Arithmetic is date-fns on midnight in UTC, a zone with no daylight saving and the same in
 * every process; the result is read back as a calendar date, never as an instant.
 */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd');
export type CalendarDate = z.infer<typeof CalendarDate>;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function parseCalendarDate(value: string): DateParts | null {
  const match = datePattern.exec(value);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(parts) ? parts : null;
}

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && parseCalendarDate(value) !== null;
}

export function formatCalendarDate({ year, month, day }: DateParts): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isLeapYear(year: number): boolean {
  return isLeap(new TZDate(year, 0, 1, 'UTC'));
}

function isRealDate({ year, month, day }: DateParts): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new TZDate(year, month - 1, 1, 'UTC'));
}

/** The calendar date as midnight UTC. */
export function utcDateOf(date: string): TZDate {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return new TZDate(parts.year, parts.month - 1, parts.day, 'UTC');
}

/** The calendar date of a midnight in UTC made by `utcDateOf`. */
export const calendarDateOf = (date: TZDate): string => format(date, 'yyyy-MM-dd');

/** `date` moved by `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  return calendarDateOf(addCalendarDays(utcDateOf(date), days));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(utcDateOf(to), utcDateOf(from));
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return getISODay(utcDateOf(date));
}
