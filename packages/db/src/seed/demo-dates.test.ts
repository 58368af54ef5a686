import { describe, expect, it } from 'vitest';
import { anniversaryOn, calendarDate, randomDate } from './demo-dates.ts';
import { createRandom } from './random.ts';

const isRealDate = (value: string) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

describe('calendarDate', () => {
  it.each([
    { instant: '2025-06-14T16:59:59Z', offsetDays: 0, expected: '2025-06-14' },
    { instant: '2025-06-14T17:00:00Z', offsetDays: 0, expected: '2025-06-15' },
    { instant: '2025-12-31T18:00:00Z', offsetDays: 0, expected: '2026-01-01' },
    { instant: '2025-03-01T02:00:00Z', offsetDays: -1, expected: '2025-02-28' },
    { instant: '2024-03-01T02:00:00Z', offsetDays: -1, expected: '2024-02-29' },
    { instant: '2025-01-10T05:00:00Z', offsetDays: -89, expected: '2024-10-13' },
  ])('$instant + $offsetDays days is $expected in Asia/Ho_Chi_Minh', ({ instant, offsetDays, expected }) => {
    expect(calendarDate({ now: new Date(instant), timeZone: 'Asia/Ho_Chi_Minh', offsetDays })).toBe(expected);
  });

  it('reads the calendar of the zone it is given', () => {
    const now = new Date('2025-06-14T20:00:00Z');
    expect(calendarDate({ now, timeZone: 'America/New_York' })).toBe('2025-06-14');
    expect(calendarDate({ now, timeZone: 'Asia/Tokyo' })).toBe('2025-06-15');
  });
});

describe('anniversaryOn', () => {
  it.each(['01-01', '06-15', '12-31', '02-28'])('keeps %s and draws a year in range', (monthDay) => {
    const random = createRandom(7);
    for (let i = 0; i < 50; i++) {
      const date = anniversaryOn({ random, monthDay, fromYear: 1965, toYear: 2000 });
      expect(date.slice(5)).toBe(monthDay);
      expect(Number(date.slice(0, 4))).toBeGreaterThanOrEqual(1965);
      expect(Number(date.slice(0, 4))).toBeLessThanOrEqual(2000);
    }
  });

  it('draws only leap years for 29 February', () => {
    const random = createRandom(11);
    const dates = Array.from({ length: 100 }, () =>
      anniversaryOn({ random, monthDay: '02-29', fromYear: 1990, toYear: 2023 }),
    );
    expect(dates.every(isRealDate)).toBe(true);
    expect(new Set(dates.map((date) => date.slice(0, 4))).size).toBeGreaterThan(3);
  });
});

describe('randomDate', () => {
  it('gives real calendar dates spread over the whole year', () => {
    const random = createRandom(3);
    const dates = Array.from({ length: 2000 }, () => randomDate(random, { fromYear: 1990, toYear: 2000 }));
    expect(dates.every(isRealDate)).toBe(true);
    expect(new Set(dates.map((date) => date.slice(5, 7))).size).toBe(12);
    expect(dates.some((date) => date.endsWith('-31'))).toBe(true);
  });
});
