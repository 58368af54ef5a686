import { TZDate } from '@date-fns/tz';
import { formatCalendarDate, isCalendarDate } from './calendar-date.ts';

/** The calendar date it is at `now` for someone in `timeZone` (not the date in UTC). */
export function todayIn(timeZone: string, now: Date): string {
  return calendarDateAt(now.getTime(), timeZone);
}

export function calendarDateAt(epochMs: number, timeZone: string): string {
  const local = new TZDate(epochMs, timeZone);
  return formatCalendarDate({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() });
}

/** Strings that name an instant: they carry `Z` or a UTC offset after the time. */
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const wallTimePattern = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;

/**
 * The instant a datetime value stands for, or null. A time written without an offset is a
 * wall-clock time in the organization's zone, as users typed it.
 */
export function toInstant(value: unknown, timeZone: string): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  if (instantPattern.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  const wall = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!wall) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = wall;
  if (!isCalendarDate(`${y}-${mo}-${d}`) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const local = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), timeZone);
  const ms = local.getTime();
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The calendar date a date or datetime value falls on in `timeZone`, or null when the value is
 * not a date. A bare `yyyy-MM-dd` is already a calendar date and is kept as is.
 */
export function toCalendarDate(value: unknown, timeZone: string): string | null {
  if (typeof value === 'string') {
    if (isCalendarDate(value)) return value;
    const wall = wallTimePattern.exec(value);
    if (wall && !instantPattern.test(value)) return isCalendarDate(wall[1]) ? (wall[1] ?? null) : null;
  }
  const ms = toInstant(value, timeZone);
  return ms === null ? null : calendarDateAt(ms, timeZone);
}
