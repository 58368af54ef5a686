import { addDays, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import { calendarDateOf, utcDateOf } from './calendar-date.ts';

/** Monday and Sunday of the ISO week holding `date`; weeks cross the turn of the year whole. */
export function isoWeekBounds(date: string): { start: string; end: string } {
  const start = startOfISOWeek(utcDateOf(date));
  return { start: calendarDateOf(start), end: calendarDateOf(addDays(start, 6)) };
}

/**
 * ISO week-numbering year and week: a week belongs to the year of its Thursday, so
 * 2024-12-30 is in week 1 of 2025 and 2021-01-03 in week 53 of 2020.
 */
export function isoWeekOf(date: string): { year: number; week: number } {
  const day = utcDateOf(date);
  return { year: getISOWeekYear(day), week: getISOWeek(day) };
}

export function sameIsoWeek(a: string, b: string): boolean {
  return isoWeekBounds(a).start === isoWeekBounds(b).start;
}
