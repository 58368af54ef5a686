import { describe, expect, it } from 'vitest';
import type { FieldMeta, FieldType } from '../metadata/field-meta.ts';
import { compareDecimal, toDecimal } from './decimal.ts';
import { sameFieldValue } from './normalize-value.ts';
import { foldText, normalizePhone } from './text-fold.ts';

describe('toDecimal', () => {
  it.each([
    [1000, '1000'],
    ['1000', '1000'],
    ['1000.00', '1000'],
    ['001000.50', '1000.5'],
    ['-0.0', '0'],
    ['-12.340', '-12.34'],
    ['.5', '0.5'],
    ['1e3', '1000'],
    [1.5e-7, '0.00000015'],
    [2 ** 70, '1180591620717411300000'],
    ['9007199254740993.01', '9007199254740993.01'],
    ['1.000.000', null],
    ['abc', null],
    ['', null],
    [Number.NaN, null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(toDecimal(input)).toBe(expected);
  });
});

describe('compareDecimal', () => {
  it.each([
    ['1000', '999', 1],
    ['999.99', '1000', -1],
    ['-5', '3', -1],
    ['-5', '-3', -1],
    ['0.1', '0.10', 0],
    ['9007199254740993', '9007199254740992', 1],
    ['1.05', '1.5', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareDecimal(toDecimal(a) ?? '', toDecimal(b) ?? '')).toBe(expected);
  });
});

const field = (type: FieldType): FieldMeta => ({
  key: 'f',
  labelVi: 'f',
  labelEn: 'f',
  type,
  options: [],
  refModule: null,
  required: false,
  system: false,
});

describe('sameFieldValue', () => {
  it.each<[FieldType, unknown, unknown, boolean]>([
    ['money', '1000', 1000, true],
    ['money', 1000, '1000.00', true],
    ['money', 1000, 1000.01, false],
    ['number', 'abc', 'abd', false],
    ['text', '', null, true],
    ['text', undefined, null, true],
    ['text', 'a', 'A', false],
    ['multipicklist', ['a', 'b'], ['b', 'a', 'a'], true],
    ['multipicklist', ['a'], ['a', 'b'], false],
    ['multipicklist', [], null, true],
    ['date', '2025-05-01', '2025-05-01T10:00:00+07:00', true],
    ['date', '2025-05-01', '2025-05-01T20:00:00Z', false],
    ['datetime', '2025-05-01T08:00:00+07:00', '2025-05-01T01:00:00Z', true],
    ['boolean', true, 'true', true],
    ['boolean', false, null, false],
    ['lines', [{ product: 'p1', quantity: 2 }], [{ quantity: 2, product: 'p1' }], true],
    ['lines', [{ product: 'p1', quantity: 2 }], [{ product: 'p1', quantity: 3 }], false],
    ['reference', 'acc-1', 'acc-1', true],
  ])('%s: %j vs %j → same %s', (type, before, after, expected) => {
    expect(sameFieldValue({ field: field(type), before, after, timeZone: 'Asia/Ho_Chi_Minh' })).toBe(
      expected,
    );
  });
});

describe('foldText', () => {
  it.each([
    ['  Hà Nội ', false, 'hà nội'],
    ['Hà Nội', true, 'ha noi'],
    ['ĐÀ NẴNG', true, 'da nang'],
    ['Nguyễn Thị Đoan Trang', true, 'nguyen thi doan trang'],
    ['Phở bò', false, 'phở bò'],
    ['Hoà', true, 'hoa'],
  ])('%s (ignoreAccents %s) → %s', (text, ignoreAccents, expected) => {
    expect(foldText(text, { ignoreAccents })).toBe(expected);
  });

  it('treats decomposed and composed Vietnamese as one text', () => {
    expect(foldText('Tiếng Việt'.normalize('NFD'))).toBe(foldText('Tiếng Việt'));
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['(028) 3823 4567', '02838234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});
