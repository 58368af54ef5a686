import type { Executor } from '@crmflow/db';
import { escapeHtml } from '@crmflow/flow';
import { renderPrintTemplatePdf } from '../../pdf/print-pdf.ts';
import type { EmailAttachment } from '../../providers/provider-types.ts';
import { type MergeSource, mergeText } from './merge-source.ts';
import { expandPrintLines } from './print-lines.ts';

/** `pdf`, or `original`: the template's own format, an HTML page. */
export type PrintFormat = 'pdf' | 'original';

export type PrintTemplateText = { name: string; body: string };

/**
 * A file name people recognise — "Xác nhận đơn hàng - ĐH-0001.pdf" — with nothing a file
 * system or a mail client would choke on.
 */
export function printFileName(args: {
  templateName: string;
  recordTitle: string;
  format: PrintFormat;
}): string {
  const base = [args.templateName, args.recordTitle]
    .map((part) =>
      part
        .normalize('NFC')
        .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join(' - ')
    .slice(0, 150);
  return `${base || 'document'}.${args.format === 'pdf' ? 'pdf' : 'html'}`;
}

/** The template filled for the record: order lines expanded, then merge fields, values escaped. */
export async function renderPrintHtml(args: {
  db: Executor;
  orgId: string;
  source: MergeSource;
  template: PrintTemplateText;
}): Promise<string> {
  const withLines = await expandPrintLines({ ...args, html: args.template.body });
  return mergeText({ source: args.source, text: withLines, html: true });
}

function htmlPage(args: { title: string; body: string; lang: string }): string {
  return `<!doctype html>\n<html lang="${args.lang}">\n<head><meta charset="utf-8"><title>${escapeHtml(args.title)}</title></head>\n<body>\n${args.body}\n</body>\n</html>\n`;
}

/** A print template rendered for one record, as the file an email attaches or the preview shows. */
export async function renderPrintDocument(args: {
  db: Executor;
  orgId: string;
  source: MergeSource;
  template: PrintTemplateText;
  format: PrintFormat;
}): Promise<EmailAttachment> {
  const { source, template, format } = args;
  const html = await renderPrintHtml(args);
  const titleField = source.module.titleField;
  const recordTitle = mergeText({ source, text: `#${titleField}`, html: false });
  const filename = printFileName({ templateName: template.name, recordTitle, format });
  if (format === 'original') {
    const page = htmlPage({ title: template.name, body: html, lang: source.locale });
    return { filename, contentType: 'text/html; charset=utf-8', content: Buffer.from(page, 'utf8') };
  }
  const content = await renderPrintTemplatePdf({ html, title: template.name });
  return { filename, contentType: 'application/pdf', content };
}
