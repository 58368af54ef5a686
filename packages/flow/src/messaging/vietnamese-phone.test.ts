import { describe, expect, it } from 'vitest';
import { normalizeVietnamesePhone } from './vietnamese-phone.ts';

describe('normalizeVietnamesePhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['(091) 234 5678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['+84 0912 345 678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['912345678', '+84912345678'],
    ['  0386 123 456 ', '+84386123456'],
    ['0561234567', '+84561234567'],
    ['0701234567', '+84701234567'],
    ['0812345678', '+84812345678'],
    ['０９１２３４５６７８', '+84912345678'],
  ])('%s → %s', (raw, e164) => {
    expect(normalizeVietnamesePhone(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0912 345 67a', 'invalid_characters'],
    ['0912345678 ext 2', 'invalid_characters'],
    ['+1 415 555 0100', 'not_vietnamese'],
    ['0044 20 7946 0958', 'not_vietnamese'],
    ['01234567890', 'legacy_eleven_digits'],
    ['+84 1234 567 890', 'legacy_eleven_digits'],
    ['024 3825 1234', 'landline'],
    ['0283 822 1234', 'landline'],
    ['0612345678', 'not_mobile'],
    ['0412345678', 'not_mobile'],
    ['091234567', 'wrong_length'],
    ['09123456789', 'wrong_length'],
    ['+849123456789', 'wrong_length'],
    ['12345', 'wrong_length'],
  ])('%s is refused: %s', (raw, reason) => {
    expect(normalizeVietnamesePhone(raw)).toEqual({ ok: false, reason });
  });
});
