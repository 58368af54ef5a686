import { describe, expect, it } from 'vitest';
import { moveItem } from './move-item.ts';

describe('moveItem', () => {
  it.each([
    { from: 0, to: 1, expected: ['b', 'a', 'c', 'd'] },
    { from: 0, to: 3, expected: ['b', 'c', 'd', 'a'] },
    { from: 3, to: 0, expected: ['d', 'a', 'b', 'c'] },
    { from: 2, to: 1, expected: ['a', 'c', 'b', 'd'] },
    { from: 1, to: 1, expected: ['a', 'b', 'c', 'd'] },
    { from: -1, to: 2, expected: ['a', 'b', 'c', 'd'] },
    { from: 1, to: 4, expected: ['a', 'b', 'c', 'd'] },
  ])('moves the item at $from to $to', ({ from, to, expected }) => {
    expect(moveItem(['a', 'b', 'c', 'd'], from, to)).toEqual(expected);
  });

  it('leaves the given list untouched', () => {
    const items = ['a', 'b'];
    moveItem(items, 0, 1);
    expect(items).toEqual(['a', 'b']);
  });
});
