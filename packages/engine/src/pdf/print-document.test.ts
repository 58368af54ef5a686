import { describe, expect, it } from 'vitest';
import { type PrintBlock, parsePrintHtml } from './print-document.ts';

const plain = { bold: false, italic: false, underline: false };
const text = (blocks: PrintBlock[]) =>
  blocks.map((b) =>
    b.type === 'heading' || b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.type,
  );

describe('parsePrintHtml', () => {
  it.each([
    { html: '<p>  Xin   chào\n  bạn </p>', expected: ['Xin chào bạn'] },
    { html: '<p>Một<br>Hai<br/> Ba</p>', expected: ['Một\nHai\nBa'] },
    { html: '<h1>A</h1><h2>B</h2><h5>C</h5>', expected: ['A', 'B', 'C'] },
    { html: 'trần <b>đậm</b><p>đoạn</p>sau', expected: ['trần đậm', 'đoạn', 'sau'] },
    { html: '<div><p>a</p><div>b</div></div><hr>', expected: ['a', 'b', 'rule'] },
    { html: '<style>p{}</style><script>x()</script><p>chỉ cái này</p>', expected: ['chỉ cái này'] },
    { html: '<p>&amp;&lt;&#273;&nbsp;x</p>', expected: ['&<đ\u00a0x'] },
    { html: '<p></p><p>   </p>', expected: [] },
    { html: '<ul><li>x</li><li>y</li></ul>', expected: ['• x', '• y'] },
  ])('$html', ({ html, expected }) => {
    expect(text(parsePrintHtml(html))).toEqual(expected);
  });

  it('keeps inline styles as runs', () => {
    const [block] = parsePrintHtml(
      '<p>a <b>b <i>c</i></b> <span style="font-weight:700">d</span> <u>e</u></p>',
    );
    expect(block?.type === 'paragraph' && block.runs).toEqual([
      { ...plain, text: 'a ' },
      { ...plain, bold: true, text: 'b ' },
      { ...plain, bold: true, italic: true, text: 'c' },
      { ...plain, text: ' ' },
      { ...plain, bold: true, text: 'd' },
      { ...plain, text: ' ' },
      { ...plain, underline: true, text: 'e' },
    ]);
  });

  it.each([
    {
      name: 'thead',
      html: '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>',
      head: 1,
      body: 2,
    },
    {
      name: 'leading th row',
      html: '<table><tr><th>A</th></tr><tr><td>1</td></tr></table>',
      head: 1,
      body: 1,
    },
    { name: 'no header', html: '<table><tr><td>1</td></tr><tr><td>2</td></tr></table>', head: 0, body: 2 },
    {
      name: 'tfoot after body',
      html: '<table><tfoot><tr><td>Σ</td></tr></tfoot><tbody><tr><td>1</td></tr></tbody></table>',
      head: 0,
      body: 2,
    },
  ])('table: $name', ({ html, head, body }) => {
    const [table] = parsePrintHtml(html);
    expect(table?.type === 'table' && [table.head.length, table.body.length]).toEqual([head, body]);
  });

  it('reads cell alignment, header and colspan', () => {
    const [table] = parsePrintHtml(
      '<table><tr><th>Tên</th><th>Tiền</th></tr><tr><td colspan="2" style="text-align:right">1.000 ₫</td></tr></table>',
    );
    expect(table?.type === 'table' && table.head[0]?.map((c) => [c.header, c.align])).toEqual([
      [true, 'center'],
      [true, 'center'],
    ]);
    expect(table?.type === 'table' && table.body[0]?.map((c) => [c.colspan, c.align])).toEqual([
      [2, 'right'],
    ]);
  });
});
