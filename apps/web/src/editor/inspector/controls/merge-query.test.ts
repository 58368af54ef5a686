import { mergeFieldOptions, standardModules } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { filterMergeOptions, insertMergeToken, mergeQueryAt } from './merge-query.ts';

describe('merge field picker', () => {
  it.each([
    ['Gọi #', 5, { start: 4, query: '' }],
    ['Gọi #co', 7, { start: 4, query: 'co' }],
    ['Chào #contact_id.na', 19, { start: 5, query: 'contact_id.na' }],
    ['Giá ##', 6, null],
    ['Gọi #code rồi', 13, null],
    ['không có', 8, null],
  ])('in %j at %i the query is %j', (text, caret, expected) => {
    expect(mergeQueryAt(text, caret)).toEqual(expected);
  });

  it('puts tokens that start with the query first, then labels holding it, ignoring accents', () => {
    const options = mergeFieldOptions({
      module: standardModules.order,
      catalog: standardModules,
      locale: 'vi',
    });
    expect(filterMergeOptions(options, 'tot')[0]?.token).toBe('#total');
    expect(filterMergeOptions(options, 'tinh trang').map((option) => option.token)).toEqual(
      expect.arrayContaining(['#status', '#revenue_status']),
    );
  });

  it('replaces what was typed after # with the token, the caret after it', () => {
    expect(insertMergeToken({ text: 'Gọi #co ngay', start: 4, caret: 7, token: '#code' })).toEqual({
      text: 'Gọi #code ngay',
      caret: 9,
    });
  });
});
