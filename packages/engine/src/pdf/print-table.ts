import type { PrintBlock, Run, TableCell } from './print-document.ts';
import { writeRuns } from './print-text.ts';

type Table = Extract<PrintBlock, { type: 'table' }>;
type Layout = { left: number; widths: number[]; fontSize: number };

const PADDING = 4;
const MIN_COLUMN = 28;
const BORDER = '#9a9a9a';
const HEADER_FILL = '#eeeeee';

/**
 * Lays a table out row by row. Rows are never split; a row that does not fit goes to the
 * next page, and the header rows are drawn again at the top of every page the table reaches.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  input: { table: Table; left: number; width: number; fontSize: number },
) {
  const { table } = input;
  const layout: Layout = {
    left: input.left,
    widths: columnWidths(doc, {
      rows: [...table.head, ...table.body],
      width: input.width,
      fontSize: input.fontSize,
    }),
    fontSize: input.fontSize,
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const headHeights = table.head.map((row) => rowHeight(doc, row, layout));
  const headHeight = headHeights.reduce((sum, h) => sum + h, 0);

  let y = doc.y;
  const drawHead = () => {
    table.head.forEach((row, i) => {
      drawRow(doc, { row, y, layout });
      y += headHeights[i] ?? 0;
    });
  };
  const firstHeight = table.body[0] ? rowHeight(doc, table.body[0], layout) : 0;
  if (y + headHeight + firstHeight > bottom() && y > doc.page.margins.top) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  drawHead();
  for (const row of table.body) {
    const height = rowHeight(doc, row, layout);
    if (y + height > bottom() && y > doc.page.margins.top + headHeight) {
      doc.addPage();
      y = doc.page.margins.top;
      drawHead();
    }
    drawRow(doc, { row, y, layout });
    y += height;
  }
  doc.x = input.left;
  doc.y = y + PADDING;
}

function drawRow(doc: PDFKit.PDFDocument, input: { row: TableCell[]; y: number; layout: Layout }) {
  const height = rowHeight(doc, input.row, input.layout);
  let x = input.layout.left;
  let column = 0;
  for (const cell of input.row) {
    const width = spanWidth(input.layout.widths, column, cell.colspan);
    if (cell.header) doc.rect(x, input.y, width, height).fill(HEADER_FILL);
    doc.rect(x, input.y, width, height).lineWidth(0.5).strokeColor(BORDER).stroke();
    if (cell.runs.length > 0) {
      writeRuns(doc, {
        runs: cell.runs,
        x: x + PADDING,
        y: input.y + PADDING,
        width: width - 2 * PADDING,
        align: cell.align,
        size: input.layout.fontSize,
        height: height - PADDING,
      });
    }
    x += width;
    column += cell.colspan;
  }
}

function rowHeight(doc: PDFKit.PDFDocument, row: TableCell[], layout: Layout): number {
  let column = 0;
  let tallest = 0;
  for (const cell of row) {
    const width = spanWidth(layout.widths, column, cell.colspan) - 2 * PADDING;
    tallest = Math.max(tallest, textHeight(doc, { runs: cell.runs, width, fontSize: layout.fontSize }));
    column += cell.colspan;
  }
  return tallest + 2 * PADDING;
}

/** Measured in the bold face when any run is bold: it is the wider one, so the text always fits. */
function textHeight(
  doc: PDFKit.PDFDocument,
  input: { runs: Run[]; width: number; fontSize: number },
): number {
  const text = input.runs.map((r) => r.text).join('') || ' ';
  doc.font(input.runs.some((r) => r.bold) ? 'bold' : 'regular').fontSize(input.fontSize);
  return doc.heightOfString(text, { width: input.width, lineGap: 1.5 });
}

function spanWidth(widths: number[], from: number, span: number): number {
  return widths.slice(from, from + span).reduce((sum, w) => sum + w, 0);
}

/** Columns share the width in proportion to their longest unbroken content, within bounds. */
function columnWidths(
  doc: PDFKit.PDFDocument,
  input: { rows: TableCell[][]; width: number; fontSize: number },
): number[] {
  const count = Math.max(1, ...input.rows.map((row) => row.reduce((n, c) => n + c.colspan, 0)));
  const wanted = Array<number>(count).fill(MIN_COLUMN);
  for (const row of input.rows) {
    let column = 0;
    for (const cell of row) {
      if (cell.colspan === 1) {
        doc.font(cell.runs.some((r) => r.bold) ? 'bold' : 'regular').fontSize(input.fontSize);
        const natural = doc.widthOfString(cell.runs.map((r) => r.text).join('')) + 2 * PADDING + 2;
        wanted[column] = Math.max(wanted[column] ?? 0, Math.min(natural, input.width * 0.6));
      }
      column += cell.colspan;
    }
  }
  const total = wanted.reduce((sum, w) => sum + w, 0);
  return wanted.map((w) => (w / total) * input.width);
}
