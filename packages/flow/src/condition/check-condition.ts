import { text } from '../messages/catalogue.ts';
import type { ModuleMeta } from '../metadata/field-meta.ts';
import { checkFieldRef, fieldName } from '../nodes/checks/field-checks.ts';
import { checkValueForField } from '../nodes/checks/value-checks.ts';
import type { WorkflowKind } from '../nodes/node-definition.ts';
import type { ConfigIssue, ValidationContext } from '../validate/validation-error.ts';
import {
  type ConditionConfig,
  type ConditionItem,
  type ConditionRule,
  isConditionGroup,
} from './condition-config.ts';
import { changeOperators, operatorLabels, operatorsForFieldType } from './operators.ts';

type Path = (string | number)[];

interface RuleCheckArgs {
  module: ModuleMeta;
  kind: WorkflowKind;
  context: ValidationContext;
}

/** Every rule against the module: the field exists, the operator fits it, the value fits both. */
export function checkCondition(args: RuleCheckArgs & { config: ConditionConfig }): ConfigIssue[] {
  if (args.config.mode === 'all') return [];
  return checkItems({ ...args, items: args.config.rules, path: ['rules'] });
}

function checkItems(args: RuleCheckArgs & { items: ConditionItem[]; path: Path }): ConfigIssue[] {
  if (args.items.length === 0) {
    return [{ path: args.path, code: 'condition_empty', message: text('config.condition_group_empty') }];
  }
  return args.items.flatMap((item, index) => {
    const path = [...args.path, index];
    return isConditionGroup(item)
      ? checkItems({ ...args, items: item.rules, path: [...path, 'rules'] })
      : checkRule({ ...args, rule: item, path });
  });
}

function checkRule(args: RuleCheckArgs & { rule: ConditionRule; path: Path }): ConfigIssue[] {
  const { rule, path, module, kind, context } = args;
  const { field, issues } = checkFieldRef({ module, key: rule.field, path: [...path, 'field'] });
  if (!field) return issues;
  const op = operatorLabels[rule.op];
  if (!operatorsForFieldType(field.type).includes(rule.op)) {
    return [
      {
        path: [...path, 'op'],
        code: 'operator_not_allowed',
        message: text('config.operator_not_allowed', { op, recordField: fieldName(field) }),
      },
    ];
  }
  if (kind === 'schedule' && changeOperators.includes(rule.op)) {
    return [
      {
        path: [...path, 'op'],
        code: 'operator_not_for_kind',
        message: text('config.operator_not_for_kind', { op }),
      },
    ];
  }
  const valuePath = [...path, 'value'];
  switch (rule.op) {
    case 'eq':
    case 'ne':
    case 'changed_to':
    case 'changed_from':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return checkValueForField({ field, value: rule.value, path: valuePath, context });
    case 'contains':
    case 'not_contains':
    case 'starts_with':
      if (field.type === 'multipicklist')
        return checkValueForField({ field, value: rule.value, path: valuePath });
      return rule.value === '' ? [emptyValue(valuePath)] : [];
    case 'between':
      return rule.value.flatMap((bound, index) =>
        checkValueForField({ field, value: bound, path: [...valuePath, index], context }),
      );
    case 'in':
    case 'not_in':
      if (rule.value.length === 0) return [emptyValue(valuePath)];
      return rule.value.flatMap((item, index) =>
        checkValueForField({ field, value: item, path: [...valuePath, index], context }),
      );
    default:
      return [];
  }
}

function emptyValue(path: Path): ConfigIssue {
  return { path, code: 'required', message: text('config.compare_value_missing') };
}
