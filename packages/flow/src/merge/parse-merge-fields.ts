/**
 * Merge fields (docs/semantics.md, Actions): `#` then a field key, optionally `.key` of the record a reference
 * field points to; `##` is a literal `#`. HTML tags and character references are never merge
 * fields, so a body's `color:#ff0000` or `&#x27;` stays as written.
 */
export type MergeSegment =
  | { kind: 'text'; text: string }
  | { kind: 'field'; field: string; key: string | null; raw: string; start: number };

export interface MergeFieldRef {
  field: string;
  key: string | null;
  /** As written, `#contact_id.name`: what the editor highlights and errors quote. */
  raw: string;
  start: number;
}

const tokenPattern = /<[a-zA-Z/!][^<>]*>|&#|##|#([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?/g;

export function parseMergeFields(text: string): MergeSegment[] {
  const segments: MergeSegment[] = [];
  let buffer = '';
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const [whole, field, key] = match;
    buffer += text.slice(last, match.index);
    last = match.index + whole.length;
    if (field === undefined) {
      buffer += whole === '##' ? '#' : whole;
      continue;
    }
    if (buffer) segments.push({ kind: 'text', text: buffer });
    buffer = '';
    segments.push({ kind: 'field', field, key: key ?? null, raw: whole, start: match.index });
  }
  buffer += text.slice(last);
  if (buffer) segments.push({ kind: 'text', text: buffer });
  return segments;
}

/** Only the merge fields of a text, in order of appearance. */
export function mergeFieldRefs(text: string): MergeFieldRef[] {
  return parseMergeFields(text).flatMap((segment) =>
    segment.kind === 'field'
      ? [{ field: segment.field, key: segment.key, raw: segment.raw, start: segment.start }]
      : [],
  );
}
