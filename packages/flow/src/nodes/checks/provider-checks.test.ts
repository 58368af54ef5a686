import { describe, expect, it } from 'vitest';
import { checkChosenProvider } from './provider-checks.ts';

const what = { vi: 'nhà cung cấp SMS', en: 'SMS provider' };

describe('checkChosenProvider', () => {
  it.each([
    ['chosen and known', 'esms', ['esms'], []],
    ['chosen while the list is not loaded', 'esms', undefined, []],
    [
      'chosen but gone',
      'viettel',
      ['esms'],
      ['provider_unknown: Không tìm thấy nhà cung cấp SMS "viettel".'],
    ],
    ['not chosen', '', ['esms'], ['required: Chưa nhập nhà cung cấp SMS.']],
    [
      'not chosen, and the organization has none',
      '',
      [],
      [
        'required: Chưa có nhà cung cấp SMS nào để gửi: thêm một nhà cung cấp SMS trong Thiết lập › Nhà cung cấp rồi chọn ở bước này.',
      ],
    ],
  ])('%s', (_name, ref, known, expected) => {
    const issues = checkChosenProvider({ ref, known, path: ['provider'], what });
    expect(issues.map((issue) => `${issue.code}: ${issue.message}`)).toEqual(expected);
  });

  it('tells where to add one in English too', () => {
    const [issue] = checkChosenProvider({ ref: '', known: [], path: ['provider'], what });
    expect(issue?.messageEn).toBe(
      'There is no SMS provider to send with: add one in Settings › Providers, then choose it in this step.',
    );
  });
});
