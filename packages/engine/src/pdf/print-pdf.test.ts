import { describe, expect, it } from 'vitest';
import { pdfPageTexts } from './pdf-text.testing.ts';
import { renderPrintTemplatePdf } from './print-pdf.ts';

const PDF_TIMEOUT = 60_000;

const orderLines = (count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `<tr><td>${i + 1}</td><td>Áo sơ mi lụa tơ tằm mẫu ${i + 1}</td><td align="right">2</td><td style="text-align: right">1.250.000 ₫</td></tr>`,
  ).join('');

const orderHtml = (count: number) => `
  <h1>Xác nhận đơn hàng</h1>
  <p>Kính gửi <b>Nguyễn Thị Hồng Nhung</b>, Đơn hàng số ĐH-0001</p>
  <table>
    <thead><tr><th>STT</th><th>Tên hàng hóa</th><th>Số lượng</th><th>Thành tiền</th></tr></thead>
    <tbody>${orderLines(count)}</tbody>
  </table>
  <p><strong>Tổng cộng: 12.500.000 ₫</strong></p>`;

describe('renderPrintTemplatePdf', () => {
  it(
    'embeds a font that shows and yields Vietnamese text',
    async () => {
      const pdf = await renderPrintTemplatePdf({ html: orderHtml(3) });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const [text = ''] = await pdfPageTexts(pdf);
      expect(text).toContain('Nguyễn Thị Hồng Nhung, Đơn hàng số ĐH-0001');
      expect(text).toContain('Tổng cộng: 12.500.000 ₫');
      expect(text).toContain('Áo sơ mi lụa tơ tằm mẫu 3');
      expect(text).not.toContain('?');
      expect(pdf.toString('latin1')).toContain('DejaVuSans-Bold');
    },
    PDF_TIMEOUT,
  );

  it(
    'runs a long order table over pages with the header on each one',
    async () => {
      const pages = await pdfPageTexts(await renderPrintTemplatePdf({ html: orderHtml(60) }));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const page of pages) expect(page).toContain('STT Tên hàng hóa Số lượng Thành tiền');
      const all = pages.join('\n');
      for (const n of [1, 30, 60]) expect(all).toContain(`Áo sơ mi lụa tơ tằm mẫu ${n} `);
      // Every line appears exactly once: no row lost or drawn twice at a page break.
      expect(all.match(/Áo sơ mi lụa tơ tằm mẫu \d+ /g)).toHaveLength(60);
      expect(pages.at(-1)).toContain('Tổng cộng: 12.500.000 ₫');
    },
    PDF_TIMEOUT,
  );

  it(
    'keeps line breaks, decomposed input and entities readable',
    async () => {
      const decomposed = 'Nguyễn'.normalize('NFD');
      const pdf = await renderPrintTemplatePdf({
        html: `<p>Dòng một<br>Dòng hai &amp; &lt;ba&gt;</p><p>${decomposed} <i>nghiêng</i> <u>gạch</u></p><ul><li>Mục A</li></ul><ol><li>Bước 1</li></ol>`,
      });
      const [text = ''] = await pdfPageTexts(pdf);
      expect(text).toContain('Dòng một\nDòng hai & <ba>');
      expect(text).toContain('Nguyễn nghiêng gạch');
      expect(text).toContain('• Mục A');
      expect(text).toContain('1. Bước 1');
    },
    PDF_TIMEOUT,
  );
});
