import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDate } from './calendar-date.ts';
import { dueCareOccurrence } from './care-occurrence.ts';
import { isoWeekBounds, isoWeekOf } from './iso-week.ts';
import { toCalendarDate, todayIn, toInstant } from './today-in.ts';
import { yearlyOccurrence } from './yearly-occurrence.ts';

const hcm = 'Asia/Ho_Chi_Minh';

describe('todayIn', () => {
  it.each([
    { now: '2025-03-10T16:59:59Z', zone: hcm, expected: '2025-03-10' },
    { now: '2025-03-10T17:00:00Z', zone: hcm, expected: '2025-03-11' },
    { now: '2025-12-31T18:30:00Z', zone: hcm, expected: '2026-01-01' },
    { now: '2025-03-10T03:00:00Z', zone: 'America/Los_Angeles', expected: '2025-03-09' },
    { now: '2025-03-10T03:00:00Z', zone: 'UTC', expected: '2025-03-10' },
  ])('$now in $zone is $expected', ({ now, zone, expected }) => {
    expect(todayIn(zone, new Date(now))).toBe(expected);
  });
});

describe('toCalendarDate', () => {
  it.each([
    { value: '2025-02-28', expected: '2025-02-28' },
    { value: '2025-02-29', expected: null },
    { value: '2025-05-01T20:00:00Z', expected: '2025-05-02' },
    { value: '2025-05-01T20:00:00+07:00', expected: '2025-05-01' },
    { value: '2025-05-01T23:30', expected: '2025-05-01' },
    { value: new Date('2025-05-01T17:30:00Z'), expected: '2025-05-02' },
    { value: 'not a date', expected: null },
    { value: null, expected: null },
  ])('$value → $expected', ({ value, expected }) => {
    expect(toCalendarDate(value, hcm)).toBe(expected);
  });
});

describe('toInstant', () => {
  it.each([
    { value: '2025-05-01T08:00', expected: '2025-05-01T01:00:00.000Z' },
    { value: '2025-05-01T08:00:00Z', expected: '2025-05-01T08:00:00.000Z' },
    { value: '2025-05-01', expected: '2025-04-30T17:00:00.000Z' },
  ])('$value is $expected', ({ value, expected }) => {
    expect(new Date(toInstant(value, hcm) ?? Number.NaN).toISOString()).toBe(expected);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    { date: '2024-02-28', days: 1, expected: '2024-02-29' },
    { date: '2025-02-28', days: 1, expected: '2025-03-01' },
    { date: '2025-01-01', days: -1, expected: '2024-12-31' },
    { date: '2025-03-30', days: 1, expected: '2025-03-31' },
    { date: '2025-10-26', days: 7, expected: '2025-11-02' },
    { date: '2000-02-28', days: 1, expected: '2000-02-29' },
    { date: '2100-02-28', days: 1, expected: '2100-03-01' },
    { date: '2000-01-01', days: 36_525, expected: '2100-01-01' },
    { date: '2018-11-04', days: -1, expected: '2018-11-03' },
  ])('$date + $days = $expected', ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  // Midnight does not exist on some days in some zones (São Paulo, 2018-11-04): the process's
  // own zone must not move a calendar date.
  it.each(['America/Sao_Paulo', 'Pacific/Chatham', 'Asia/Ho_Chi_Minh'])(
    'is the same in a process in %s',
    (zone) => {
      const before = process.env.TZ;
      process.env.TZ = zone;
      try {
        expect(addDays('2018-11-03', 1)).toBe('2018-11-04');
        expect(addDays('2018-11-04', 1)).toBe('2018-11-05');
        expect(daysBetween('2018-11-01', '2018-11-30')).toBe(29);
        expect(isoWeekBounds('2018-11-04')).toEqual({ start: '2018-10-29', end: '2018-11-04' });
      } finally {
        process.env.TZ = before;
      }
    },
  );

  it.each(['2025-13-01', '2025-04-31', '25-01-01', 20250101])('%s is not a calendar date', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('ISO weeks', () => {
  it.each([
    { date: '2025-01-01', start: '2024-12-30', end: '2025-01-05', year: 2025, week: 1 },
    { date: '2024-12-30', start: '2024-12-30', end: '2025-01-05', year: 2025, week: 1 },
    { date: '2021-01-03', start: '2020-12-28', end: '2021-01-03', year: 2020, week: 53 },
    { date: '2025-06-15', start: '2025-06-09', end: '2025-06-15', year: 2025, week: 24 },
    { date: '2025-06-16', start: '2025-06-16', end: '2025-06-22', year: 2025, week: 25 },
    { date: '2027-01-01', start: '2026-12-28', end: '2027-01-03', year: 2026, week: 53 },
    { date: '2008-12-29', start: '2008-12-29', end: '2009-01-04', year: 2009, week: 1 },
  ])('$date is in $year-W$week ($start…$end)', ({ date, start, end, year, week }) => {
    expect(isoWeekBounds(date)).toEqual({ start, end });
    expect(isoWeekOf(date)).toEqual({ year, week });
  });
});

describe('yearlyOccurrence', () => {
  it.each([
    { date: '1996-02-29', year: 2025, leapDay: undefined, expected: '2025-02-28' },
    { date: '1992-02-29', year: 2025, leapDay: 'mar1' as const, expected: '2025-03-01' },
    { date: '1992-02-29', year: 2028, leapDay: 'mar1' as const, expected: '2028-02-29' },
    { date: '1985-12-31', year: 2025, leapDay: undefined, expected: '2025-12-31' },
  ])('$date in $year ($leapDay) → $expected', ({ date, year, leapDay, expected }) => {
    expect(yearlyOccurrence({ date, year, ...(leapDay ? { leapDay } : {}) })).toBe(expected);
  });
});

describe('dueCareOccurrence', () => {
  const day = { recurrence: 'yearly', offsetDays: 0, window: 'day' } as const;
  it.each([
    {
      name: 'birthday today',
      dateValue: '1990-05-20',
      schedule: day,
      today: '2025-05-20',
      expected: '2025-05-20',
    },
    { name: 'not today', dateValue: '1990-05-20', schedule: day, today: '2025-05-21', expected: null },
    {
      name: 'three days before, across New Year',
      dateValue: '1990-01-02',
      schedule: { ...day, offsetDays: -3 },
      today: '2024-12-30',
      expected: '2025-01-02',
    },
    {
      name: 'week window, any day of the week',
      dateValue: '1990-01-01',
      schedule: { ...day, window: 'week' as const },
      today: '2024-12-31',
      expected: '2025-01-01',
    },
    {
      name: '29 Feb in a common year',
      dateValue: '2000-02-29',
      schedule: day,
      today: '2025-02-28',
      expected: '2025-02-28',
    },
    {
      name: 'not before the date itself',
      dateValue: '2026-05-20',
      schedule: day,
      today: '2025-05-20',
      expected: null,
    },
    {
      name: 'once, a week after',
      dateValue: '2025-05-20',
      schedule: { recurrence: 'once' as const, offsetDays: 7, window: 'day' as const },
      today: '2025-05-27',
      expected: '2025-05-20',
    },
  ])('$name', ({ dateValue, schedule, today, expected }) => {
    expect(dueCareOccurrence({ dateValue, schedule, today })?.occurrence ?? null).toBe(expected);
  });
});
