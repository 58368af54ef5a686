import { foldText } from '../values/text-fold.ts';

/**
 * The letters of Vietnamese in both cases: every vowel with each of its tones, `đ`, and A–Z.
 * The database has no `unaccent` (PGlite ships without it), so searches fold text with
 * `translate(text, from, to)`, which needs the whole alphabet spelled out once.
 */
const vowels = 'aăâeêioôơuưy';
const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

function alphabet(): string[] {
  const letters = new Set<string>();
  for (const vowel of vowels) {
    letters.add(vowel);
    for (const tone of tones) letters.add(`${vowel}${tone}`.normalize('NFC'));
  }
  letters.add('đ');
  for (const letter of [...letters]) letters.add(letter.toUpperCase());
  for (let code = 65; code <= 90; code += 1) letters.add(String.fromCharCode(code));
  return [...letters];
}

/**
 * Arguments for SQL `translate()` that lower-case and strip accents the way `foldText` with
 * `ignoreAccents` does, letter for letter (each folds to exactly one character).
 */
export const accentFoldTranslation: { from: string; to: string } = (() => {
  const from: string[] = [];
  const to: string[] = [];
  for (const letter of alphabet()) {
    const folded = foldText(letter, { ignoreAccents: true });
    if (folded !== letter && folded.length === 1) {
      from.push(letter);
      to.push(folded);
    }
  }
  return { from: from.join(''), to: to.join('') };
})();

/** A search term in the form `accentFoldTranslation` gives stored text. */
export function foldSearchText(text: string): string {
  return foldText(text, { ignoreAccents: true });
}
