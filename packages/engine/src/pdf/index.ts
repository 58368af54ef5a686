export { expandLineRows, type LineValue } from './line-rows.ts';
export { type PrintBlock, parsePrintHtml } from './print-document.ts';
export { defaultFontDir } from './print-fonts.ts';
export { renderPrintTemplatePdf } from './print-pdf.ts';
