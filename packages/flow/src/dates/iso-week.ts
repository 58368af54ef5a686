import { addDays, daysBetween, isoWeekday, parseCalendarDate } from './calendar-date.ts';

/** Monday and Sunday of the ISO week holding `date`; weeks cross the turn of the year whole. */
export function isoWeekBounds(date: string): { start: string; end: string } {
  const start = addDays(date, 1 - isoWeekday(date));
  return { start, end: addDays(start, 6) };
}

/**
 * ISO week-numbering year and week: a week belongs to the year of its Thursday, so
 * 2024-12-30 is in week 1 of 2025 and 2021-01-03 in week 53 of 2020.
 */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const parts = parseCalendarDate(thursday);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  const january4 = `${String(parts.year).padStart(4, '0')}-01-04`;
  const weekOneMonday = addDays(january4, 1 - isoWeekday(january4));
  return { year: parts.year, week: Math.floor(daysBetween(weekOneMonday, thursday) / 7) + 1 };
}

export function sameIsoWeek(a: string, b: string): boolean {
  return isoWeekBounds(a).start === isoWeekBounds(b).start;
}
