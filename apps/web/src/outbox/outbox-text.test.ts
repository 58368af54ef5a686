import { describe, expect, it } from 'vitest';
import { contentLine, plainText } from './outbox-text.ts';

describe('outbox content line', () => {
  it.each([
    {
      message: { subject: 'Xác nhận đơn hàng ĐH-0001', body: '<p>Chào anh</p>' },
      expected: 'Xác nhận đơn hàng ĐH-0001',
    },
    {
      message: { subject: null, body: 'Chúc mừng sinh nhật chị Lan!' },
      expected: 'Chúc mừng sinh nhật chị Lan!',
    },
    { message: { subject: '  ', body: '<p>Chào <b>anh</b>&nbsp;Minh</p>' }, expected: 'Chào anh Minh' },
    { message: { subject: null, body: null }, expected: '' },
  ])('reads $message', ({ message, expected }) => {
    expect(contentLine(message)).toBe(expected);
  });

  it('cuts a long text with an ellipsis', () => {
    expect(contentLine({ body: 'a'.repeat(200) }, 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('plainText', () => {
  it.each([
    ['<style>p{color:red}</style><p>Xin chào</p>', 'Xin chào'],
    ['Giá &lt; 1.000.000 &amp; còn hàng', 'Giá < 1.000.000 & còn hàng'],
    ['<div>\n  dòng 1<br>dòng 2\n</div>', 'dòng 1 dòng 2'],
  ])('%s → %s', (html, expected) => {
    expect(plainText(html)).toBe(expected);
  });
});
