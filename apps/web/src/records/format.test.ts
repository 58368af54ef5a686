import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatMoneyInput, parseMoneyInput } from './format.ts';

const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatMoney', () => {
  it.each([
    [1234567, '1.234.567 ₫'],
    [0, '0 ₫'],
    ['2500000', '2.500.000 ₫'],
    [null, ''],
    ['abc', ''],
  ])('%j → %j', (input, expected) => {
    expect(nbsp(formatMoney(input))).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each([
    ['2024-02-29', '29/02/2024'],
    ['2025-12-31T00:00:00.000Z', '31/12/2025'],
    [null, ''],
    [20240101, ''],
  ])('%j → %j', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2025-01-01T17:30:00.000Z', 'Asia/Ho_Chi_Minh', '02/01/2025 00:30'],
    ['2025-01-01T17:30:00.000Z', 'UTC', '01/01/2025 17:30'],
    ['', 'UTC', ''],
  ])('%s in %s → %s', (input, timeZone, expected) => {
    expect(formatDateTime(input, timeZone)).toBe(expected);
  });
});

describe('money input', () => {
  it.each([
    ['1.234.567', 1234567],
    ['1234567 ₫', 1234567],
    ['-2.000', -2000],
    ['', null],
    ['abc', null],
  ])('parses %j as %j', (text, expected) => {
    expect(parseMoneyInput(text)).toBe(expected);
  });

  it.each([
    [1234567, '1.234.567'],
    [null, ''],
  ])('formats %j as %j', (value, expected) => {
    expect(formatMoneyInput(value)).toBe(expected);
  });
});
