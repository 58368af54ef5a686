import { foldText, type MergeFieldOption } from '@crmflow/flow';

/**
 * The merge field being typed at the caret: `#` and what follows it up to the caret, when that is
 * still a field path. `##` is a literal `#`, so a `#` right after another opens nothing.
 */
export function mergeQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /#([a-z0-9_.]*)$/i.exec(before);
  if (!match) return null;
  const start = match.index;
  if (start > 0 && before[start - 1] === '#') return null;
  return { start, query: match[1] ?? '' };
}

/** Options whose token or label holds the query, ignoring case and accents; tokens first. */
export function filterMergeOptions(options: readonly MergeFieldOption[], query: string): MergeFieldOption[] {
  const wanted = foldText(query, { ignoreAccents: true });
  if (!wanted) return [...options];
  const byToken = options.filter((option) => option.token.slice(1).startsWith(wanted));
  const byLabel = options.filter(
    (option) => !byToken.includes(option) && foldText(option.label, { ignoreAccents: true }).includes(wanted),
  );
  return [...byToken, ...byLabel];
}

/** The text with `#query` at `start` replaced by the chosen token, and where the caret goes. */
export function insertMergeToken(args: { text: string; start: number; caret: number; token: string }): {
  text: string;
  caret: number;
} {
  const { text, start, caret, token } = args;
  const next = `${text.slice(0, start)}${token}${text.slice(caret)}`;
  return { text: next, caret: start + token.length };
}
