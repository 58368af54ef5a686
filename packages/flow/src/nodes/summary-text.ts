import type { Locale } from '../metadata/field-lookup.ts';

/** Picks the sentence for the locale; summaries are written in both languages side by side. */
export function inLocale(locale: Locale, text: { vi: string; en: string }): string {
  return locale === 'vi' ? text.vi : text.en;
}

/** Recipients as users write them in texts: `#email, #owner_id, 2 người dùng, a@b.vn`. */
export function recipientsText(args: {
  to: { fields: string[]; users: string[]; addresses?: string[] };
  locale: Locale;
}): string {
  const { to, locale } = args;
  const parts = to.fields.map((key) => `#${key}`);
  if (to.users.length > 0) {
    parts.push(
      inLocale(locale, { vi: `${to.users.length} người dùng`, en: plural(to.users.length, 'user') }),
    );
  }
  parts.push(...(to.addresses ?? []));
  return parts.length > 0 ? parts.join(', ') : inLocale(locale, { vi: '(chưa chọn)', en: '(nobody yet)' });
}

/** An id of the organization's data as users know it: its name when known, else the id itself. */
export function nameText(id: string, nameOf?: (id: string) => string | undefined): string {
  return nameOf?.(id) ?? id;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
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
  return inLocale(locale, { vi: `${days} ngày`, en: plural(days, 'day') });
}
