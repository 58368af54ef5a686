import { DeliveryFailureCode } from '@crmflow/flow/messaging';
import { describe, expect, it } from 'vitest';
import { stepResultOf } from './delivery-outcome.ts';
import { type AdviceChannel, failureAdvice } from './failure-advice.ts';

describe('failureAdvice', () => {
  it.each([
    [
      'email',
      'auth',
      undefined,
      'Máy chủ SMTP từ chối đăng nhập. Kiểm tra tên đăng nhập và mật khẩu trong Thiết lập → Nhà cung cấp.',
      'The SMTP server refused the sign-in. Check the user name and password in Settings → Providers.',
    ],
    [
      'webhook',
      'rejected',
      404,
      'trả về HTTP 404 (không tìm thấy địa chỉ)',
      'answered HTTP 404 (address not found)',
    ],
    [
      'webhook',
      'provider_error',
      503,
      'HTTP 503 (máy nhận tạm thời không phục vụ)',
      'HTTP 503 (service unavailable)',
    ],
    ['webhook', 'auth', 401, 'HTTP 401 (chưa xác thực)', 'HTTP 401 (not authenticated)'],
    ['sms', 'network', undefined, 'Không kết nối được tới cổng SMS', 'Could not connect to the SMS gateway'],
    ['webhook', 'private_address', undefined, 'Thiết lập → Tổ chức', 'Settings → Organization'],
  ] as const)('%s %s %s', (channel, code, httpStatus, vi, en) => {
    const text = failureAdvice({ channel, code, httpStatus });
    expect(text.vi).toContain(vi);
    expect(text.en).toContain(en);
  });

  const channels: AdviceChannel[] = ['email', 'sms', 'zns', 'webhook', 'workapp'];
  const cases = channels.flatMap((channel) =>
    [...DeliveryFailureCode.options, 'unknown'].map((code) => [channel, code] as const),
  );
  it.each(cases)('%s %s: a sentence in each language, no machine code in it', (channel, code) => {
    const text = failureAdvice({ channel, code });
    for (const sentence of [text.vi, text.en]) {
      expect(sentence).toMatch(/\.$/);
      expect(sentence).not.toMatch(/[a-z]+_[a-z]+/);
    }
    expect(text.vi).not.toBe(text.en);
  });
});

describe('stepResultOf in words', () => {
  it('says who refused, what to check, in both languages, and keeps the cause for the UI', () => {
    const result = stepResultOf({
      scope: { org: { locale: 'en' }, now: new Date() },
      channel: 'email',
      reports: [{ to: 'a@hoasen.vn', source: 'email', status: 'failed', code: 'auth', retryable: false }],
      output: {},
    });
    expect(result).toMatchObject({
      status: 'failed',
      error: {
        code: 'delivery_failed',
        message:
          'Could not deliver the email to anyone (a@hoasen.vn). The SMTP server refused the sign-in. Check the user name and password in Settings → Providers.',
        details: {
          vi: 'Không gửi được email tới ai (a@hoasen.vn). Máy chủ SMTP từ chối đăng nhập. Kiểm tra tên đăng nhập và mật khẩu trong Thiết lập → Nhà cung cấp.',
          cause: 'auth',
        },
      },
    });
  });
});
