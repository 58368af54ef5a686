import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * The subset of HTML a print template is written in, as blocks a PDF can be laid out from.
 * Anything else degrades to its text: an unknown tag never loses the words inside it.
 */
export type Align = 'left' | 'center' | 'right' | 'justify';
export type Run = { text: string; bold: boolean; italic: boolean; underline: boolean };
export type TableCell = { runs: Run[]; align: Align; header: boolean; colspan: number };
export type PrintBlock =
  | { type: 'heading'; level: 1 | 2 | 3; runs: Run[]; align: Align }
  | { type: 'paragraph'; runs: Run[]; align: Align }
  | { type: 'table'; head: TableCell[][]; body: TableCell[][] }
  | { type: 'rule' };

type Style = Omit<Run, 'text'>;
const PLAIN: Style = { bold: false, italic: false, underline: false };

const SKIPPED = new Set(['head', 'title', 'style', 'script', 'template', 'noscript']);
const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'ul',
  'ol',
  'li',
  'hr',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'body',
  'html',
  'address',
  'pre',
]);

export function parsePrintHtml(html: string): PrintBlock[] {
  const document = parseDocument(html.normalize('NFC'), {
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const blocks: PrintBlock[] = [];
  readBlocks({ nodes: document.children, blocks, align: 'left' });
  return blocks;
}

/** Walks block content; loose inline content between blocks becomes its own paragraph. */
function readBlocks(input: {
  nodes: ChildNode[];
  blocks: PrintBlock[];
  align: Align;
  listItem?: () => string;
}) {
  let loose: ChildNode[] = [];
  const flush = () => {
    const runs = tidyRuns(readInline(loose, PLAIN));
    if (runs.length > 0) input.blocks.push({ type: 'paragraph', runs, align: input.align });
    loose = [];
  };
  for (const node of input.nodes) {
    if (!isTag(node) || !BLOCKS.has(node.name)) {
      loose.push(node);
      continue;
    }
    flush();
    readBlock(node, input.blocks, input.align);
  }
  flush();
}

function readBlock(element: Element, blocks: PrintBlock[], inherited: Align) {
  const align = alignOf(element) ?? inherited;
  const name = element.name;
  if (name === 'hr') {
    blocks.push({ type: 'rule' });
  } else if (/^h[1-6]$/.test(name)) {
    const level = Math.min(Number(name.slice(1)), 3);
    const runs = tidyRuns(readInline(element.children, { ...PLAIN, bold: true }));
    if (runs.length > 0)
      blocks.push({ type: 'heading', level: level === 1 ? 1 : level === 2 ? 2 : 3, runs, align });
  } else if (name === 'table') {
    blocks.push(readTable(element));
  } else if (name === 'ul' || name === 'ol') {
    let index = 0;
    for (const item of element.children.filter(isTag)) {
      index += 1;
      const marker = name === 'ol' ? `${index}. ` : '• ';
      const before = blocks.length;
      readBlocks({ nodes: item.children, blocks, align });
      const first = blocks[before];
      if (first && first.type === 'paragraph') first.runs.unshift({ ...PLAIN, text: marker });
    }
  } else {
    readBlocks({ nodes: element.children, blocks, align });
  }
}

function readTable(table: Element): PrintBlock {
  const head: TableCell[][] = [];
  const body: TableCell[][] = [];
  const foot: TableCell[][] = [];
  const visit = (element: Element, section: 'head' | 'body' | 'foot') => {
    for (const child of element.children.filter(isTag)) {
      if (child.name === 'thead') visit(child, 'head');
      else if (child.name === 'tbody') visit(child, 'body');
      else if (child.name === 'tfoot') visit(child, 'foot');
      else if (child.name === 'tr') {
        const row = child.children
          .filter(isTag)
          .filter((c) => c.name === 'td' || c.name === 'th')
          .map(readCell);
        if (row.length > 0) ({ head, body, foot })[section].push(row);
      }
    }
  };
  visit(table, 'body');
  // Without <thead>, leading rows made only of <th> are the header.
  while (head.length === 0 && body.length > 1 && body[0]?.every((c) => c.header)) {
    const first = body.shift();
    if (first) head.push(first);
  }
  return { type: 'table', head, body: [...body, ...foot] };
}

function readCell(cell: Element): TableCell {
  const header = cell.name === 'th';
  const colspan = Math.max(1, Math.min(Number.parseInt(cell.attribs.colspan ?? '1', 10) || 1, 50));
  const runs = tidyRuns(readInline(cell.children, { ...PLAIN, bold: header }));
  return { runs, align: alignOf(cell) ?? (header ? 'center' : 'left'), header, colspan };
}

/** Inline content as styled runs; nested blocks inside inline context become line breaks. */
function readInline(nodes: ChildNode[], style: Style): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      runs.push({ ...style, text: node.data.replace(/[ \t\n\r\f]+/g, ' ') });
    } else if (isTag(node) && !SKIPPED.has(node.name)) {
      if (node.name === 'br') {
        runs.push({ ...style, text: '\n' });
        continue;
      }
      const inner = readInline(node.children, styleOf(node, style));
      const breaks = BLOCKS.has(node.name) && node.name !== 'table';
      if (breaks && runs.length > 0) runs.push({ ...style, text: '\n' });
      runs.push(...inner);
      if (breaks) runs.push({ ...style, text: '\n' });
    }
  }
  return runs;
}

function styleOf(element: Element, style: Style): Style {
  const css = cssOf(element);
  const weight = css.get('font-weight');
  return {
    bold: style.bold || ['b', 'strong'].includes(element.name) || weight === 'bold' || Number(weight) >= 600,
    italic: style.italic || ['i', 'em'].includes(element.name) || css.get('font-style') === 'italic',
    underline:
      style.underline || element.name === 'u' || (css.get('text-decoration') ?? '').includes('underline'),
  };
}

function alignOf(element: Element): Align | undefined {
  const value = (element.attribs.align ?? cssOf(element).get('text-align') ?? '').toLowerCase();
  return value === 'left' || value === 'center' || value === 'right' || value === 'justify'
    ? value
    : undefined;
}

function cssOf(element: Element): Map<string, string> {
  const declarations = (element.attribs.style ?? '').split(';').map((d) => d.split(':'));
  return new Map(
    declarations.map(([k, ...v]) => [(k ?? '').trim().toLowerCase(), v.join(':').trim().toLowerCase()]),
  );
}

/** HTML whitespace rules: runs of spaces collapse, and none survive at a line's edges. */
function tidyRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const previous = merged.at(-1);
    const prevText = previous?.text ?? '\n';
    let text = run.text;
    if (prevText.endsWith('\n') || prevText.endsWith(' ')) text = text.replace(/^ /, '');
    if (text === '\n' && previous) previous.text = previous.text.replace(/ $/, '');
    if (text === '') continue;
    if (previous && sameStyle(previous, run)) previous.text += text;
    else merged.push({ ...run, text });
  }
  const last = merged.at(-1);
  if (last) last.text = last.text.replace(/[ \n]+$/, '');
  while (merged[0]?.text.startsWith('\n')) {
    const first = merged[0];
    first.text = first.text.replace(/^\n+/, '');
    if (first.text === '') merged.shift();
  }
  return merged.filter((r) => r.text !== '');
}

function sameStyle(a: Style, b: Style): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline;
}
