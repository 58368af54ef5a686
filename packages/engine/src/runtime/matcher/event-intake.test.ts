import { describe, expect, it } from 'vitest';
import { gatheringHandler, shouldGather } from './event-intake.ts';

describe('gathering events', () => {
  it.each([
    { taken: 1, batchSize: 100, gatherMs: 25, gather: true },
    { taken: 49, batchSize: 100, gatherMs: 25, gather: true },
    // Half full or more: a backlog, fetch again at once.
    { taken: 50, batchSize: 100, gatherMs: 25, gather: false },
    { taken: 100, batchSize: 100, gatherMs: 25, gather: false },
    { taken: 1, batchSize: 100, gatherMs: 0, gather: false },
    // A batch of one job is always full.
    { taken: 1, batchSize: 1, gatherMs: 25, gather: false },
  ])(
    'after $taken of $batchSize with $gatherMs ms: gathers $gather',
    ({ taken, batchSize, gatherMs, gather }) => {
      expect(shouldGather({ taken, batchSize, gatherMs })).toBe(gather);
    },
  );

  const job = (signal: AbortSignal) => ({ id: 'j', signal });

  it('hands the loop back only after waiting, and at once when the worker stops', async () => {
    const handled: number[] = [];
    const handler = gatheringHandler({
      batchSize: 100,
      gatherMs: 200,
      handle: async (jobs) => {
        handled.push(jobs.length);
      },
    });
    const started = performance.now();
    await handler([job(new AbortController().signal)]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    const stopping = new AbortController();
    const waiting = handler([job(stopping.signal)]);
    stopping.abort();
    const cut = performance.now();
    await waiting;
    expect(performance.now() - cut).toBeLessThan(150);
    expect(handled).toEqual([1, 1]);
  });
});
