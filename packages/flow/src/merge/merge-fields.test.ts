import { describe, expect, it } from 'vitest';
import { standardModules } from '../metadata/standard-modules.ts';
import { findUnknownMergeFields } from './find-unknown-merge-fields.ts';
import { mergeFieldOptions } from './merge-field-options.ts';
import { mergeFieldRefs, parseMergeFields } from './parse-merge-fields.ts';
import { renderMergeFields } from './render-merge-fields.ts';

const catalog = standardModules;

describe('parseMergeFields', () => {
  it.each([
    { text: 'Đơn #code', refs: ['#code'] },
    { text: 'Chào #contact_id.name!', refs: ['#contact_id.name'] },
    { text: 'Đơn hàng #code.', refs: ['#code'] },
    { text: 'Số ##1 và ##code', refs: [] },
    { text: '#1 không phải trường', refs: [] },
    { text: '#Code viết hoa', refs: [] },
    { text: '<p style="color:#ff0000">#code</p>', refs: ['#code'] },
    { text: 'It&#x27;s #total', refs: ['#total'] },
    { text: '#a#b', refs: ['#a', '#b'] },
  ])('$text → $refs', ({ text, refs }) => {
    expect(mergeFieldRefs(text).map((ref) => ref.raw)).toEqual(refs);
  });

  it('turns ## into a literal # in the text around fields', () => {
    expect(parseMergeFields('##1: #code')).toEqual([
      { kind: 'text', text: '#1: ' },
      { kind: 'field', field: 'code', key: null, raw: '#code', start: 5 },
    ]);
  });
});

describe('findUnknownMergeFields', () => {
  it.each([
    { text: 'Đơn #code của #contact_id.name', unknown: [] },
    { text: 'Đơn #ma_don', unknown: ['#ma_don:field_unknown'] },
    { text: '#code.name', unknown: ['#code.name:not_reference'] },
    { text: '#account_id.nickname', unknown: ['#account_id.nickname:key_unknown'] },
    { text: '#account_id.industry ##tag', unknown: [] },
  ])('$text', ({ text, unknown }) => {
    const found = findUnknownMergeFields({ text, module: catalog.order, catalog });
    expect(found.map((item) => `${item.raw}:${item.reason}`)).toEqual(unknown);
  });
});

describe('renderMergeFields', () => {
  const record = {
    code: 'DH-001',
    total: '12500000',
    order_date: '2025-03-08',
    status: 'delivered',
    owner_id: 'u1',
    contact_id: 'c1',
    account_id: 'a1',
  };
  const related = {
    contact_id: { name: 'Nguyễn Văn <An>', birthday: '1990-05-20' },
    account_id: null,
  };
  const base = {
    record,
    related,
    module: catalog.order,
    catalog,
    timeZone: 'Asia/Ho_Chi_Minh',
    users: { u1: { name: 'Trần Thị Bình' } },
  };

  it.each([
    { text: 'Đơn #code: #total', locale: 'vi' as const, html: false, expected: 'Đơn DH-001: 12.500.000 ₫' },
    { text: 'Total #total', locale: 'en' as const, html: false, expected: 'Total 12,500,000 ₫' },
    { text: 'Ngày #order_date', locale: 'vi' as const, html: false, expected: 'Ngày 08/03/2025' },
    { text: '#status', locale: 'vi' as const, html: false, expected: 'Đã giao hàng' },
    { text: '#status', locale: 'en' as const, html: false, expected: 'Delivered' },
    { text: 'NVKD: #owner_id', locale: 'vi' as const, html: false, expected: 'NVKD: Trần Thị Bình' },
    { text: 'Chào #contact_id', locale: 'vi' as const, html: false, expected: 'Chào Nguyễn Văn <An>' },
    {
      text: '<p>Chào #contact_id.name</p>',
      locale: 'vi' as const,
      html: true,
      expected: '<p>Chào Nguyễn Văn &lt;An&gt;</p>',
    },
    {
      text: 'Sinh nhật #contact_id.birthday',
      locale: 'vi' as const,
      html: false,
      expected: 'Sinh nhật 20/05/1990',
    },
    {
      text: 'KH: [#account_id] [#account_id.name]',
      locale: 'vi' as const,
      html: false,
      expected: 'KH: [] []',
    },
    { text: 'Mã ##1 #khong_co', locale: 'vi' as const, html: false, expected: 'Mã #1 #khong_co' },
    { text: 'Trống: [#lines]', locale: 'vi' as const, html: false, expected: 'Trống: []' },
  ])('$text ($locale, html $html)', ({ text, locale, html, expected }) => {
    expect(renderMergeFields({ ...base, text, locale, html })).toBe(expected);
  });
});

describe('mergeFieldOptions', () => {
  it('offers the fields of referenced records after the module’s own', () => {
    const options = mergeFieldOptions({ module: catalog.order, catalog, locale: 'vi' });
    expect(options[0]).toEqual({ token: '#code', label: 'Số đơn hàng' });
    expect(options).toContainEqual({ token: '#contact_id.birthday', label: 'Liên hệ › Ngày sinh' });
    expect(options.some((option) => option.token.startsWith('#owner_id.'))).toBe(false);
  });
});
