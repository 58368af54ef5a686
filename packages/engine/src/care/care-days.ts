import {
  addDays,
  isLeapYear,
  isoWeekBounds,
  type LeapDayRule,
  parseCalendarDate,
  type ScheduleTriggerConfig,
  todayIn,
  toInstant,
} from '@crmflow/flow';

/**
 * How many missed days a tick catches up at most. A worker back after a long outage fires what
 * fell due in the last week, once, rather than a year of birthdays at once.
 */
export const MAX_CATCH_UP_DAYS = 7;

/** Calendar days `yyyy-MM-dd`, both ends included. */
export type DayRange = { from: string; to: string };

/** The latest of calendar dates: `yyyy-MM-dd` sorts as text in date order. */
const latest = (first: string, rest: readonly string[]) => [first, ...rest].sort().at(-1) ?? first;

/**
 * The days a tick at `now` schedules, in the organization's zone, or null when nothing is due:
 * from the day after the last one scheduled (but not before the activation day, nor more than
 * `maxCatchUpDays` back) through today once `runAt` has come, else through yesterday. A process
 * that already ran today therefore waits for tomorrow, and a missed 08:00 fires once when the
 * scheduler is back.
 */
export function careDaysDue(args: {
  now: Date;
  timeZone: string;
  runAt: string;
  lastScheduledOn: string | null;
  activatedAt: Date | null;
  maxCatchUpDays?: number;
}): DayRange | null {
  const { now, timeZone } = args;
  const today = todayIn(timeZone, now);
  const runAt = toInstant(`${today}T${args.runAt}`, timeZone);
  const through = runAt !== null && now.getTime() >= runAt ? today : addDays(today, -1);
  const floors: string[] = [];
  if (args.lastScheduledOn) floors.push(addDays(args.lastScheduledOn, 1));
  if (args.activatedAt) floors.push(todayIn(timeZone, args.activatedAt));
  const from = latest(addDays(through, 1 - (args.maxCatchUpDays ?? MAX_CATCH_UP_DAYS)), floors);
  return from <= through ? { from, to: through } : null;
}

/**
 * The fire dates (date + offset) that the scheduled days cover: the days themselves, or with
 * `window: 'week'` the whole ISO weeks holding them, Monday to Sunday, so an occurrence anywhere
 * in the week fires on the week's first tick (its occurrence key keeps it to once).
 */
export function fireDatesOf(days: DayRange, window: ScheduleTriggerConfig['window']): DayRange {
  if (window === 'day') return days;
  return { from: isoWeekBounds(days.from).start, to: isoWeekBounds(days.to).end };
}

/** A yearly occurrence as SQL matches it: records whose date ends in `md` have it on `occurrence`. */
export type YearlyKey = { md: string; occurrence: string; fireDate: string };

/**
 * For each fire date of the range, the anniversary it is due for (the fire date less the offset)
 * and the month-days whose records have that anniversary. In a common year 29 February's records
 * join 28 February, or 1 March under the `mar1` rule.
 */
export function yearlyKeys(args: { fire: DayRange; offsetDays: number; leapDay: LeapDayRule }): YearlyKey[] {
  const keys: YearlyKey[] = [];
  for (let fireDate = args.fire.from; fireDate <= args.fire.to; fireDate = addDays(fireDate, 1)) {
    const occurrence = addDays(fireDate, -args.offsetDays);
    const md = occurrence.slice(5);
    keys.push({ md, occurrence, fireDate });
    const year = parseCalendarDate(occurrence)?.year ?? 0;
    if (isLeapYear(year)) continue;
    const leapDayLandsHere = args.leapDay === 'mar1' ? md === '03-01' : md === '02-28';
    if (leapDayLandsHere) keys.push({ md: '02-29', occurrence, fireDate });
  }
  return keys;
}

/** `once`: the dates whose fire date (date + offset) falls in the range. */
export function onceDates(args: { fire: DayRange; offsetDays: number }): DayRange {
  return { from: addDays(args.fire.from, -args.offsetDays), to: addDays(args.fire.to, -args.offsetDays) };
}
