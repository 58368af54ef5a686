import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

const draw = (seed: number) => {
  const random = createRandom(seed);
  return Array.from({ length: 20 }, () => random.next());
};

describe('createRandom', () => {
  it('repeats itself for one seed and differs for another', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it.each([
    { min: 0, max: 0 },
    { min: 1, max: 4 },
    { min: -30, max: 90 },
  ])('int($min, $max) stays in range and reaches both ends', ({ min, max }) => {
    const random = createRandom(1);
    const values = new Set(Array.from({ length: 2000 }, () => random.int(min, max)));
    expect(Math.min(...values)).toBe(min);
    expect(Math.max(...values)).toBe(max);
    expect(values.size).toBe(max - min + 1);
  });

  it('picks every item in time and refuses an empty list', () => {
    const random = createRandom(5);
    const items = ['a', 'b', 'c'] as const;
    expect(new Set(Array.from({ length: 100 }, () => random.pick(items)))).toEqual(new Set(items));
    expect(() => random.pick([])).toThrow();
  });

  it('writes the number of digits asked for', () => {
    const random = createRandom(9);
    expect(random.digits(8)).toMatch(/^\d{8}$/);
  });
});
