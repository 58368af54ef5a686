import { describe, expect, it } from 'vitest';
import { runDuration } from './run-duration.ts';

const start = '2025-03-15T01:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(start) + ms).toISOString();

describe('runDuration', () => {
  it.each([
    { ms: 0, expected: { unit: 'ms', value: 0 } },
    { ms: 245, expected: { unit: 'ms', value: 245 } },
    { ms: 2_460, expected: { unit: 'seconds', value: 2.4 } },
    { ms: 42_900, expected: { unit: 'seconds', value: 42 } },
    { ms: 125_000, expected: { unit: 'minutes', m: 2, s: 5 } },
    { ms: 3 * 3_600_000 + 7 * 60_000, expected: { unit: 'hours', h: 3, m: 7 } },
  ])('reads $ms ms as $expected', ({ ms, expected }) => {
    expect(runDuration({ startedAt: start, finishedAt: after(ms) })).toEqual(expected);
  });

  it('measures a run still going up to now', () => {
    expect(runDuration({ startedAt: start, finishedAt: null, now: Date.parse(after(1500)) })).toEqual({
      unit: 'seconds',
      value: 1.5,
    });
  });

  it.each([
    { startedAt: null, finishedAt: after(10) },
    { startedAt: 'not a date', finishedAt: after(10) },
    { startedAt: after(10), finishedAt: start },
  ])('is unknown for $startedAt → $finishedAt', (times) => {
    expect(runDuration(times)).toBeNull();
  });
});
