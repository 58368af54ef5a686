import { describe, expect, it } from 'vitest';
import { type ErrorCode, errorStatus } from './app-error.ts';
import { errorMessage } from './error-messages.ts';

const isErrorCode = (code: string): code is ErrorCode => code in errorStatus;
const cases = Object.keys(errorStatus)
  .filter(isErrorCode)
  .flatMap((code) => [[code, 'vi'] as const, [code, 'en'] as const]);
const params = { key: 'k', max: 1, minutes: 1, module: 'M', workflows: 'W', reason: 'R' };

describe('API error messages', () => {
  it.each(cases)('%s has a message in %s, every placeholder filled', (code, locale) => {
    const message = errorMessage(code, locale, params);
    expect(message.trim()).not.toBe('');
    expect(message).not.toMatch(/\{\w+\}/);
  });

  it('names a module in the reader’s language', () => {
    const module = { vi: 'Đơn hàng', en: 'Orders' };
    expect(errorMessage('active_limit', 'vi', { module, max: 10 })).toContain('Phân hệ Đơn hàng đã có 10');
    expect(errorMessage('active_limit', 'en', { module, max: 10 })).toContain(
      'The Orders module already has 10',
    );
  });
});
