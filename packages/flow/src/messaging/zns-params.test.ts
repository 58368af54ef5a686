import { describe, expect, it } from 'vitest';
import { checkZnsMapping, checkZnsParams, type ZnsParam } from './zns-params.ts';

const params: ZnsParam[] = [
  { key: 'customer_name', type: 'text', maxLength: 30 },
  { key: 'order_code', type: 'text', maxLength: 10 },
  { key: 'amount', type: 'money', maxLength: 12 },
  { key: 'order_date', type: 'date', maxLength: 10 },
];
const good = {
  customer_name: 'Nguyễn Thị Hồng Nhung',
  order_code: 'ĐH-0001',
  amount: '12.500.000 ₫',
  order_date: '2025-03-08',
};

describe('checkZnsParams', () => {
  it('normalises values the template accepts', () => {
    expect(checkZnsParams({ params, values: good })).toEqual({
      ok: true,
      values: {
        customer_name: 'Nguyễn Thị Hồng Nhung',
        order_code: 'ĐH-0001',
        amount: '12500000',
        order_date: '08/03/2025',
      },
    });
  });

  it.each([
    { value: 12500000, expected: '12500000' },
    { value: 1234.567, expected: '1234.567' },
    { value: '12500000', expected: '12500000' },
    { value: '12.500.000,5 đ', expected: '12500000.5' },
    { value: '12.5', expected: '12.5' },
    { value: '1 250 000 VND', expected: '1250000' },
  ])('money $value → $expected', ({ value, expected }) => {
    const result = checkZnsParams({ params, values: { ...good, amount: value } });
    expect(result.ok && result.values.amount).toBe(expected);
  });

  it.each([
    { values: { ...good, customer_name: '' }, key: 'customer_name', code: 'missing' },
    { values: { ...good, customer_name: null }, key: 'customer_name', code: 'missing' },
    { values: { ...good, extra: 'x' }, key: 'extra', code: 'unknown' },
    { values: { ...good, order_code: 'ĐH-00000001' }, key: 'order_code', code: 'too_long' },
    { values: { ...good, amount: 'mười triệu' }, key: 'amount', code: 'not_number' },
    { values: { ...good, amount: '1.234.567.890.123' }, key: 'amount', code: 'too_long' },
    { values: { ...good, order_date: '31/02/2025' }, key: 'order_date', code: 'not_date' },
    { values: { ...good, order_date: 'hôm qua' }, key: 'order_date', code: 'not_date' },
  ])('$key: $code', ({ values, key, code }) => {
    const result = checkZnsParams({ params, values });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.key, p.code])).toEqual([[key, code]]);
  });

  it('counts length in characters, not UTF-16 units or bytes', () => {
    const result = checkZnsParams({ params, values: { ...good, customer_name: 'Ễ'.repeat(30) } });
    expect(result.ok).toBe(true);
  });

  it('explains each problem in both languages', () => {
    const result = checkZnsParams({ params, values: { ...good, order_code: 'ĐH-00000001' } });
    expect(result.ok ? null : result.problems[0]?.message).toEqual({
      vi: 'Tham số order_code dài 11 ký tự, tối đa 10',
      en: 'Parameter order_code is 11 characters long, at most 10 allowed',
    });
  });
});

describe('checkZnsMapping', () => {
  it.each<{ mapping: Record<string, string>; codes: string[] }>([
    {
      mapping: { customer_name: '#name', order_code: '#code', amount: '#total', order_date: '#order_date' },
      codes: [],
    },
    {
      mapping: { customer_name: '#name', order_code: '#code', amount: '#total' },
      codes: ['order_date:missing'],
    },
    {
      mapping: { customer_name: '#name', order_code: '#code', amount: 'abc', order_date: '#x' },
      codes: ['amount:not_number'],
    },
    {
      mapping: { customer_name: '#name', order_code: 'quá dài mười ký tự', amount: '1', order_date: '#x' },
      codes: ['order_code:too_long'],
    },
    {
      mapping: { customer_name: '#name', order_code: '##1', amount: '1', order_date: '#x', foo: '#a' },
      codes: ['foo:unknown'],
    },
  ])('$codes', ({ mapping, codes }) => {
    expect(checkZnsMapping({ params, mapping }).map((p) => `${p.key}:${p.code}`)).toEqual(codes);
  });
});
