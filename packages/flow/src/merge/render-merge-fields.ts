import type { Locale } from '../messages/locale.ts';
import { findField, referencedModule } from '../metadata/field-lookup.ts';
import type { FieldMeta, ModuleCatalog, ModuleMeta } from '../metadata/field-meta.ts';
import { escapeHtml, formatFieldValue, type UserDirectory } from './format-value.ts';
import { parseMergeFields } from './parse-merge-fields.ts';

type RecordData = Readonly<Record<string, unknown>>;

export interface RenderMergeFieldsArgs {
  text: string;
  record: RecordData;
  /** Records the reference fields point to, keyed by reference field; null when it points nowhere. */
  related: Readonly<Record<string, RecordData | null>>;
  module: ModuleMeta;
  catalog: ModuleCatalog;
  locale: Locale;
  timeZone: string;
  /** Escape values for an HTML body; the text around them is the author's HTML and kept. */
  html: boolean;
  users?: UserDirectory;
}

/**
 * The text with every merge field replaced by the record's value, formatted for the locale.
 * A merge field that names nothing is left as written: saving the flow refuses those, so one
 * seen here means the module changed since, and showing it beats sending a silent gap.
 */
export function renderMergeFields(args: RenderMergeFieldsArgs): string {
  const { text, html } = args;
  return parseMergeFields(text)
    .map((segment) => {
      if (segment.kind === 'text') return segment.text;
      const value = resolve({ ...args, field: segment.field, key: segment.key });
      if (value === undefined) return html ? escapeHtml(segment.raw) : segment.raw;
      return html ? escapeHtml(value) : value;
    })
    .join('');
}

function resolve(args: RenderMergeFieldsArgs & { field: string; key: string | null }): string | undefined {
  const { module, catalog, record, related, field: fieldKey, key } = args;
  const field = findField(module, fieldKey);
  if (!field) return undefined;
  const target = referencedModule({ catalog, module, refFieldKey: fieldKey });
  if (key === null) {
    if (!target) return format(args, field, record[fieldKey]);
    // A bare reference reads as the related record's name, not its id.
    const linked = related[fieldKey];
    if (linked === null) return '';
    if (linked === undefined) return format(args, field, record[fieldKey]);
    const title = findField(target, target.titleField);
    return title ? format(args, title, linked[target.titleField]) : '';
  }
  if (!target) return undefined;
  const subField = findField(target, key);
  if (!subField) return undefined;
  const linked = related[fieldKey];
  return linked ? format(args, subField, linked[key]) : '';
}

function format(args: RenderMergeFieldsArgs, field: FieldMeta, value: unknown): string {
  return formatFieldValue({
    field,
    value,
    locale: args.locale,
    timeZone: args.timeZone,
    ...(args.users ? { users: args.users } : {}),
  });
}
