import PDFDocument from 'pdfkit';
import { type PrintBlock, parsePrintHtml } from './print-document.ts';
import { defaultFontDir, fontFiles } from './print-fonts.ts';
import { drawTable } from './print-table.ts';
import { writeRuns } from './print-text.ts';

const BODY_SIZE = 10.5;
const HEADING_SIZE = { 1: 18, 2: 15, 3: 12.5 } as const;

/**
 * A print template (HTML whose merge fields the caller has already filled) as an A4 PDF:
 * headings, paragraphs, bold/italic/underline, line breaks, lists, rules and tables whose
 * header row repeats on every page the table runs onto.
 */
export async function renderPrintTemplatePdf(input: {
  html: string;
  fontDir?: string;
  title?: string;
}): Promise<Buffer> {
  const fonts = fontFiles(input.fontDir ?? defaultFontDir());
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    lang: 'vi',
    info: { Title: input.title ?? '', Producer: 'crmflow', Creator: 'crmflow' },
  });
  // Registered by name only: a face also opened by path misses pdfkit's font cache on every switch.
  for (const [face, file] of Object.entries(fonts)) doc.registerFont(face, file);
  doc.font('regular');
  const done = collect(doc);

  const blocks = parsePrintHtml(input.html);
  for (const [index, block] of blocks.entries()) {
    renderBlock(doc, block);
    if (index < blocks.length - 1) doc.moveDown(block.type === 'heading' ? 0.3 : 0.6);
  }
  doc.end();
  return done;
}

function renderBlock(doc: PDFKit.PDFDocument, block: PrintBlock) {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (block.type === 'rule') {
    const y = doc.y + 4;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.y = y + 4;
    return;
  }
  if (block.type === 'table') {
    drawTable(doc, { table: block, left, width, fontSize: BODY_SIZE });
    return;
  }
  const size = block.type === 'heading' ? HEADING_SIZE[block.level] : BODY_SIZE;
  writeRuns(doc, { runs: block.runs, x: left, y: doc.y, width, align: block.align, size });
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
