import { describe, expect, it } from 'vitest';
import { smsSegments, withoutVietnameseDiacritics } from './sms-segments.ts';

describe('smsSegments', () => {
  const gsm = (n: number) => 'a'.repeat(n);
  it.each([
    { name: 'empty', text: '', encoding: 'GSM-7', length: 0, segments: 0, perSegment: 160 },
    { name: '160 GSM', text: gsm(160), encoding: 'GSM-7', length: 160, segments: 1, perSegment: 160 },
    { name: '161 GSM', text: gsm(161), encoding: 'GSM-7', length: 161, segments: 2, perSegment: 153 },
    { name: '306 GSM', text: gsm(306), encoding: 'GSM-7', length: 306, segments: 2, perSegment: 153 },
    { name: '307 GSM', text: gsm(307), encoding: 'GSM-7', length: 307, segments: 3, perSegment: 153 },
    {
      name: 'euro counts 2',
      text: `${gsm(158)}€`,
      encoding: 'GSM-7',
      length: 160,
      segments: 1,
      perSegment: 160,
    },
    {
      name: 'euro overflows',
      text: `${gsm(159)}€`,
      encoding: 'GSM-7',
      length: 161,
      segments: 2,
      perSegment: 153,
    },
    // The escape pair cannot straddle parts: 152 + 2 does not fit in 153, so it moves on.
    {
      name: 'escape kept whole',
      text: `${gsm(152)}{${gsm(152)}`,
      encoding: 'GSM-7',
      length: 306,
      segments: 3,
      perSegment: 153,
    },
    {
      name: 'GSM accents',
      text: 'Café à Paris',
      encoding: 'GSM-7',
      length: 12,
      segments: 1,
      perSegment: 160,
    },
    {
      name: 'Vietnamese',
      text: 'Chúc mừng sinh nhật',
      encoding: 'UCS-2',
      length: 19,
      segments: 1,
      perSegment: 70,
    },
    { name: '70 UCS-2', text: 'ễ'.repeat(70), encoding: 'UCS-2', length: 70, segments: 1, perSegment: 70 },
    { name: '71 UCS-2', text: 'ễ'.repeat(71), encoding: 'UCS-2', length: 71, segments: 2, perSegment: 67 },
    { name: '134 UCS-2', text: 'ễ'.repeat(134), encoding: 'UCS-2', length: 134, segments: 2, perSegment: 67 },
    {
      name: 'surrogate kept whole',
      text: `${'ễ'.repeat(66)}😀${'ễ'.repeat(10)}`,
      encoding: 'UCS-2',
      length: 78,
      segments: 2,
      perSegment: 67,
    },
    {
      name: 'surrogate split',
      text: `${'ễ'.repeat(66)}😀${'ễ'.repeat(66)}`,
      encoding: 'UCS-2',
      length: 134,
      segments: 3,
      perSegment: 67,
    },
  ])('$name', ({ name: _name, text, ...expected }) => {
    expect(smsSegments(text)).toMatchObject(expected);
  });

  it('names the characters that force Unicode', () => {
    expect(smsSegments('Chào Nguyễn Đức').nonGsmCharacters).toEqual(['ễ', 'Đ', 'ứ']);
  });

  it.each([
    ['Nguyễn Thị Hồng Nhung', 'Nguyen Thi Hong Nhung'],
    ['ĐƠN HÀNG đã giao', 'DON HANG da giao'],
    ['Chúc mừng sinh nhật', 'Chuc mung sinh nhat'],
  ])('%s without diacritics is %s and fits GSM-7', (text, plain) => {
    expect(withoutVietnameseDiacritics(text)).toBe(plain);
    expect(smsSegments(plain).encoding).toBe('GSM-7');
  });
});
