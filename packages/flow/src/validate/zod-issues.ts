import { z } from 'zod';
import type { ConfigIssue } from './validation-error.ts';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

const vi = z.locales.vi();
const en = z.locales.en();

/**
 * A union reports every branch's complaints. The branch the author meant is the one whose
 * issues are least about keys it does not have, then the one with fewest issues; its issues,
 * placed under the union's path, are what the canvas shows.
 */
function flatten(issues: readonly Issue[], prefix: Path = []): { issue: Issue; path: Path }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.filter((part) => typeof part !== 'symbol')];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ issue, path }];
    // With `reportInput`, an issue about an absent key has no input; a discriminator that
    // matches no option says the branch is the wrong one just as plainly.
    const offTarget = (item: Issue) =>
      item.input === undefined || (item.code === 'invalid_union' && item.discriminator !== undefined);
    const score = (branch: Issue[]) => branch.filter(offTarget).length;
    const best = issue.errors.reduce((chosen, branch) => {
      const better = score(branch) - score(chosen) || branch.length - chosen.length;
      return better < 0 ? branch : chosen;
    });
    return flatten(best, path);
  });
}

/**
 * Parses `value`, with every problem told in Vietnamese and English. Parsing twice (once per
 * locale) keeps the process-wide zod configuration untouched, which other code may set.
 */
export function parseWithIssues<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): { ok: true; data: z.infer<Schema> } | { ok: false; issues: ConfigIssue[] } {
  const inVi = schema.safeParse(value, { error: vi.localeError, reportInput: true });
  if (inVi.success) return { ok: true, data: inVi.data };
  const inEn = schema.safeParse(value, { error: en.localeError, reportInput: true });
  const enIssues = inEn.success ? [] : flatten(inEn.error.issues);
  const issues = flatten(inVi.error.issues).map(({ issue, path }, index) => ({
    path,
    code: 'config_invalid' as const,
    message: `${where(path, 'vi')}${issue.message}.`,
    messageEn: `${where(path, 'en')}${enIssues[index]?.issue.message ?? issue.message}.`,
  }));
  return { ok: false, issues };
}

function where(path: Path, locale: 'vi' | 'en'): string {
  if (path.length === 0) return '';
  return locale === 'vi' ? `mục "${path.join('.')}": ` : `at "${path.join('.')}": `;
}
