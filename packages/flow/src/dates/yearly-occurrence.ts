import { z } from 'zod';
import { formatCalendarDate, isLeapYear, parseCalendarDate } from './calendar-date.ts';

/** Where 29 February lands in a common year: an organization setting, 28 Feb by default. */
export const LeapDayRule = z.enum(['feb28', 'mar1']);
export type LeapDayRule = z.infer<typeof LeapDayRule>;

/**
 * The anniversary of `date` in `year` (birthdays, founding days). Only 29 February needs a
 * rule; every other day exists in every year.
 */
export function yearlyOccurrence(args: { date: string; year: number; leapDay?: LeapDayRule }): string {
  const parts = parseCalendarDate(args.date);
  if (!parts) throw new RangeError(`Not a calendar date: ${args.date}`);
  const { month, day } = parts;
  if (month === 2 && day === 29 && !isLeapYear(args.year)) {
    return args.leapDay === 'mar1'
      ? formatCalendarDate({ year: args.year, month: 3, day: 1 })
      : formatCalendarDate({ year: args.year, month: 2, day: 28 });
  }
  return formatCalendarDate({ year: args.year, month, day });
}
