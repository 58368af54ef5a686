import { describe, expect, it } from 'vitest';
import { cloneName } from './clone-name.ts';

describe('cloneName', () => {
  it.each([
    ['the first copy', 'Chào khách', [], 'vi', 'Chào khách (bản sao)'],
    ['a second copy counts on', 'Chào khách', ['Chào khách (bản sao)'], 'vi', 'Chào khách (bản sao 2)'],
    [
      'the first free number',
      'Chào khách',
      ['Chào khách (bản sao)', 'Chào khách (bản sao 2)', 'Chào khách (bản sao 3)'],
      'vi',
      'Chào khách (bản sao 4)',
    ],
    ['a gap is filled', 'A', ['A (bản sao)', 'A (bản sao 3)'], 'vi', 'A (bản sao 2)'],
    ['a copy of a copy counts on', 'A (bản sao)', ['A', 'A (bản sao)'], 'vi', 'A (bản sao 2)'],
    ['a numbered copy counts on', 'A (bản sao 2)', ['A (bản sao)', 'A (bản sao 2)'], 'vi', 'A (bản sao 3)'],
    ['in English', 'Welcome', [], 'en', 'Welcome (copy)'],
    ['in English, numbered', 'Welcome', ['Welcome (copy)'], 'en', 'Welcome (copy 2)'],
    ['an English copy copied in Vietnamese', 'A (copy)', ['A (copy)'], 'vi', 'A (bản sao)'],
    ['other names do not count', 'A', ['B (bản sao)', 'A (bản sao) cũ'], 'vi', 'A (bản sao)'],
    ['brackets inside the name stay', 'A (VIP)', [], 'vi', 'A (VIP) (bản sao)'],
  ] as const)('%s', (_, source, taken, locale, expected) => {
    expect(cloneName(source, taken, locale)).toBe(expected);
  });

  it('shortens a long name so the suffix fits in 200 characters', () => {
    const long = 'x'.repeat(200);
    const first = cloneName(long, [long], 'vi');
    expect(first).toBe(`${'x'.repeat(190)} (bản sao)`);
    expect(cloneName(long, [long, first], 'vi')).toHaveLength(200);
    expect(cloneName(long, [long, first], 'vi').endsWith(' (bản sao 2)')).toBe(true);
  });
});
