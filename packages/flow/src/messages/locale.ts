import { z } from 'zod';

/** The languages the product speaks: Vietnamese first, English second. */
export const Locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

/** A text in both languages, stored or sent as it is and shown in the reader's. */
export type Text = { vi: string; en: string };

/** Picks the reader's language of a text written in both. */
export function inLocale(locale: Locale, text: Text): string {
  return text[locale];
}
