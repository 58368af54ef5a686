import { describe, expect, it } from 'vitest';
import { capPayload, MAX_STEP_PAYLOAD_BYTES } from './payload-cap.ts';
import { forEachLimit } from './run-limit.ts';
import { stableId } from './stable-id.ts';
import { stepJob, wakeJob } from './steps/step-jobs.ts';

describe('stableId', () => {
  it.each([
    { a: ['step', 'r1', 'n1'], b: ['step', 'r1', 'n1'], same: true },
    { a: ['step', 'r1', 'n1'], b: ['step', 'r1', 'n2'], same: false },
    { a: ['step', 'r1n', '1'], b: ['step', 'r1', 'n1'], same: false },
  ])('$a vs $b → same: $same', ({ a, b, same }) => {
    expect(stableId(...a) === stableId(...b)).toBe(same);
  });

  it('is a version 5 UUID pg-boss accepts as a job id', () => {
    expect(stableId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives a step one job id and each wake-up its own', () => {
    const until = new Date('2025-03-15T01:00:00Z');
    expect(stepJob('r', 'n').id).toBe(stepJob('r', 'n').id);
    expect(wakeJob('r', 'n', until).id).not.toBe(stepJob('r', 'n').id);
    expect(wakeJob('r', 'n', until).id).not.toBe(wakeJob('r', 'n', new Date('2025-03-16T01:00:00Z')).id);
  });
});

describe('capPayload', () => {
  it.each([
    { name: 'small object kept', value: { a: 'Đơn hàng' }, truncated: false },
    { name: 'undefined stored as null', value: undefined, truncated: false },
    { name: 'large text cut', value: { body: 'ư'.repeat(MAX_STEP_PAYLOAD_BYTES) }, truncated: true },
  ])('$name', ({ value, truncated }) => {
    const stored = capPayload(value);
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(MAX_STEP_PAYLOAD_BYTES);
    expect(typeof stored === 'object' && stored !== null && 'truncated' in stored).toBe(truncated);
  });
});

describe('forEachLimit', () => {
  it.each([1, 3])('never runs more than %i at once and visits every item', async (limit) => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], limit, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(item);
      running -= 1;
    });
    expect(peak).toBe(limit);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
