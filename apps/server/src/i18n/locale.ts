import type { Locale } from '@crmflow/flow';

/** The product's languages and the one way to pick a text's, declared with the message catalogue. */
export { Locale } from '@crmflow/flow';

/**
 * The language of a response when the user has not chosen one: English only when the client
 * prefers it to Vietnamese, Vietnamese otherwise (the product speaks Vietnamese first).
 */
export function localeFromHeader(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'vi';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag.startsWith('vi') || entry.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'vi';
}
