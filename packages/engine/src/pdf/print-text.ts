import type { Align, Run } from './print-document.ts';
import { faceOf } from './print-fonts.ts';

/**
 * Styled runs as one flowing paragraph: pdfkit continues a line across font changes, and each
 * hard line break starts a fresh chain at the left edge (inside one continued chain pdfkit
 * would indent every line after a break by the width already written).
 */
export function writeRuns(
  doc: PDFKit.PDFDocument,
  input: { runs: Run[]; x: number; y: number; width: number; align: Align; size: number; height?: number },
) {
  doc.fillColor('#000000').fontSize(input.size);
  let y = input.y;
  for (const line of splitLines(input.runs)) {
    const height = input.height === undefined ? undefined : input.y + input.height - y;
    if (height !== undefined && height <= 0) break;
    const runs = line.length > 0 ? line : [{ text: ' ', bold: false, italic: false, underline: false }];
    runs.forEach((run, index) => {
      const options = {
        width: input.width,
        align: input.align,
        underline: run.underline,
        continued: index < runs.length - 1,
        lineGap: 1.5,
        ...(height === undefined ? {} : { height }),
      };
      doc.font(faceOf(run));
      if (index === 0) doc.text(run.text, input.x, y, options);
      else doc.text(run.text, options);
    });
    y = doc.y;
  }
}

function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((text, index) => {
      if (index > 0) lines.push([]);
      if (text !== '') lines.at(-1)?.push({ ...run, text });
    });
  }
  return lines;
}
