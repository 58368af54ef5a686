import type { ConditionRule } from '../condition/condition-config.ts';
import { evaluateCondition } from '../condition/evaluate-condition.ts';
import { defaultTimeZone } from '../metadata/field-lookup.ts';
import type { ModuleCatalog, ModuleKey } from '../metadata/field-meta.ts';
import { isEmptyValue } from '../values/normalize-value.ts';

/** The rules that cannot all hold, on one field: at least two of them. */
export type Contradiction = { field: string; rules: ConditionRule[] };

/** Rules whose outcome depends on the value alone, not on the day or on the edit. */
const stateOps = new Set<ConditionRule['op']>([
  'eq',
  'ne',
  'in',
  'not_in',
  'empty',
  'not_empty',
  'contains',
  'not_contains',
  'starts_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
]);

/** The values a rule allows the field to end with, when it names them. */
function pinned(rule: ConditionRule): unknown[] | null {
  if (rule.op === 'empty') return [null];
  if ((rule.op === 'eq' || rule.op === 'changed_to') && !Array.isArray(rule.value)) return [rule.value];
  if (rule.op === 'in') return rule.value;
  return null;
}

/** A rule tested on the value as the change leaves it: `changed_to v` asks for `v`. */
function asStateRule(rule: ConditionRule): ConditionRule | null {
  if (rule.op === 'changed_to' && !Array.isArray(rule.value))
    return { field: rule.field, op: 'eq', value: rule.value };
  return stateOps.has(rule.op) ? rule : null;
}

/**
 * Whether rules that must all hold contradict each other on some field: a field pinned to values
 * (`=`, `đổi thành`, `thuộc`, `trống`) none of which passes every other rule of that field, as the
 * condition evaluator itself judges it (the same comparison, text folded, accents ignored, so two
 * spellings of one value are never taken for a contradiction). On a creation, `đổi từ` a value
 * cannot hold: there was no value before. Unknown is never a contradiction.
 */
export function findContradiction(args: {
  rules: readonly ConditionRule[];
  module: ModuleKey;
  catalog: ModuleCatalog;
  onCreate?: boolean;
}): Contradiction | null {
  const { rules, module, catalog } = args;
  if (args.onCreate) {
    const from = rules.find((rule) => rule.op === 'changed_from' && !isEmptyValue(rule.value));
    if (from) return { field: from.field, rules: [from] };
  }
  const fields = [...new Set(rules.map((rule) => rule.field))];
  for (const field of fields) {
    if (!catalog[module].fields.some((meta) => meta.key === field)) continue;
    const own = rules.filter((rule) => rule.field === field);
    const pin = own.find((rule) => pinned(rule) !== null);
    if (!pin) continue;
    const tests = own.flatMap((rule) => asStateRule(rule) ?? []);
    const passes = (value: unknown) =>
      evaluateCondition({
        config: { mode: 'criteria', logic: 'and', rules: tests, ignoreAccents: true },
        record: { [field]: value },
        before: null,
        changes: [field],
        catalog,
        module,
        now: new Date(0),
        timeZone: defaultTimeZone,
      }).matched;
    if (!(pinned(pin) ?? []).some(passes)) {
      const failing = own.filter((rule) => rule === pin || asStateRule(rule) !== null);
      return { field, rules: failing };
    }
  }
  return null;
}
