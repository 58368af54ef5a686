import { describe, expect, it } from 'vitest';
import type { Text } from '../../messages/locale.ts';
import type { SettingLabel } from '../../validate/validation-error.ts';
import { checkChosenProvider } from './provider-checks.ts';

const provider: SettingLabel = { vi: 'nhà cung cấp SMS', en: 'the SMS provider', pick: true };

const sentences = (ref: string, known: string[] | undefined): string[] =>
  checkChosenProvider({ ref, known, path: ['provider'] }).map((issue) => {
    const message: Text = typeof issue.message === 'function' ? issue.message(provider) : issue.message;
    return `${issue.code}: ${message.vi} | ${message.en}`;
  });

describe('checkChosenProvider', () => {
  it.each([
    ['chosen and known', 'esms', ['esms'], []],
    ['chosen while the list is not loaded', 'esms', undefined, []],
    [
      'chosen but gone',
      'viettel',
      ['esms'],
      [
        "provider_unknown: không còn tìm thấy nhà cung cấp SMS đã chọn ('viettel'): hãy chọn lại. | choose the SMS provider again: the one chosen ('viettel') no longer exists.",
      ],
    ],
    ['not chosen', '', ['esms'], ['required: chưa chọn nhà cung cấp SMS. | choose the SMS provider.']],
    [
      'not chosen, and the organization has none',
      '',
      [],
      [
        'required: chưa có nhà cung cấp SMS nào để chọn: hãy thêm trong Thiết lập › Nhà cung cấp rồi chọn ở bước này. | nothing can be chosen as the SMS provider yet: add one in Settings › Providers, then choose it in this step.',
      ],
    ],
  ])('%s', (_name, ref, known, expected) => {
    expect(sentences(ref, known)).toEqual(expected);
  });
});
