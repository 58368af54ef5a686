import { type FieldMeta, standardModules } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { dataToSave, linesTotal, missingRequired, normalizeValue, readLines } from './form-values.ts';

const field = (key: string, type: FieldMeta['type'], required = false): FieldMeta => ({
  key,
  labelVi: key,
  labelEn: key,
  type,
  options: [],
  refModule: null,
  required,
  system: true,
});

describe('normalizeValue', () => {
  it.each([
    [field('name', 'text'), '  Công ty An Phát  ', 'Công ty An Phát'],
    [field('name', 'text'), '   ', null],
    [field('total', 'money'), '1500000', 1500000],
    [field('total', 'money'), '', null],
    [field('vip', 'boolean'), undefined, false],
    [field('tags', 'multipicklist'), [], null],
    [field('lines', 'lines'), [{ product_id: null, quantity: null, price: null }], null],
    [
      field('lines', 'lines'),
      [{ product_id: 'p1', quantity: 2, price: 100 }, {}],
      [{ product_id: 'p1', quantity: 2, price: 100 }],
    ],
  ])('%j: %j → %j', (meta, value, expected) => {
    expect(normalizeValue(meta, value)).toEqual(expected);
  });
});

describe('dataToSave', () => {
  const fields = standardModules.order.fields;

  it('sends only filled fields for a new record', () => {
    expect(
      dataToSave({ fields, original: null, draft: { code: 'DH-01', status: 'draft', total: '', lines: [] } }),
    ).toEqual({
      code: 'DH-01',
      status: 'draft',
    });
  });

  it.each([
    ['a changed field', { status: 'delivered' }, { status: 'delivered' }],
    ['a cleared field as null', { order_date: '' }, { order_date: null }],
    ['nothing when values are only reformatted', { total: '2500000' }, {}],
  ])('sends %s for an existing record', (_case, change, expected) => {
    const original = { code: 'DH-01', status: 'draft', total: 2500000, order_date: '2025-03-01' };
    expect(dataToSave({ fields, original, draft: { ...original, ...change } })).toEqual(expected);
  });
});

describe('missingRequired', () => {
  it.each([
    [{ code: '' }, ['code']],
    [{ code: '  ' }, ['code']],
    [{ code: 'DH-02' }, []],
  ])('%j → %j', (draft, expected) => {
    expect(missingRequired(standardModules.order.fields, draft)).toEqual(expected);
  });
});

describe('order lines', () => {
  it('reads unknown shapes safely and totals quantity × price', () => {
    const lines = readLines([{ product_id: 'p1', quantity: 2, price: 150000 }, { quantity: '3' }, 'junk']);
    expect(lines).toEqual([
      { product_id: 'p1', quantity: 2, price: 150000 },
      { product_id: null, quantity: null, price: null },
      { product_id: null, quantity: null, price: null },
    ]);
    expect(linesTotal(lines)).toBe(300000);
  });
});
