import { addDays, daysBetween, parseCalendarDate } from './calendar-date.ts';
import { isoWeekBounds } from './iso-week.ts';
import { type LeapDayRule, yearlyOccurrence } from './yearly-occurrence.ts';

export interface CareSchedule {
  recurrence: 'yearly' | 'once';
  offsetDays: number;
  window: 'day' | 'week';
}

/**
 * One occurrence of a care process for one record: `occurrence` is the anniversary (or the date
 * itself for `once`) and identifies the run, so a (workflow, record, occurrence) key fires once;
 * `fireDate` is when it is due, the occurrence moved by `offsetDays`.
 */
export interface CareOccurrence {
  occurrence: string;
  fireDate: string;
}

/**
 * The occurrence due on `today`, or null. With `window: 'week'` an occurrence is due on every
 * day of the ISO week holding its fire date; the caller's ledger makes it fire only once, and
 * that also makes a missed tick fire on the next day of the week.
 */
export function dueCareOccurrence(args: {
  dateValue: string;
  schedule: CareSchedule;
  today: string;
  leapDay?: LeapDayRule;
}): CareOccurrence | null {
  const { dateValue, schedule, today } = args;
  const isDue = (fireDate: string) =>
    schedule.window === 'day'
      ? fireDate === today
      : isoWeekBounds(fireDate).start === isoWeekBounds(today).start;

  if (schedule.recurrence === 'once') {
    const fireDate = addDays(dateValue, schedule.offsetDays);
    return isDue(fireDate) ? { occurrence: dateValue, fireDate } : null;
  }
  const todayParts = parseCalendarDate(today);
  if (!todayParts) throw new RangeError(`Not a calendar date: ${today}`);
  // An offset or a week can reach across New Year, so the neighbouring anniversaries count too.
  const spanYears = Math.ceil((Math.abs(schedule.offsetDays) + 7) / 365);
  for (let year = todayParts.year - spanYears; year <= todayParts.year + spanYears; year += 1) {
    const occurrence = yearlyOccurrence({
      date: dateValue,
      year,
      ...(args.leapDay ? { leapDay: args.leapDay } : {}),
    });
    if (daysBetween(dateValue, occurrence) < 0) continue;
    const fireDate = addDays(occurrence, schedule.offsetDays);
    if (isDue(fireDate)) return { occurrence, fireDate };
  }
  return null;
}
