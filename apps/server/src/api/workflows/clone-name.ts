import { messages, render } from '@crmflow/flow';
import type { Locale } from '../../i18n/locale.ts';

/** The longest name a workflow may have (the API's `Name`). */
const MAX_NAME = 200;

/** "Name (bản sao)", "Name (bản sao 3)", "Name (copy 2)": a copy's suffix, in either language. */
const copyWords = messages['settings.copy'];
const copySuffix = new RegExp(`\\s\\((?:${copyWords.vi}|${copyWords.en})(?: (\\d+))?\\)$`, 'u');

/**
 * The name of a new copy: the source's name with "(bản sao)" — or "(copy)" for an English-speaking
 * user — then "(bản sao 2)", "(bản sao 3)"… so that it differs from every name already `taken`.
 * Copying a copy counts on from its source's name instead of stacking suffixes
 * ("A (bản sao)" → "A (bản sao 2)"). The name is shortened so the suffix always fits.
 */
export function cloneName(source: string, taken: Iterable<string>, locale: Locale): string {
  const used = new Set(taken);
  const base = source.replace(copySuffix, '').trim();
  for (let n = 1; ; n += 1) {
    const word = render(locale, 'settings.copy');
    const suffix = n === 1 ? ` (${word})` : ` (${word} ${n})`;
    const name = `${base.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(name)) return name;
  }
}
