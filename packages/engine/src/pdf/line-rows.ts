import { type ChildNode, type Element, isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type LineValue = { key: string; value: unknown; line: Record<string, unknown>; index: number };

/**
 * Repeats every `<tr data-each="lines">` of a print template once per order line, filling its
 * `#line.<key>` placeholders (`#line.quantity`, `#line.product_id.name`) with the caller's
 * formatting — money and dates in the organization's locale are the caller's business.
 *
 * Runs before the record's own merge fields are filled, so values are HTML-escaped and, unless
 * `mergeFollows` is false, their `#` doubled: a product called "Áo #1" stays "Áo #1" after the
 * merge instead of being read as a field. `##line.x` in the template is a literal, kept as is.
 */
export function expandLineRows(input: {
  html: string;
  lines: Record<string, unknown>[];
  format?: (value: LineValue) => string;
  mergeFollows?: boolean;
}): string {
  const format = input.format ?? defaultFormat;
  const mergeFollows = input.mergeFollows ?? true;
  const document = parseDocument(input.html, { withStartIndices: true, withEndIndices: true });
  const rows = outermostRows(document.children);
  let html = input.html;
  // Back to front, so earlier offsets stay valid while later rows are replaced.
  for (const row of rows.reverse()) {
    const start = row.startIndex;
    const end = row.endIndex;
    if (start === null || end === null) continue;
    const template = input.html.slice(start, end + 1);
    const expanded = input.lines
      .map((line, index) =>
        fillPlaceholders(template, (key) => {
          const text = escapeHtml(format({ key, value: valueAt(line, key), line, index }));
          return mergeFollows ? text.replaceAll('#', '##') : text;
        }),
      )
      .join('');
    html = html.slice(0, start) + expanded + html.slice(end + 1);
  }
  return html;
}

function outermostRows(nodes: ChildNode[]): Element[] {
  const rows: Element[] = [];
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === 'tr' && node.attribs['data-each'] === 'lines') rows.push(node);
    else rows.push(...outermostRows(node.children));
  }
  return rows;
}

const PLACEHOLDER = /^line\.([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)/;

/** Scans `#` by `#` so that `##` (a literal `#`) is never taken for the start of a placeholder. */
function fillPlaceholders(template: string, textFor: (key: string) => string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const hash = template.indexOf('#', i);
    if (hash === -1) return out + template.slice(i);
    out += template.slice(i, hash);
    if (template[hash + 1] === '#') {
      out += '##';
      i = hash + 2;
      continue;
    }
    const match = PLACEHOLDER.exec(template.slice(hash + 1));
    if (match?.[1]) {
      out += textFor(match[1]);
      i = hash + 1 + match[0].length;
    } else {
      out += '#';
      i = hash + 1;
    }
  }
  return out;
}

function valueAt(line: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(line, key)) return line[key];
  const [head = '', tail = ''] = key.split('.');
  const related = line[head];
  return tail && related !== null && typeof related === 'object'
    ? Object.entries(related).find(([k]) => k === tail)?.[1]
    : undefined;
}

function defaultFormat({ value }: LineValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return '';
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
