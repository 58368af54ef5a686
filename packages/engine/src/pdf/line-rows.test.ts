import { describe, expect, it } from 'vitest';
import { expandLineRows } from './line-rows.ts';

const table = (row: string) => `<table><tr><th>Hàng</th></tr>${row}<tr><td>Tổng</td></tr></table>`;
const lines = [
  { name: 'Áo <lụa>', quantity: 2, price: 1250000, product_id: { name: 'Áo lụa', code: 'AL-1' } },
  { name: 'Quần #2', quantity: 1, price: 500000, product_id: { name: 'Quần', code: 'Q-2' } },
];

describe('expandLineRows', () => {
  it.each([
    {
      name: 'one row per line, escaped, hashes doubled for the merge that follows',
      row: '<tr data-each="lines"><td>#line.name</td><td>#line.quantity</td></tr>',
      expected:
        '<tr data-each="lines"><td>Áo &lt;lụa&gt;</td><td>2</td></tr><tr data-each="lines"><td>Quần ##2</td><td>1</td></tr>',
    },
    {
      name: 'fields of the related product',
      row: '<tr data-each="lines"><td>#line.product_id.code: #line.product_id.name.</td></tr>',
      expected:
        '<tr data-each="lines"><td>AL-1: Áo lụa.</td></tr><tr data-each="lines"><td>Q-2: Quần.</td></tr>',
    },
    {
      name: 'literal ## and other merge fields left for the merge',
      row: '<tr data-each="lines"><td>##line.name #code #line.missing|</td></tr>',
      expected:
        '<tr data-each="lines"><td>##line.name #code |</td></tr><tr data-each="lines"><td>##line.name #code |</td></tr>',
    },
    {
      name: 'rows without the marker untouched',
      row: '<tr><td>#line.name</td></tr>',
      expected: '<tr><td>#line.name</td></tr>',
    },
  ])('$name', ({ row, expected }) => {
    expect(expandLineRows({ html: table(row), lines })).toBe(table(expected));
  });

  it('formats through the caller and can leave hashes alone', () => {
    const html = table('<tr data-each="lines"><td>#line.price</td><td>#line.name</td></tr>');
    const result = expandLineRows({
      html,
      lines,
      mergeFollows: false,
      format: ({ key, value, index }) =>
        key === 'price' && typeof value === 'number'
          ? `${index + 1}: ${value.toLocaleString('vi-VN')} ₫`
          : String(value),
    });
    expect(result).toContain('<td>1: 1.250.000 ₫</td><td>Áo &lt;lụa&gt;</td>');
    expect(result).toContain('<td>2: 500.000 ₫</td><td>Quần #2</td>');
  });

  it('removes the row when the order has no lines and expands every marked table', () => {
    const row = '<tr data-each="lines"><td>#line.name</td></tr>';
    expect(expandLineRows({ html: table(row), lines: [] })).toBe(table(''));
    const twice = expandLineRows({ html: table(row) + table(row), lines: lines.slice(0, 1) });
    expect(twice.match(/Áo &lt;lụa&gt;/g)).toHaveLength(2);
  });
});
