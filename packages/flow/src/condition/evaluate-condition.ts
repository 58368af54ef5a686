import { addDays } from '../dates/calendar-date.ts';
import { toCalendarDate, todayIn } from '../dates/today-in.ts';
import { findField } from '../metadata/field-lookup.ts';
import type { FieldMeta, ModuleCatalog, ModuleKey } from '../metadata/field-meta.ts';
import { isEmptyValue } from '../values/normalize-value.ts';
import {
  type CompareOptions,
  compareOrdered,
  valueContains,
  valueStartsWith,
  valuesEqual,
} from './compare-values.ts';
import {
  type ConditionConfig,
  type ConditionItem,
  type ConditionRule,
  isConditionGroup,
} from './condition-config.ts';
import type { Operator } from './operators.ts';

type RecordData = Readonly<Record<string, unknown>>;

/** One line of "why": each rule and group with its outcome, for the test panel and run logs. */
export type ConditionTraceEntry =
  | {
      path: string;
      kind: 'rule';
      field: string;
      op: Operator;
      expected?: unknown;
      actual: unknown;
      matched: boolean;
    }
  | { path: string; kind: 'group'; logic: 'and' | 'or'; matched: boolean };

export interface EvaluateConditionArgs {
  config: ConditionConfig;
  /** The record as it is now (after the edit). */
  record: RecordData;
  /** The record before the edit; null on create and in care processes. */
  before: RecordData | null;
  /** Field keys this edit changed (see `computeChanges`). */
  changes: readonly string[];
  catalog: ModuleCatalog;
  module: ModuleKey;
  now: Date;
  timeZone: string;
}

interface Scope extends CompareOptions {
  args: EvaluateConditionArgs;
  readonly today: string;
  trace: ConditionTraceEntry[];
}

/**
 * Whether the record meets the condition. Every rule is evaluated, even after the outcome is
 * known, so the trace explains all of them. A rule on a field the module no longer has fails.
 */
export function evaluateCondition(args: EvaluateConditionArgs): {
  matched: boolean;
  trace: ConditionTraceEntry[];
} {
  if (args.config.mode === 'all') return { matched: true, trace: [] };
  let today: string | undefined;
  const scope: Scope = {
    args,
    // Only date rules need today's date, and working it out in a time zone is not free.
    get today() {
      today ??= todayIn(args.timeZone, args.now);
      return today;
    },
    trace: [],
    ignoreAccents: args.config.ignoreAccents ?? false,
    timeZone: args.timeZone,
  };
  const matched = evaluateGroup(scope, { logic: args.config.logic, rules: args.config.rules }, 'rules');
  return { matched, trace: scope.trace };
}

function evaluateGroup(
  scope: Scope,
  group: { logic: 'and' | 'or'; rules: ConditionItem[] },
  path: string,
): boolean {
  const at = scope.trace.length;
  const outcomes = group.rules.map((item, index) =>
    isConditionGroup(item)
      ? evaluateGroup(scope, item, `${path}.${index}.rules`)
      : evaluateRule(scope, item, `${path}.${index}`),
  );
  const matched = group.logic === 'and' ? outcomes.every(Boolean) : outcomes.some(Boolean);
  scope.trace.splice(at, 0, { path, kind: 'group', logic: group.logic, matched });
  return matched;
}

function evaluateRule(scope: Scope, rule: ConditionRule, path: string): boolean {
  const { record, catalog, module } = scope.args;
  const field = findField(catalog[module], rule.field);
  const actual = record[rule.field];
  const matched = field ? testRule(scope, rule, field) : false;
  const expected = 'value' in rule ? { expected: rule.value } : {};
  scope.trace.push({ path, kind: 'rule', field: rule.field, op: rule.op, ...expected, actual, matched });
  return matched;
}

function testRule(scope: Scope, rule: ConditionRule, field: FieldMeta): boolean {
  const { record, before, changes } = scope.args;
  const actual = record[field.key];
  const changed = changes.includes(field.key);
  const compare = (expected: unknown) => ({ field, actual, expected, options: scope });
  const order = (value: unknown) => compareOrdered(compare(value));
  const day = () => toCalendarDate(actual, scope.timeZone);
  switch (rule.op) {
    case 'empty':
      return isEmptyValue(actual);
    case 'not_empty':
      return !isEmptyValue(actual);
    case 'eq':
      return valuesEqual(compare(rule.value));
    case 'ne':
      return !valuesEqual(compare(rule.value));
    case 'contains':
      return valueContains(compare(rule.value));
    case 'not_contains':
      return !valueContains(compare(rule.value));
    case 'starts_with':
      return valueStartsWith(compare(rule.value));
    case 'gt':
      return order(rule.value) === 1;
    case 'gte':
      return (order(rule.value) ?? -1) >= 0;
    case 'lt':
      return order(rule.value) === -1;
    case 'lte':
      return (order(rule.value) ?? 1) <= 0;
    case 'between':
      return (order(rule.value[0]) ?? -1) >= 0 && (order(rule.value[1]) ?? 1) <= 0;
    case 'in':
      return rule.value.some((item) => valuesEqual(compare(item)));
    case 'not_in':
      return !rule.value.some((item) => valuesEqual(compare(item)));
    case 'changed':
      return changed;
    case 'changed_to':
      return changed && valuesEqual(compare(rule.value));
    case 'changed_from':
      return (
        changed && valuesEqual({ field, actual: before?.[field.key], expected: rule.value, options: scope })
      );
    case 'date_today':
      return day() === scope.today;
    case 'date_within_last': {
      const date = day();
      return date !== null && date >= addDays(scope.today, -rule.value) && date <= scope.today;
    }
    case 'date_within_next': {
      const date = day();
      return date !== null && date >= scope.today && date <= addDays(scope.today, rule.value);
    }
  }
}
