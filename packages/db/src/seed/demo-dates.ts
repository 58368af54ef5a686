import { tz } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import type { Random } from './random.ts';

/** The calendar date (`yyyy-MM-dd`) in the organization's time zone, `offsetDays` from `now`. */
export function calendarDate({
  now,
  timeZone,
  offsetDays = 0,
}: {
  now: Date;
  timeZone: string;
  offsetDays?: number;
}) {
  const zone = tz(timeZone);
  return format(addDays(now, offsetDays, { in: zone }), 'yyyy-MM-dd', { in: zone });
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date in a year between `fromYear` and `toYear` that falls on `monthDay` (`MM-dd`). On
 * 29 February only leap years are drawn, so the anniversary is a real date.
 */
export function anniversaryOn({
  random,
  monthDay,
  fromYear,
  toYear,
}: {
  random: Random;
  monthDay: string;
  fromYear: number;
  toYear: number;
}): string {
  let year = random.int(fromYear, toYear);
  if (monthDay === '02-29') {
    while (!isLeapYear(year)) year -= 1;
  }
  return `${year}-${monthDay}`;
}

/** Any calendar date in a year between `fromYear` and `toYear`. */
export function randomDate(random: Random, years: { fromYear: number; toYear: number }): string {
  const year = random.int(years.fromYear, years.toYear);
  const month = random.int(1, 12);
  const day = random.int(1, daysInMonth(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}
