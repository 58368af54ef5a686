import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '../metadata/field-meta.ts';
import { standardModules } from '../metadata/standard-modules.ts';
import { changedFields } from './changed-fields.ts';
import { accentFoldTranslation, foldSearchText } from './fold-text-sql.ts';
import { parseFieldValue } from './parse-field-value.ts';
import { validateRecordData } from './validate-record-data.ts';

const field = (key: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  key,
  labelVi: key,
  labelEn: key,
  type,
  options: [],
  refModule: null,
  required: false,
  system: true,
  ...extra,
});
const options = [
  { value: 'a', labelVi: 'A', labelEn: 'A' },
  { value: 'b', labelVi: 'B', labelEn: 'B' },
];
const id = '6f1c1a52-4b0e-4a8e-9f43-1f0e7f1d2c3b';
const tz = 'Asia/Ho_Chi_Minh';

describe('parseFieldValue', () => {
  it.each([
    ['text', 'text', '  Hà Nội  ', 'Hà Nội'],
    ['text from a number', 'text', 42, '42'],
    ['text in decomposed form', 'text', 'Ha\u0300 No\u0323\u0302i', 'Hà Nội'],
    ['email', 'email', ' an@example.vn ', 'an@example.vn'],
    ['phone', 'phone', ' 0912 345 678 ', '0912 345 678'],
    ['international phone', 'phone', '+84 (28) 3823-4567', '+84 (28) 3823-4567'],
    ['number', 'number', 3.5, 3.5],
    ['numeric string', 'number', ' 1500 ', 1500],
    ['money as decimal string', 'money', '1250000.00', 1250000],
    ['iso date', 'date', '2024-02-29', '2024-02-29'],
    ['vietnamese date', 'date', '5/3/2024', '2024-03-05'],
    ['date from an instant, in the organization zone', 'date', '2024-03-04T20:00:00Z', '2024-03-05'],
    ['datetime with offset', 'datetime', '2024-03-05T08:00:00+07:00', '2024-03-05T01:00:00.000Z'],
    ['wall-clock datetime', 'datetime', '2024-03-05 08:00', '2024-03-05T01:00:00.000Z'],
    ['picklist', 'picklist', 'b', 'b'],
    ['multipicklist without repeats', 'multipicklist', ['b', 'a', 'b'], ['b', 'a']],
    ['user id', 'user', id.toUpperCase(), id],
    ['reference id', 'reference', id, id],
    ['boolean', 'boolean', false, false],
    ['boolean text', 'boolean', 'true', true],
    [
      'order lines',
      'lines',
      [{ product_id: id, quantity: '2', price: 1000 }],
      [{ product_id: id, quantity: 2, price: 1000 }],
    ],
  ] as const)('accepts %s', (_name, type, value, expected) => {
    const result = parseFieldValue({ field: field('f', type, { options }), value, timeZone: tz });
    expect(result).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['an object as text', 'text', { a: 1 }, 'Phải là chuỗi ký tự'],
    ['text too long', 'text', 'x'.repeat(1001), 'Dài quá 1000 ký tự'],
    ['email without domain', 'email', 'an@', 'Địa chỉ email không hợp lệ'],
    ['phone with letters', 'phone', '0912abc678', 'Số điện thoại không hợp lệ'],
    ['phone too short', 'phone', '1234', 'Số điện thoại không hợp lệ'],
    ['words as a number', 'number', 'nhiều', 'Phải là một số'],
    ['boolean as money', 'money', true, 'Phải là một số tiền hợp lệ'],
    ['31 February', 'date', '2024-02-31', 'Ngày không hợp lệ (yyyy-MM-dd hoặc dd/MM/yyyy)'],
    ['29 February of a common year', 'date', '29/02/2023', 'Ngày không hợp lệ (yyyy-MM-dd hoặc dd/MM/yyyy)'],
    ['a word as a date', 'date', 'hôm nay', 'Ngày không hợp lệ (yyyy-MM-dd hoặc dd/MM/yyyy)'],
    ['epoch number as datetime', 'datetime', 1700000000000, 'Thời điểm không hợp lệ (ISO 8601)'],
    ['value outside the picklist', 'picklist', 'c', 'Giá trị không có trong danh sách: a, b'],
    ['multipicklist as text', 'multipicklist', 'a', 'Phải là danh sách các giá trị trong: a, b'],
    ['non-uuid user', 'user', 'admin', 'Mã định danh không hợp lệ'],
    ['yes as boolean', 'boolean', 'có', 'Phải là đúng hoặc sai'],
    [
      'zero quantity',
      'lines',
      [{ product_id: id, quantity: 0, price: 1 }],
      'Dòng 1: số lượng phải lớn hơn 0',
    ],
    ['line without product', 'lines', [{ quantity: 1, price: 1 }], 'Dòng 1: hàng hóa không hợp lệ'],
    ['negative price', 'lines', [{ product_id: id, quantity: 1, price: -1 }], 'Dòng 1: đơn giá không hợp lệ'],
  ] as const)('refuses %s', (_name, type, value, message) => {
    const result = parseFieldValue({ field: field('f', type, { options }), value, timeZone: tz });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe('f');
      expect(result.error.message.vi).toBe(message);
      expect(result.error.message.en).not.toBe(message);
    }
  });
});

describe('validateRecordData', () => {
  const fields = standardModules.contact.fields;

  it.each([
    [
      'a new record with its required field',
      { name: 'An', birthday: '01/02/1990' },
      false,
      [],
      { name: 'An', birthday: '1990-02-01' },
    ],
    [
      'a new record without its required field',
      { email: 'an@example.vn' },
      false,
      ['name'],
      { email: 'an@example.vn' },
    ],
    [
      'an edit that leaves the required field alone',
      { phone: '0912345678' },
      true,
      [],
      { phone: '0912345678' },
    ],
    ['an edit that empties the required field', { name: '  ' }, true, ['name'], {}],
    ['an edit that clears an optional field', { phone: '' }, true, [], { phone: null }],
    ['an unknown field', { name: 'An', shoe_size: 42 }, false, ['shoe_size'], { name: 'An' }],
    [
      'several bad values at once',
      { name: 'An', birthday: 'x', email: 'y' },
      true,
      ['email', 'birthday'],
      { name: 'An' },
    ],
  ])('%s', (_name, data, partial, errorFields, expected) => {
    const result = validateRecordData({ fields, data, partial });
    expect(result.errors.map((error) => error.field).sort()).toEqual([...errorFields].sort());
    expect(result.ok).toBe(errorFields.length === 0);
    expect(result.data).toEqual(expected);
  });

  it.each([null, 'text', [1, 2]])('refuses %j as record data', (data) => {
    const result = validateRecordData({ fields, data, partial: true });
    expect(result.errors).toEqual([expect.objectContaining({ field: 'data' })]);
  });
});

describe('changedFields', () => {
  const fields = [
    field('name', 'text'),
    field('total', 'money'),
    field('tags', 'multipicklist', { options }),
  ];

  it.each([
    ['nothing', { name: 'An', total: 1000 }, { name: 'An', total: 1000 }, []],
    ['money written differently', { total: 1000 }, { total: '1000.00' }, []],
    ['a multi-select reordered', { tags: ['a', 'b'] }, { tags: ['b', 'a'] }, []],
    ['an empty string for a missing value', {}, { name: '' }, []],
    ['a new amount', { total: 1000 }, { total: 1001 }, ['total']],
    ['two fields', { name: 'An', tags: ['a'] }, { name: 'Bình', tags: ['a', 'b'] }, ['name', 'tags']],
    ['a key outside the metadata', { legacy: 1 }, { legacy: 2 }, ['legacy']],
  ])('on an edit changing %s', (_name, before, after, expected) => {
    expect(changedFields({ fields, before, after, timeZone: tz })).toEqual(expected);
  });

  it.each([
    ['a create', null, { name: 'An', total: 0 }, ['name', 'total']],
    ['a delete', { name: 'An', tags: [] }, null, ['name']],
  ])('on %s every field holding a value', (_name, before, after, expected) => {
    expect(changedFields({ fields, before, after, timeZone: tz })).toEqual(expected);
  });
});

describe('accent folding for SQL', () => {
  const translate = (text: string) =>
    [...text]
      .map((char) => {
        const at = [...accentFoldTranslation.from].indexOf(char);
        return at === -1 ? char : ([...accentFoldTranslation.to][at] ?? char);
      })
      .join('');

  it('maps letter for letter', () => {
    expect([...accentFoldTranslation.from]).toHaveLength([...accentFoldTranslation.to].length);
  });

  it.each(['Hà Nội', 'ĐỒNG THÁP', 'Nguyễn Thị Ánh Tuyết', 'Phạm Ưng Hoàng', 'Bắc Giang'])(
    'folds %s as the search term is folded',
    (text) => {
      expect(translate(text)).toBe(foldSearchText(text));
    },
  );
});
