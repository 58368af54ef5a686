import type { z } from 'zod';
import { text } from '../messages/catalogue.ts';
import type { Text } from '../messages/locale.ts';
import type { ConfigIssue, SettingLabel } from './validation-error.ts';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

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

type Sentence = (setting: SettingLabel) => Text;

const required: Sentence = (setting) =>
  text(setting.pick ? 'config.choose' : 'config.enter', { field: setting });
const invalid: Sentence = (setting) => text('config.invalid', { field: setting });

/**
 * What a schema's complaint means to the person filling the form, as a sentence about the
 * setting's label: never the validator's own words, types or patterns.
 */
function sentenceOf(issue: Issue): { code: ConfigIssue['code']; message: Sentence } {
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'invalid_type':
      if (empty) return { code: 'required', message: required };
      if (issue.expected === 'int')
        return { code: 'config_invalid', message: (field) => text('config.whole_number', { field }) };
      return { code: 'config_invalid', message: invalid };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        if (min <= 1) return { code: 'required', message: required };
        if (issue.origin === 'string')
          return {
            code: 'config_invalid',
            message: (field) => text('config.text_too_short', { field, min }),
          };
        return { code: 'config_invalid', message: invalid };
      }
      return { code: 'config_invalid', message: (field) => text('config.number_too_small', { field, min }) };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string')
        return { code: 'config_invalid', message: (field) => text('config.text_too_long', { field, max }) };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'config_invalid', message: (field) => text('config.too_many', { field, max }) };
      return { code: 'config_invalid', message: (field) => text('config.number_too_big', { field, max }) };
    }
    case 'invalid_format':
      if (empty) return { code: 'required', message: required };
      if (issue.format === 'email') {
        const value = String(issue.input);
        return { code: 'config_invalid', message: (field) => text('config.email', { field, value }) };
      }
      return { code: 'config_invalid', message: invalid };
    case 'invalid_value':
      if (empty) return { code: 'required', message: required };
      return { code: 'config_invalid', message: (field) => text('config.choose_from_list', { field }) };
    default:
      return { code: 'config_invalid', message: invalid };
  }
}

/**
 * Parses `value`; every problem comes back at its place in the value with a sentence made from
 * the label of the setting there, so no schema path, pattern or validator phrase reaches anyone.
 */
export function parseWithIssues<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): { ok: true; data: z.infer<Schema> } | { ok: false; issues: ConfigIssue[] } {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = flatten(parsed.error.issues).map(({ issue, path }) => ({ path, ...sentenceOf(issue) }));
  return { ok: false, issues };
}
