import { formatFieldValue } from '../merge/format-value.ts';
import { text } from '../messages/catalogue.ts';
import type { Locale, Text } from '../messages/locale.ts';
import { defaultTimeZone, fieldLabel, findField } from '../metadata/field-lookup.ts';
import type { ModuleMeta } from '../metadata/field-meta.ts';
import {
  type ConditionItem,
  type ConditionLogic,
  type ConditionRule,
  isConditionGroup,
} from './condition-config.ts';
import { operatorLabels } from './operators.ts';

const logicWords: Record<ConditionLogic, Text> = { and: text('operator.and'), or: text('operator.or') };

/** Criteria in words, nested groups in brackets: `Tình trạng bằng Đã giao hàng và (…)`. */
export function describeCriteria(args: {
  logic: ConditionLogic;
  rules: ConditionItem[];
  module: ModuleMeta;
  locale: Locale;
}): string {
  const { logic, rules, module, locale } = args;
  const joiner = ` ${logicWords[logic][locale]} `;
  return rules
    .map((item) =>
      isConditionGroup(item)
        ? `(${describeCriteria({ logic: item.logic, rules: item.rules, module, locale })})`
        : describeRule({ rule: item, module, locale }),
    )
    .join(joiner);
}

export function describeRule(args: { rule: ConditionRule; module: ModuleMeta; locale: Locale }): string {
  const { rule, module, locale } = args;
  const field = findField(module, rule.field);
  const name = field ? fieldLabel(field, locale) : rule.field;
  const shown = (value: unknown): string =>
    field ? formatFieldValue({ field, value, locale, timeZone: defaultTimeZone }) : String(value);
  const op = operatorLabels[rule.op][locale];
  switch (rule.op) {
    case 'between':
      return `${name} ${op} ${shown(rule.value[0])} – ${shown(rule.value[1])}`;
    case 'in':
    case 'not_in':
      return `${name} ${op} ${rule.value.map(shown).join(', ')}`;
    case 'date_within_last':
    case 'date_within_next':
      return `${name} ${op.replace('…', String(rule.value))}`;
    case 'empty':
    case 'not_empty':
    case 'changed':
    case 'date_today':
      return `${name} ${op}`;
    default:
      return `${name} ${op} ${Array.isArray(rule.value) ? rule.value.map(shown).join(', ') : shown(rule.value)}`;
  }
}
