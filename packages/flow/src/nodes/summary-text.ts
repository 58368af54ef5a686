import { render } from '../messages/catalogue.ts';
import type { Locale } from '../messages/locale.ts';
import { fieldLabel, findField, referencedModule } from '../metadata/field-lookup.ts';
import type { ModuleCatalog, ModuleMeta } from '../metadata/field-meta.ts';

/**
 * A field path as users know it: `Email`, or `Liên hệ › Email` for a field of the record a
 * reference points at; `#path`, as written in texts, when the field is unknown.
 */
export function fieldPathText(args: {
  module: ModuleMeta;
  catalog?: ModuleCatalog;
  path: string;
  locale: Locale;
}): string {
  const { module, catalog, path, locale } = args;
  const [head = '', tail] = path.split('.');
  const first = findField(module, head);
  if (!first) return `#${path}`;
  if (tail === undefined) return fieldLabel(first, locale);
  const target = catalog && referencedModule({ catalog, module, refFieldKey: head });
  const second = target && findField(target, tail);
  return second ? `${fieldLabel(first, locale)} › ${fieldLabel(second, locale)}` : `#${path}`;
}

/**
 * Recipients in words: fields by label, chosen users by name (a count past three, or when a name
 * is unknown), then typed addresses: `Chủ sở hữu, Nguyễn Văn An, a@b.vn`.
 */
export function recipientsText(args: {
  to: { fields: string[]; users: string[]; addresses?: string[] };
  module: ModuleMeta;
  catalog?: ModuleCatalog;
  locale: Locale;
  nameOf?: (id: string) => string | undefined;
}): string {
  const { to, locale, nameOf } = args;
  const parts = to.fields.map((path) => fieldPathText({ ...args, path }));
  const names = to.users.flatMap((id) => nameOf?.(id) ?? []);
  if (to.users.length <= 3 && names.length === to.users.length) {
    parts.push(...names);
  } else {
    parts.push(countText({ count: to.users.length, unit: 'summary.users', locale }));
  }
  parts.push(...(to.addresses ?? []));
  return parts.length > 0 ? parts.join(', ') : render(locale, 'summary.nobody');
}

/** An id of the organization's data as users know it: its name when known, else the id itself. */
export function nameText(id: string, nameOf?: (id: string) => string | undefined): string {
  return nameOf?.(id) ?? id;
}

/** A count with its unit, singular for one: `1 day`, `3 days`, `3 ngày`. */
export function countText(args: {
  count: number;
  unit: 'summary.days' | 'summary.hours' | 'summary.minutes' | 'summary.users';
  locale: Locale;
}): string {
  const { count, unit, locale } = args;
  return render(locale, count === 1 ? `${unit}_one` : unit, { count });
}

/** Keeps canvas nodes one line high: long texts end in an ellipsis. */
export function clip(text: string, max = 60): string {
  const single = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

export function daysText(days: number, locale: Locale): string {
  return countText({ count: days, unit: 'summary.days', locale });
}
