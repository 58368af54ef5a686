import { describe, expect, it } from 'vitest';
import { careDaysDue, fireDatesOf, onceDates, yearlyKeys } from './care-days.ts';

const hcm = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(iso);

describe('careDaysDue (Asia/Ho_Chi_Minh, run at 08:00)', () => {
  it.each([
    { name: '07:59 local: not yet', now: '2025-05-20T00:59:59Z', last: '2025-05-19', expected: null },
    {
      name: '08:00 local (01:00 UTC) is the moment',
      now: '2025-05-20T01:00:00Z',
      last: '2025-05-19',
      expected: ['2025-05-20', '2025-05-20'],
    },
    {
      name: '15:00 local (08:00 UTC) is after it',
      now: '2025-05-20T08:00:00Z',
      last: '2025-05-19',
      expected: ['2025-05-20', '2025-05-20'],
    },
    { name: 'already ran today', now: '2025-05-20T08:00:00Z', last: '2025-05-20', expected: null },
    { name: '06:30 local, yesterday done', now: '2025-05-19T23:30:00Z', last: '2025-05-19', expected: null },
    {
      name: '06:30 local, yesterday missed',
      now: '2025-05-19T23:30:00Z',
      last: '2025-05-18',
      expected: ['2025-05-19', '2025-05-19'],
    },
    {
      name: 'down three days: caught up once',
      now: '2025-05-20T02:00:00Z',
      last: '2025-05-17',
      expected: ['2025-05-18', '2025-05-20'],
    },
    {
      name: 'down for months: capped at 7 days',
      now: '2025-05-20T02:00:00Z',
      last: '2025-01-01',
      expected: ['2025-05-14', '2025-05-20'],
    },
    { name: 'after New Year’s Eve, local', now: '2024-12-31T17:30:00Z', last: '2024-12-31', expected: null },
  ])('$name', ({ now, last, expected }) => {
    const days = careDaysDue({
      now: at(now),
      timeZone: hcm,
      runAt: '08:00',
      lastScheduledOn: last,
      activatedAt: at('2024-01-01T00:00:00Z'),
    });
    expect(days ? [days.from, days.to] : null).toEqual(expected);
  });

  it.each([
    {
      name: 'activated at 09:00: runs today',
      activatedAt: '2025-05-20T02:00:00Z',
      now: '2025-05-20T02:01:00Z',
      last: null,
      expected: ['2025-05-20', '2025-05-20'],
    },
    {
      name: 'activated at 06:00: waits for 08:00',
      activatedAt: '2025-05-19T23:00:00Z',
      now: '2025-05-20T00:30:00Z',
      last: null,
      expected: null,
    },
    {
      name: 'reactivated after running today: tomorrow',
      activatedAt: '2025-05-20T03:00:00Z',
      now: '2025-05-20T03:01:00Z',
      last: '2025-05-20',
      expected: null,
    },
    {
      name: 'reactivated after a pause: no days while inactive',
      activatedAt: '2025-05-20T03:00:00Z',
      now: '2025-05-20T03:01:00Z',
      last: '2025-05-10',
      expected: ['2025-05-20', '2025-05-20'],
    },
  ])('$name', ({ activatedAt, now, last, expected }) => {
    const days = careDaysDue({
      now: at(now),
      timeZone: hcm,
      runAt: '08:00',
      lastScheduledOn: last,
      activatedAt: at(activatedAt),
    });
    expect(days ? [days.from, days.to] : null).toEqual(expected);
  });
});

describe('fireDatesOf', () => {
  it.each([
    { window: 'day' as const, days: ['2025-05-18', '2025-05-20'], expected: ['2025-05-18', '2025-05-20'] },
    { window: 'week' as const, days: ['2025-12-31', '2025-12-31'], expected: ['2025-12-29', '2026-01-04'] },
    { window: 'week' as const, days: ['2025-05-18', '2025-05-20'], expected: ['2025-05-12', '2025-05-25'] },
  ])('$window $days → $expected', ({ window, days, expected }) => {
    const [from = '', to = ''] = days;
    expect(fireDatesOf({ from, to }, window)).toEqual({ from: expected[0], to: expected[1] });
  });
});

describe('yearlyKeys', () => {
  it.each([
    {
      name: 'birthday today',
      fire: '2025-05-20',
      offset: 0,
      rule: 'feb28' as const,
      expected: ['05-20@2025-05-20'],
    },
    {
      name: 'three days before, across New Year',
      fire: '2025-12-30',
      offset: -3,
      rule: 'feb28' as const,
      expected: ['01-02@2026-01-02'],
    },
    {
      name: 'a week after',
      fire: '2025-01-03',
      offset: 7,
      rule: 'feb28' as const,
      expected: ['12-27@2024-12-27'],
    },
    {
      name: '28 Feb in a common year takes 29 Feb',
      fire: '2025-02-28',
      offset: 0,
      rule: 'feb28' as const,
      expected: ['02-28@2025-02-28', '02-29@2025-02-28'],
    },
    {
      name: 'under mar1, 28 Feb is only itself',
      fire: '2025-02-28',
      offset: 0,
      rule: 'mar1' as const,
      expected: ['02-28@2025-02-28'],
    },
    {
      name: 'under mar1, 1 March takes 29 Feb',
      fire: '2025-03-01',
      offset: 0,
      rule: 'mar1' as const,
      expected: ['03-01@2025-03-01', '02-29@2025-03-01'],
    },
    {
      name: 'leap year: 29 Feb is itself',
      fire: '2024-02-28',
      offset: 0,
      rule: 'feb28' as const,
      expected: ['02-28@2024-02-28'],
    },
  ])('$name', ({ fire, offset, rule, expected }) => {
    const keys = yearlyKeys({ fire: { from: fire, to: fire }, offsetDays: offset, leapDay: rule });
    expect(keys.map((k) => `${k.md}@${k.occurrence}`)).toEqual(expected);
    expect(keys.every((k) => k.fireDate === fire)).toBe(true);
  });

  it('covers every day of a range once', () => {
    const keys = yearlyKeys({
      fire: { from: '2025-12-29', to: '2026-01-04' },
      offsetDays: 0,
      leapDay: 'feb28',
    });
    expect(keys.map((k) => k.md)).toEqual(['12-29', '12-30', '12-31', '01-01', '01-02', '01-03', '01-04']);
  });
});

describe('onceDates', () => {
  it.each([
    { fire: ['2025-05-20', '2025-05-20'], offset: 7, expected: ['2025-05-13', '2025-05-13'] },
    { fire: ['2026-01-01', '2026-01-04'], offset: -3, expected: ['2026-01-04', '2026-01-07'] },
  ])('fire $fire, offset $offset → dates $expected', ({ fire, offset, expected }) => {
    const [from = '', to = ''] = fire;
    expect(onceDates({ fire: { from, to }, offsetDays: offset })).toEqual({
      from: expected[0],
      to: expected[1],
    });
  });
});
