import { describe, expect, it } from 'vitest';
import { moved } from './OrderedUsers.tsx';

describe('moved', () => {
  it.each([
    ['down one', ['a', 'b', 'c'], 0, 1, ['b', 'a', 'c']],
    ['up one', ['a', 'b', 'c'], 2, 1, ['a', 'c', 'b']],
    ['to the end', ['a', 'b', 'c'], 0, 2, ['b', 'c', 'a']],
    ['to the front', ['a', 'b', 'c'], 2, 0, ['c', 'a', 'b']],
    ['past the end: unchanged', ['a', 'b'], 1, 5, ['a', 'b']],
    ['above the top: unchanged', ['a', 'b'], 0, -1, ['a', 'b']],
  ])('%s', (_name, ids, from, to, expected) => {
    expect(moved(ids, from, to)).toEqual(expected);
  });
});
