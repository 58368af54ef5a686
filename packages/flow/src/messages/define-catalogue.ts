import { inLocale, type Locale, type Text } from './locale.ts';

/** The `{name}` placeholders of a template string, as a union of their names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A parameter's value: a number, a text of user data, or a text in both languages. */
export type Param = string | number | Text;

/** One entry of a catalogue: the same sentence in both languages, with the same placeholders. */
export type Entry = { readonly vi: string; readonly en: string };

/** The codes of a catalogue whose two languages do not name the same placeholders. */
export type MismatchedCodes<Catalogue extends Record<string, Entry>> = {
  [Code in keyof Catalogue]: [Placeholders<Catalogue[Code]['vi']>] extends [
    Placeholders<Catalogue[Code]['en']>,
  ]
    ? [Placeholders<Catalogue[Code]['en']>] extends [Placeholders<Catalogue[Code]['vi']>]
      ? never
      : Code
    : Code;
}[keyof Catalogue];

/**
 * Declares a catalogue. It is a compile error for a code's Vietnamese and English to take
 * different parameters: the `check` argument must then name the codes that differ.
 */
export function defineCatalogue<const Catalogue extends Record<string, Entry>>(
  catalogue: Catalogue &
    ([MismatchedCodes<Catalogue>] extends [never] ? unknown : { mismatched: MismatchedCodes<Catalogue> }),
): Catalogue {
  return catalogue;
}

/** Fills `{name}` placeholders; a text parameter is read in the same language. */
export function fill(template: string, locale: Locale, params: Readonly<Record<string, Param>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? inLocale(locale, value) : String(value);
  });
}

/** The placeholder names a template string holds, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))];
}
